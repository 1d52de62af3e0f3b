import {
  complianceRows,
  VERDICT_LABELS,
  VERDICT_STATUSES,
  type EstateResult,
  type EvaluationSummary,
  type ImportError,
  type ImportWarning,
  type ProfileParameters,
  type ReportLanguage,
  type RuleProfile,
  type Verdict,
} from '../core';
import type { LoadedProfile } from './load-profile';
import { terminalSafe, textTable } from './text-table';

interface CheckReport {
  parameters: ProfileParameters;
  estates: EstateResult[];
  district: { verdicts: Verdict[] };
  errors: ImportError[];
  warnings: ImportWarning[];
  summary: EvaluationSummary & { rows: number; rowsWithErrors: number };
}

const WORDS = {
  zh: {
    profile: '规则配置',
    userProfile: '用户自定义规则配置',
    parameters: '参数',
    estates: '小区',
    district: '区域指标',
    summary: '汇总',
    errors: '无法使用的行',
    warnings: '数据质量提示',
    row: '第',
    rowSuffix: '行',
    shortfall: '缺口合计',
  },
  en: {
    profile: 'Profile',
    userProfile: 'user profile',
    parameters: 'Parameters',
    estates: 'Estates',
    district: 'District rules',
    summary: 'Summary',
    errors: 'Rows that could not be used',
    warnings: 'Data-quality warnings',
    row: 'row ',
    rowSuffix: '',
    shortfall: 'total shortfall',
  },
} as const;

/**
 * Renders the check's result for a terminal: parameters, one line per estate and rule, district rules,
 * the summary, then every unusable row and every warning (never silently dropped).
 * @param report the check's report
 * @param loaded the profile used and where it came from (a user's file is marked)
 * @param lang `zh` or `en`
 * @returns the text
 */
export function checkTableText(report: CheckReport, loaded: LoadedProfile, lang: ReportLanguage): string {
  const w = WORDS[lang];
  const out: string[] = [];
  const profile: RuleProfile = loaded.profile;
  const mark = loaded.origin.source === 'user' ? ` [${w.userProfile}: ${loaded.origin.file ?? ''}]` : '';
  out.push(`${w.profile}: ${profile.name[lang]} (${profile.id})${mark}`);
  const params = Object.entries(report.parameters).map(
    ([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`,
  );
  out.push(`${w.parameters}: ${params.join(', ')}`, '');
  const table = complianceRows(report.estates, profile, lang);
  // A rule whose figure is not verified against its text says so on every line (policy/README.md).
  const trust = new Map(profile.rules.map((r) => [r.id, r.source.confidence]));
  const marks = {
    verified: '',
    secondary: lang === 'zh' ? ' [二手来源]' : ' [secondary]',
    'to-verify': lang === 'zh' ? ' [待核实]' : ' [to verify]',
  };
  const ruleLabel = (cell: string | number | null | undefined) => {
    const id = String(cell).split(' ')[0] ?? '';
    return id + marks[trust.get(id) ?? 'verified'];
  };
  const keep = [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12];
  out.push(
    textTable(
      keep.map((c) => table.header[c] ?? ''),
      table.rows.map((row) => keep.map((c) => (c === 5 ? ruleLabel(row[c]) : format(row[c])))),
      keep.map((c) => table.numeric[c] ?? false),
    ),
    '',
  );
  for (const rule of profile.rules.filter((r) => r.scope === 'estate')) {
    out.push(`  ${rule.id}${marks[rule.source.confidence]}: ${rule.title[lang]}`);
  }
  out.push('');
  if (report.district.verdicts.length > 0) {
    out.push(`${w.district}:`);
    const titles = new Map(profile.rules.map((r) => [r.id, r.title[lang]]));
    out.push(
      textTable(
        table.header.slice(5, 11),
        report.district.verdicts.map((v) => [
          `${v.rule} ${titles.get(v.rule) ?? ''}`,
          VERDICT_LABELS[lang][v.status],
          format(v.required),
          format(v.provided),
          format(v.shortfall),
          v.unit,
        ]),
        [false, false, true, true, true, false],
      ),
      '',
    );
  }
  out.push(`${w.summary}: ${w.estates} ${report.summary.estates} / ${report.summary.rows}`);
  out.push(
    '  ' + VERDICT_STATUSES.map((s) => `${VERDICT_LABELS[lang][s]} ${report.summary.overall[s]}`).join(' · '),
  );
  for (const rule of report.summary.rules) {
    const counts = VERDICT_STATUSES.map((s) => `${VERDICT_LABELS[lang][s]} ${rule.counts[s]}`).join(' · ');
    out.push(`  ${rule.rule}: ${counts}; ${w.shortfall} ${format(rule.totalShortfall)} ${rule.unit}`);
  }
  if (report.errors.length > 0) {
    out.push('', `${w.errors} (${report.errors.length}):`);
    for (const e of report.errors)
      out.push(
        `  ${w.row}${e.row}${w.rowSuffix} ${e.field ?? ''}: ${lang === 'zh' ? e.messageZh : e.message}`,
      );
  }
  if (report.warnings.length > 0) {
    out.push('', `${w.warnings} (${report.warnings.length}):`);
    for (const x of report.warnings) out.push(`  ${lang === 'zh' ? x.messageZh : x.message}`);
  }
  // Names, headers and messages quote the user's file: escaped outside the tables too.
  return terminalSafe(out.join('\n'), true) + '\n';
}

function format(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return value;
}
