import type { Facility } from '../model/facility';
import type { ProfileParameters, Rule, RuleProfile } from '../model/rule-profile';
import type { Verdict } from '../model/verdict';
import { METRICS, ruleKinds } from './metric-catalogue';
import { buildVerdict, fmt, given, type NotePair, passOrFail, round2 } from './verdict-builder';

/** Floor area against threshold × capacity (places or beds); null capacity or area → insufficient-data. */
function perCapacityVerdict(
  rule: Rule,
  facility: Facility,
  capacity: number | null,
  what: NotePair,
): Verdict {
  const area = given(facility.capacity.floorArea) ? facility.capacity.floorArea : null;
  const required = given(capacity) ? round2(rule.threshold * capacity) : null;
  const notes: NotePair[] = [];
  if (required === null) notes.push([`${what[0]} not given`, `未提供${what[1]}`]);
  if (area === null) notes.push(['floor area (建筑面积) not given', '未提供建筑面积']);
  const minPlaces = rule.options?.minPlacesPerCentre;
  if (typeof minPlaces === 'number' && given(capacity) && capacity < minPlaces) {
    notes.push([
      `${fmt(capacity)} places: below the ${fmt(minPlaces)} places set for public centres (reported, not judged)`,
      `托位 ${fmt(capacity)} 个，低于综合服务中心不少于 ${fmt(minPlaces)} 个的规模（仅提示）`,
    ]);
  }
  if (required === null || area === null)
    return buildVerdict(rule, 'm²', 'insufficient-data', required, area, notes);
  return buildVerdict(rule, 'm²', passOrFail(area, required), required, area, notes);
}

/**
 * Evaluates the facility-scope rules of a profile (floor area per place or bed, minimum floor area)
 * for one facility. A rule whose `kinds` option does not include the facility's kind is not-applicable.
 * @param facility the facility (capacities null when not given)
 * @param profile the rule profile
 * @param _parameters parameters in force (no facility rule uses one yet; kept for a uniform signature)
 * @returns one verdict per facility-scope rule, in profile order
 * @example evaluateFacility(nursery, ganzi, ganzi.parameters) // ganzi.place-area: 15 m² × places
 */
export function evaluateFacility(
  facility: Facility,
  profile: RuleProfile,
  _parameters: ProfileParameters,
): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const rule of profile.rules) {
    if (rule.scope !== 'facility') continue;
    const unit = METRICS[rule.metric]?.verdictUnit ?? rule.unit;
    const kinds = ruleKinds(rule);
    if (!kinds.includes(facility.kind)) {
      const note: NotePair = [
        `applies to ${kinds.join(', ')}; this facility is ${facility.kind}`,
        `适用于 ${kinds.join('、')}；本设施为 ${facility.kind}`,
      ];
      verdicts.push(buildVerdict(rule, unit, 'not-applicable', null, null, [note]));
    } else if (rule.metric === 'floorAreaPerPlace') {
      verdicts.push(
        perCapacityVerdict(rule, facility, facility.capacity.places, ['places (托位数)', '托位数']),
      );
    } else if (rule.metric === 'floorAreaPerBed') {
      verdicts.push(perCapacityVerdict(rule, facility, facility.capacity.beds, ['beds (床位数)', '床位数']));
    } else {
      const area = given(facility.capacity.floorArea) ? facility.capacity.floorArea : null;
      verdicts.push(
        area === null
          ? buildVerdict(rule, unit, 'insufficient-data', rule.threshold, null, [
              ['floor area (建筑面积) not given', '未提供建筑面积'],
            ])
          : buildVerdict(rule, unit, passOrFail(area, rule.threshold), rule.threshold, area),
      );
    }
  }
  return verdicts;
}
