import type { RuleProfile, RuleSource } from '../model/rule-profile';
import type { EstateResult, VerdictStatus } from '../model/verdict';

export type ReportLanguage = 'zh' | 'en';

/** A table for a report: one row per estate and rule, in the user's language. */
export interface ComplianceTable {
  header: string[];
  rows: (string | number | null)[][];
  /** Which columns hold numbers (right-aligned in a terminal, numeric cells in XLSX). */
  numeric: boolean[];
}

const HEADER: Record<ReportLanguage, string[]> = {
  zh: [
    '编号',
    '小区名称',
    '户数',
    '人口',
    '状态',
    '规则',
    '结果',
    '要求',
    '提供',
    '缺口',
    '单位',
    '依据',
    '说明',
  ],
  en: [
    'id',
    'name',
    'households',
    'residents',
    'status',
    'rule',
    'result',
    'required',
    'provided',
    'shortfall',
    'unit',
    'source',
    'note',
  ],
};

export const VERDICT_LABELS: Record<ReportLanguage, Record<VerdictStatus, string>> = {
  zh: { pass: '达标', fail: '不达标', 'not-applicable': '不适用', 'insufficient-data': '数据不足' },
  en: { pass: 'pass', fail: 'FAIL', 'not-applicable': 'n/a', 'insufficient-data': 'insufficient data' },
};

const STATUS_LABELS: Record<ReportLanguage, Record<string, string>> = {
  zh: { new: '新建', existing: '已建' },
  en: { new: 'new', existing: 'existing' },
};

/**
 * Cites a rule's source the way a planner would write it: document, line or clause, confidence.
 * @param source the rule's source
 * @param lang report language
 * @returns e.g. `001_82989894b6aaeb46.txt 第207行` or `GB 50180-2018 附录B (to-verify)`
 */
export function citeSource(source: RuleSource, lang: ReportLanguage): string {
  const where = source.line
    ? lang === 'zh'
      ? ` 第${source.line}行`
      : ` line ${source.line}`
    : source.clause
      ? ` ${source.clause}`
      : '';
  const doc = source.title ? `${source.title} (${source.document})` : source.document;
  const trust =
    source.confidence === 'verified'
      ? ''
      : lang === 'zh'
        ? ` [${source.confidence === 'secondary' ? '二手来源' : '待核实'}]`
        : ` [${source.confidence}]`;
  return doc + where + trust;
}

const round = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

/**
 * Builds the compliance table of an evaluation: one row per estate and estate-scope verdict.
 * @param estates evaluated estates (evaluateEstates)
 * @param profile the profile used, for rule titles
 * @param lang `zh` (default) or `en`
 * @returns header, rows and numeric-column flags
 */
export function complianceRows(
  estates: readonly EstateResult[],
  profile: RuleProfile,
  lang: ReportLanguage = 'zh',
): ComplianceTable {
  const titles = new Map(profile.rules.map((rule) => [rule.id, rule.title[lang]]));
  const rows: (string | number | null)[][] = [];
  for (const estate of estates) {
    for (const verdict of estate.verdicts) {
      rows.push([
        estate.id,
        estate.name,
        estate.households,
        round(estate.residents),
        estate.status === null ? '' : (STATUS_LABELS[lang][estate.status] ?? estate.status),
        `${verdict.rule} ${titles.get(verdict.rule) ?? ''}`.trim(),
        VERDICT_LABELS[lang][verdict.status],
        round(verdict.required),
        round(verdict.provided),
        round(verdict.shortfall),
        verdict.unit,
        citeSource(verdict.source, lang),
        (lang === 'zh' ? (verdict.noteZh ?? verdict.note) : verdict.note) ?? '',
      ]);
    }
  }
  const numeric = HEADER[lang].map((_, c) => [2, 3, 7, 8, 9].includes(c));
  return { header: HEADER[lang], rows, numeric };
}
