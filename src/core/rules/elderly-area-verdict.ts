import type { Estate } from '../model/estate';
import type { Rule } from '../model/rule-profile';
import type { Verdict } from '../model/verdict';
import { buildVerdict, fmt, given, meets, type NotePair, passOrFail, round2 } from './verdict-builder';

const UNIT = 'm²';

/**
 * `elderlyCareAreaPer100Households`: the estate's elderly-care floor area against
 * threshold × households / 100 m², and, when the rule has `minFacilityArea` (Hefei's 单体面积 ≥ 350 m²),
 * every facility listed in `elderlyCareFacilityAreas` against that minimum. Two 300 m² rooms that meet
 * the ratio still fail. A missing area is insufficient-data (required still given); 0 m² fails.
 * @param rule an estate rule with metric elderlyCareAreaPer100Households
 * @param estate the estate
 * @returns the verdict; shortfall is the area shortfall against the ratio
 * @example elderlyAreaVerdict(hefeiNew, { ...estate, households: 1000, elderlyCareFloorArea: 280 }) // fail, required 300, shortfall 20
 */
export function elderlyAreaVerdict(rule: Rule, estate: Estate): Verdict {
  const notes: NotePair[] = [];
  const sizes = estate.elderlyCareFacilityAreas?.filter((size) => Number.isFinite(size)) ?? [];
  let total = given(estate.elderlyCareFloorArea) ? estate.elderlyCareFloorArea : null;
  if (total === null && sizes.length > 0) {
    total = round2(sizes.reduce((sum, size) => sum + size, 0));
    notes.push([
      `total area taken as the sum of the facilities listed (${sizes.map(fmt).join(' + ')} m²)`,
      `总面积按所列各设施面积之和计（${sizes.map(fmt).join(' + ')} 平方米）`,
    ]);
  }
  if (!given(estate.households)) {
    notes.push(['households (户数) not given', '未提供户数']);
    return buildVerdict(rule, UNIT, 'insufficient-data', null, total, notes);
  }
  const required = round2((rule.threshold * estate.households) / 100);
  if (total === null) {
    notes.push([
      'elderly-care floor area not given (a missing value is not read as zero)',
      '未提供养老服务用房面积（缺失不按0计）',
    ]);
    return buildVerdict(rule, UNIT, 'insufficient-data', required, null, notes);
  }
  const status = passOrFail(total, required);
  const minFacility = rule.options?.minFacilityArea;
  if (typeof minFacility !== 'number') return buildVerdict(rule, UNIT, status, required, total, notes);

  if (sizes.length > 0) {
    const listed = round2(sizes.reduce((sum, size) => sum + size, 0));
    if (given(estate.elderlyCareFloorArea) && Math.abs(listed - total) > 0.5) {
      notes.push([
        `the facilities listed sum to ${fmt(listed)} m² but the total given is ${fmt(total)} m²; the total is used for the ratio`,
        `所列设施面积之和为 ${fmt(listed)} 平方米，与填报总面积 ${fmt(total)} 平方米不符；比例按总面积计`,
      ]);
    }
    const small = sizes
      .map((size, i) => ({ n: i + 1, size }))
      .filter(({ size }) => !meets(size, minFacility));
    if (small.length === 0) return buildVerdict(rule, UNIT, status, required, total, notes);
    notes.push([
      `${small.map(({ n, size }) => `facility ${n} (${fmt(size)} m²)`).join(', ')} below the ${fmt(minFacility)} m² single-facility minimum`,
      `${small.map(({ n, size }) => `第${n}处设施（${fmt(size)} 平方米）`).join('、')}低于单体 ${fmt(minFacility)} 平方米的要求`,
    ]);
    return buildVerdict(rule, UNIT, 'fail', required, total, notes);
  }
  if (total > 0 && !meets(total, minFacility)) {
    notes.push([
      `the whole ${fmt(total)} m² is below the ${fmt(minFacility)} m² single-facility minimum, so no facility can meet it`,
      `总面积 ${fmt(total)} 平方米已低于单体 ${fmt(minFacility)} 平方米的要求`,
    ]);
    return buildVerdict(rule, UNIT, 'fail', required, total, notes);
  }
  if (status === 'pass' && total > 0) {
    notes.push([
      `sizes of the single facilities not given (elderlyCareFacilityAreas): cannot check each is ≥ ${fmt(minFacility)} m²`,
      `未提供各处设施面积，无法核对单体是否不低于 ${fmt(minFacility)} 平方米`,
    ]);
    return buildVerdict(rule, UNIT, 'insufficient-data', required, total, notes);
  }
  return buildVerdict(rule, UNIT, status, required, total, notes);
}
