import type { Estate } from '../model/estate';
import type { ProfileParameters, Rule } from '../model/rule-profile';
import type { Verdict } from '../model/verdict';
import { splitList } from './metric-catalogue';
import { buildVerdict, ceilCount, fmt, given, type NotePair, passOrFail } from './verdict-builder';

/** What an estate-metric function needs besides the rule. */
export interface EstateContext {
  estate: Estate;
  residents: number | null;
  residentsDerived: boolean;
  parameters: ProfileParameters;
}

/**
 * `nurseryPlacesPer1000Residents` for one estate: required places = ⌈threshold × residents / 1000⌉
 * (whole places, rounded up: 2,520 residents at 10 per 1000 need 26, since 25 is 9.92 per 1000).
 * @param rule the rule
 * @param ctx the estate, its residents (explicit or derived) and the parameters
 * @returns the verdict in places; a note says when residents were derived
 */
export function nurseryPlacesVerdict(rule: Rule, ctx: EstateContext): Verdict {
  const { estate, residents } = ctx;
  const provided = given(estate.nurseryPlaces) ? estate.nurseryPlaces : null;
  const notes: NotePair[] = [];
  if (residents === null) {
    notes.push(['neither residents (常住人口) nor households (户数) given', '未提供常住人口或户数']);
    return buildVerdict(rule, 'places', 'insufficient-data', null, provided, notes);
  }
  if (ctx.residentsDerived && given(estate.households)) {
    const pph = ctx.parameters.personsPerHousehold;
    notes.push([
      `residents derived: ${fmt(estate.households)} households × ${fmt(pph)} persons = ${fmt(residents)}`,
      `常住人口按 ${fmt(estate.households)} 户 × ${fmt(pph)} 人/户 = ${fmt(residents)} 人推算`,
    ]);
  }
  const required = ceilCount((rule.threshold * residents) / 1000);
  if (provided === null) {
    notes.push([
      'nursery places (托位数) not given (a missing value is not read as zero)',
      '未提供托位数（缺失不按0计）',
    ]);
    return buildVerdict(rule, 'places', 'insufficient-data', required, null, notes);
  }
  return buildVerdict(rule, 'places', passOrFail(provided, required), required, provided, notes);
}

/**
 * `childcareFloorArea`: the estate's childcare floor area against an absolute minimum (Henan: 200 m²).
 * @param rule the rule
 * @param ctx the estate
 * @returns the verdict in m²
 */
export function childcareAreaVerdict(rule: Rule, ctx: EstateContext): Verdict {
  const area = ctx.estate.childcareFloorArea;
  if (!given(area)) {
    const note: NotePair = [
      'childcare floor area (托育用房面积) not given (a missing value is not read as zero)',
      '未提供托育用房面积（缺失不按0计）',
    ];
    return buildVerdict(rule, 'm²', 'insufficient-data', rule.threshold, null, [note]);
  }
  return buildVerdict(rule, 'm²', passOrFail(area, rule.threshold), rule.threshold, area, []);
}

/** true: provided; false: given and nothing provided; null: not given. */
function categoryProvided(category: string, estate: Estate): boolean | null {
  const values =
    category === 'elderly'
      ? [estate.elderlyCareFloorArea, ...(estate.elderlyCareFacilityAreas ?? [])]
      : [estate.nurseryPlaces, estate.childcareFloorArea];
  const known = values.filter(given);
  if (known.some((value) => value > 0)) return true;
  return known.length > 0 ? false : null;
}

const CATEGORY_NAMES: Record<string, NotePair> = {
  elderly: ['elderly-care floor area', '养老服务用房'],
  childcare: ['childcare (nursery places or floor area)', '托育设施（托位或用房）'],
};

/**
 * `careCategoriesProvided` (四同步 proxy): how many of the listed care categories a new estate
 * provides at all. Only presence can be checked; planning, acceptance and delivery dates need records.
 * @param rule the rule; options.categories lists `elderly`, `childcare`
 * @param ctx the estate
 * @returns the verdict in categories
 */
export function careCategoriesVerdict(rule: Rule, ctx: EstateContext): Verdict {
  const categories = splitList(rule.options?.categories);
  const states = categories.map((category) => ({ category, state: categoryProvided(category, ctx.estate) }));
  const provided = states.filter(({ state }) => state === true).length;
  const unknown = states.filter(({ state }) => state === null);
  const missing = states.filter(({ state }) => state === false);
  const notes: NotePair[] = [];
  const name = (list: typeof states, lang: 0 | 1): string =>
    list.map(({ category }) => CATEGORY_NAMES[category]?.[lang] ?? category).join(lang === 0 ? ', ' : '、');
  if (missing.length > 0) notes.push([`not provided: ${name(missing, 0)}`, `未配建：${name(missing, 1)}`]);
  if (unknown.length > 0) notes.push([`not given: ${name(unknown, 0)}`, `未提供数据：${name(unknown, 1)}`]);
  if (provided >= rule.threshold)
    return buildVerdict(rule, 'categories', 'pass', rule.threshold, provided, notes);
  if (provided + unknown.length >= rule.threshold) {
    return buildVerdict(rule, 'categories', 'insufficient-data', rule.threshold, null, notes);
  }
  return buildVerdict(rule, 'categories', 'fail', rule.threshold, provided, notes);
}
