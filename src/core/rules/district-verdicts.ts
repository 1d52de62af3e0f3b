import type { ProfileParameters, Rule } from '../model/rule-profile';
import type { DistrictTotals, Verdict } from '../model/verdict';
import type { DISTRICT_TOTAL_KEYS } from './metric-catalogue';
import { buildVerdict, ceilCount, fmt, given, type NotePair, passOrFail, round2 } from './verdict-builder';

type TotalKey = (typeof DISTRICT_TOTAL_KEYS)[number];

/** Chinese labels of the totals, for notes. */
const TOTAL_ZH: Record<TotalKey, string> = {
  population: '常住人口',
  elderlyPopulation: '60岁及以上人口',
  nurseryPlaces: '托位数',
  elderlyCareBeds: '养老床位数',
  nursingBeds: '护理型床位数',
  elderlyCareLandM2: '养老服务设施用地面积',
  communities: '社区数',
  communitiesWithChildcare: '有托育服务的社区数',
  communitiesWithElderlyService: '有养老服务场所的社区数',
  streets: '街道数',
  streetsWithElderlyCareComplex: '有综合养老服务设施的街道数',
  urbanDistricts: '市辖区数',
  urbanDistrictsWithChildcareCentre: '有公办托育服务指导中心的市辖区数',
  towns: '乡镇数',
  townsWithElderlyService: '有养老服务的乡镇数',
  villages: '行政村数',
  villagesWithElderlyService: '有养老服务的行政村数',
};

/** The value of a total, or null when absent or not a non-negative number. */
export function total(totals: DistrictTotals, key: TotalKey): number | null {
  const value = totals[key];
  return given(value) ? value : null;
}

/** Note for the totals a rule needs but was not given. */
export function missingNote(keys: readonly TotalKey[]): NotePair {
  return [
    `district totals not given: ${keys.join(', ')}`,
    `未提供区域合计：${keys.map((k) => TOTAL_ZH[k]).join('、')}`,
  ];
}

/** Rate rules: required = threshold × base / per (rounded up to whole places/beds when `whole`). */
function rateVerdict(
  rule: Rule,
  unit: string,
  base: number | null,
  provided: number | null,
  missing: TotalKey[],
  per: number,
  whole: boolean,
  notes: NotePair[] = [],
): Verdict {
  const raw = base === null ? null : (rule.threshold * base) / per;
  const required = raw === null ? null : whole ? ceilCount(raw) : round2(raw);
  if (required === null || provided === null)
    return buildVerdict(rule, unit, 'insufficient-data', required, provided, [
      ...notes,
      missingNote(missing),
    ]);
  return buildVerdict(rule, unit, passOrFail(provided, required), required, provided, notes);
}

/**
 * One district-scope rule against jurisdiction totals. Missing totals give insufficient-data.
 * @param rule a district-scope rule
 * @param totals the jurisdiction's totals
 * @param parameters parameters in force (elderlyShare derives the elderly population when not given)
 * @returns the verdict
 */
export function districtVerdict(rule: Rule, totals: DistrictTotals, parameters: ProfileParameters): Verdict {
  const population = total(totals, 'population');
  const need = (pairs: [TotalKey, number | null][]): TotalKey[] =>
    pairs.filter(([, v]) => v === null).map(([k]) => k);
  switch (rule.metric) {
    case 'elderlyCareLandPerResident': {
      const land = total(totals, 'elderlyCareLandM2');
      return rateVerdict(
        rule,
        'm²',
        population,
        land,
        need([
          ['population', population],
          ['elderlyCareLandM2', land],
        ]),
        1,
        false,
      );
    }
    case 'nurseryPlacesPer1000Residents': {
      const places = total(totals, 'nurseryPlaces');
      return rateVerdict(
        rule,
        'places',
        population,
        places,
        need([
          ['population', population],
          ['nurseryPlaces', places],
        ]),
        1000,
        true,
      );
    }
    case 'bedsPer1000Elderly':
      return bedsVerdict(rule, totals, parameters);
    case 'nursingBedShare':
      return nursingShareVerdict(rule, totals);
    case 'coveredUnitShare':
      return unitShareVerdict(rule, totals);
    default:
      return buildVerdict(rule, rule.unit, 'not-applicable', null, null, [
        [`metric ${rule.metric} is not a district metric`, `指标 ${rule.metric} 不是区域指标`],
      ]);
  }
}

