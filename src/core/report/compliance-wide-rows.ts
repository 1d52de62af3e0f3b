import type { Estate } from '../model/estate';
import type { RuleProfile } from '../model/rule-profile';
import type { EstateResult } from '../model/verdict';
import { METRICS } from '../rules/metric-catalogue';
import { VERDICT_LABELS, type ComplianceTable, type ReportLanguage } from './compliance-rows';

/** What the wide table needs of an estate besides its result: where it is and its district. */
export type EstatePlace = Pick<Estate, 'id' | 'row' | 'district' | 'location'>;

const BASE: Record<ReportLanguage, string[]> = {
  zh: ['编号', '小区名称', '区县', '经度', '纬度', '户数', '人口', '状态', '总体结论'],
  en: ['id', 'name', 'district', 'longitude', 'latitude', 'households', 'residents', 'status', 'overall'],
};
const PER_RULE: Record<ReportLanguage, [string, string, string, string]> = {
  zh: ['要求', '提供', '缺口', '结论'],
  en: ['required', 'provided', 'shortfall', 'verdict'],
};
const STATUS: Record<ReportLanguage, Record<string, string>> = {
  zh: { new: '新建', existing: '已建' },
  en: { new: 'new', existing: 'existing' },
};

const round = (value: number | null | undefined, digits = 2): number | null =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The compliance table in wide form, as a housing bureau files it: one row per estate with district,
 * WGS-84 coordinates, households, residents, status and overall result, then for each rule that judged
 * any estate its required / provided / shortfall / verdict (the unit in the column title).
 * @param results evaluated estates (evaluateEstates, in any order)
 * @param places the estates' district and location, matched to results by id and row
 * @param profile the profile used (rule order, ids and units)
 * @param lang `zh` (default) or `en`
 * @returns header, rows and numeric-column flags
 * @example csvText(...Object.values(complianceWideRows(results, estates, hefei, 'zh')).slice(0, 2))
 */
export function complianceWideRows(
  results: readonly EstateResult[],
  places: readonly EstatePlace[],
  profile: RuleProfile,
  lang: ReportLanguage = 'zh',
): ComplianceTable {
  const placeOf = new Map(places.map((p) => [`${p.id}\u0000${p.row}`, p]));
  const judged = new Set(results.flatMap((r) => r.verdicts.map((v) => v.rule)));
  const rules = profile.rules.filter((rule) => judged.has(rule.id));
  const header = [...BASE[lang]];
  for (const rule of rules) {
    const unit = METRICS[rule.metric]?.verdictUnit ?? rule.unit;
    const [required, provided, shortfall, verdict] = PER_RULE[lang];
    header.push(
      `${rule.id} ${required} (${unit})`,
      `${rule.id} ${provided} (${unit})`,
      `${rule.id} ${shortfall} (${unit})`,
      `${rule.id} ${verdict}`,
    );
  }
  const rows = results.map((result) => {
    const place = placeOf.get(`${result.id}\u0000${result.row}`);
    const row: (string | number | null)[] = [
      result.id,
      result.name,
      place?.district ?? null,
      round(place?.location?.[0], 6),
      round(place?.location?.[1], 6),
      result.households,
      round(result.residents),
      result.status === null ? null : (STATUS[lang][result.status] ?? result.status),
      VERDICT_LABELS[lang][result.overall],
    ];
    for (const rule of rules) {
      const v = result.verdicts.find((verdict) => verdict.rule === rule.id);
      row.push(
        round(v?.required),
        round(v?.provided),
        round(v?.shortfall),
        v ? VERDICT_LABELS[lang][v.status] : null,
      );
    }
    return row;
  });
  const numeric = header.map(
    (_, c) => [3, 4, 5, 6].includes(c) || (c >= BASE[lang].length && (c - BASE[lang].length) % 4 !== 3),
  );
  return { header, rows, numeric };
}
