import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import { citeSource, type ReportLanguage } from './compliance-rows';

/** Where the profile used came from: one of the built-in files, or a user's own. */
export interface ProfileOrigin {
  source: 'builtin' | 'user';
  /** The user's file name (or the name the planner saved it under). */
  file?: string;
}

const WORDS = {
  zh: {
    scenario: '方案',
    profile: '规则配置',
    origin: '来源',
    builtin: '内置规则配置',
    user: '用户自定义规则配置（非内置）',
    date: '日期',
    parameter: '参数',
    rule: '规则',
  },
  en: {
    scenario: 'Scenario',
    profile: 'Profile',
    origin: 'Source',
    builtin: 'built-in profile',
    user: 'user profile (not built in)',
    date: 'Date',
    parameter: 'parameter',
    rule: 'rule',
  },
} as const;

/**
 * The block a filed table starts with (or its second sheet): scenario, profile and whether it is a
 * user's own, the date, every parameter used, and every rule with its threshold and citation
 * (unverified figures badged).
 * @param info the profile, its origin, the parameters used, the date (`YYYY-MM-DD`) and optionally the scenario name
 * @param lang `zh` or `en`
 * @returns rows of cells, two to five wide
 * @example profileHeaderRows({ profile, origin: { source: 'user', file: 'guiyang.json' }, parameters, date: '2026-12-04' }, 'zh')
 */
export function profileHeaderRows(
  info: {
    profile: RuleProfile;
    origin: ProfileOrigin;
    parameters: ProfileParameters;
    date: string;
    scenario?: string;
  },
  lang: ReportLanguage,
): (string | number | null)[][] {
  const w = WORDS[lang];
  const { profile, origin } = info;
  const rows: (string | number | null)[][] = [];
  if (info.scenario !== undefined) rows.push([w.scenario, info.scenario]);
  rows.push([w.profile, profile.name[lang], profile.id]);
  rows.push([
    w.origin,
    origin.source === 'user' ? w.user : w.builtin,
    ...(origin.file === undefined ? [] : [origin.file]),
  ]);
  rows.push([w.date, info.date]);
  for (const [name, value] of Object.entries(info.parameters)) {
    if (typeof value === 'number') rows.push([w.parameter, name, value]);
    else
      for (const [kind, minutes] of Object.entries(value))
        rows.push([w.parameter, `${name}.${kind}`, minutes]);
  }
  for (const rule of profile.rules) {
    rows.push([
      w.rule,
      rule.id,
      rule.title[lang],
      `${rule.operator} ${rule.threshold} ${rule.unit}`,
      citeSource(rule.source, lang),
    ]);
  }
  return rows;
}