function bedsVerdict(rule: Rule, totals: DistrictTotals, parameters: ProfileParameters): Verdict {
  const beds = total(totals, 'elderlyCareBeds');
  const population = total(totals, 'population');
  let elderly = total(totals, 'elderlyPopulation');
  const notes: NotePair[] = [];
  if (elderly === null && population !== null) {
    elderly = Math.round(population * parameters.elderlyShare);
    notes.push([
      `elderly population derived: ${fmt(population)} residents × ${parameters.elderlyShare} (elderlyShare) = ${fmt(elderly)}`,
      `老年人口按 ${fmt(population)} 人 × ${parameters.elderlyShare}（60岁及以上占比）= ${fmt(elderly)} 人推算`,
    ]);
  }
  const missing: TotalKey[] = [];
  if (elderly === null) missing.push('elderlyPopulation');
  if (beds === null) missing.push('elderlyCareBeds');
  return rateVerdict(rule, 'beds', elderly, beds, missing, 1000, true, notes);
}

function nursingShareVerdict(rule: Rule, totals: DistrictTotals): Verdict {
  const beds = total(totals, 'elderlyCareBeds');
  const nursing = total(totals, 'nursingBeds');
  const missing: TotalKey[] = [];
  if (beds === null) missing.push('elderlyCareBeds');
  if (nursing === null) missing.push('nursingBeds');
  if (beds === null || nursing === null)
    return buildVerdict(rule, '%', 'insufficient-data', rule.threshold, null, [missingNote(missing)]);
  if (beds === 0) {
    return buildVerdict(rule, '%', 'insufficient-data', rule.threshold, null, [
      ['no elderly-care beds: the share is undefined', '养老床位数为0，占比无法计算'],
    ]);
  }
  const share = round2((100 * nursing) / beds);
  const status = passOrFail(share, rule.threshold);
  const more = ceilCount((rule.threshold / 100) * beds) - nursing;
  const notes: NotePair[] =
    status === 'fail'
      ? [
          [
            `${fmt(more)} more nursing-type beds needed at ${fmt(beds)} beds`,
            `按 ${fmt(beds)} 张床位计，还需护理型床位 ${fmt(more)} 张`,
          ],
        ]
      : [];
  return buildVerdict(rule, '%', status, rule.threshold, share, notes);
}

function unitShareVerdict(rule: Rule, totals: DistrictTotals): Verdict {
  const unitsKey = rule.options?.units as TotalKey;
  const coveredKey = rule.options?.covered as TotalKey;
  const unit = String(rule.options?.countUnit ?? 'units');
  const units = total(totals, unitsKey);
  const covered = total(totals, coveredKey);
  const missing: TotalKey[] = [];
  if (units === null) missing.push(unitsKey);
  if (covered === null) missing.push(coveredKey);
  if (units === null || covered === null) {
    const required = units === null ? null : ceilCount((rule.threshold / 100) * units);
    return buildVerdict(rule, unit, 'insufficient-data', required, covered, [missingNote(missing)]);
  }
  const required = ceilCount((rule.threshold / 100) * units);
  const notes: NotePair[] = [
    [
      `${fmt(rule.threshold)} % of ${fmt(units)} ${unit}, rounded up`,
      `${TOTAL_ZH[unitsKey]} ${fmt(units)} 的 ${fmt(rule.threshold)}%，向上取整`,
    ],
  ];
  if (covered > units) {
    notes.push([
      `${coveredKey} exceeds ${unitsKey}: check the totals`,
      `${TOTAL_ZH[coveredKey]}大于${TOTAL_ZH[unitsKey]}，请核对`,
    ]);
  }
  return buildVerdict(rule, unit, passOrFail(covered, required), required, covered, notes);
}
