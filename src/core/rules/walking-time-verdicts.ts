import type { FacilityKind } from '../model/facility';
import type { Rule } from '../model/rule-profile';
import type { EstateResult, Verdict } from '../model/verdict';
import { overallStatus } from './summarize-estate-results';
import { round2 } from './verdict-builder';

/** What the coverage engine found for one estate and one facility kind. */
export interface EstateReach {
  /** Walking minutes to the nearest facility of the kind; null when none was reached. */
  minutes: number | null;
  /** The estate has no location or lies off the street network (nothing is known). */
  offNetwork: boolean;
  /** How far the search went, minutes (the kind's service minutes): nothing beyond is known. */
  searchedMinutes: number;
}

/**
 * Looks up the coverage engine's result for an estate and a kind.
 * @returns undefined when coverage of that kind has not been computed
 */
export type ReachOf = (estateId: string, kind: FacilityKind) => EstateReach | undefined;

const kindsOf = (rule: Rule): FacilityKind[] =>
  String(rule.options?.kinds ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean) as FacilityKind[];

/**
 * One coverage-scope rule (walking minutes to the nearest facility of the listed kinds, e.g.
 * `hefei.elderly-15min`) for one estate, from the coverage engine's minutes. Unknown is never read as
 * a failure: no coverage yet, an estate off the network, or a search that stopped short of the
 * threshold give insufficient-data.
 * @param rule a coverage-scope rule with `options.kinds`
 * @param estateId the estate
 * @param reachOf the coverage results
 * @returns the verdict (required = the threshold in minutes, provided = the best minutes)
 * @example walkingTimeVerdict(rule, 'e1', (id, kind) => ({ minutes: 7.5, offNetwork: false, searchedMinutes: 15 }))
 */
export function walkingTimeVerdict(rule: Rule, estateId: string, reachOf: ReachOf): Verdict {
  const reaches = kindsOf(rule)
    .map((kind) => reachOf(estateId, kind))
    .filter((r): r is EstateReach => r !== undefined);
  const base = { rule: rule.id, required: rule.threshold, unit: rule.unit, source: rule.source };
  const unknown = (note: string, noteZh: string): Verdict => ({
    ...base,
    status: 'insufficient-data',
    provided: null,
    shortfall: null,
    note,
    noteZh,
  });
  if (reaches.length === 0) return unknown('walking times not computed yet', '步行时间尚未计算');
  const minutes = reaches.map((r) => r.minutes).filter((m): m is number => m !== null);
  if (minutes.length > 0) {
    const best = round2(Math.min(...minutes));
    const pass = best <= rule.threshold;
    return {
      ...base,
      status: pass ? 'pass' : 'fail',
      provided: best,
      shortfall: round2(Math.max(0, best - rule.threshold)),
    };
  }
  if (reaches.every((r) => r.offNetwork))
    return unknown(
      'the estate has no location or lies off the street network',
      '小区无坐标或不在路网附近，无法计算步行时间',
    );
  const searched = Math.min(...reaches.filter((r) => !r.offNetwork).map((r) => r.searchedMinutes));
  if (searched < rule.threshold)
    return unknown(
      `no facility within the ${searched} minutes searched (the rule allows ${rule.threshold})`,
      `在已计算的 ${searched} 分钟内没有设施（规则要求 ${rule.threshold} 分钟）`,
    );
  return {
    ...base,
    status: 'fail',
    provided: null,
    shortfall: null,
    note: `no facility of these kinds within ${searched} minutes on foot`,
    noteZh: `步行 ${searched} 分钟内没有此类设施`,
  };
}

/**
 * Adds the profile's coverage-scope verdicts to each estate's verdicts and recomputes its overall
 * status, so the map, the totals and the exports judge walking time like every other rule.
 * @param estates evaluated estates (estate-scope verdicts)
 * @param rules the profile's rules (only coverage-scope ones are used)
 * @param reachOf the coverage results
 * @returns new estate results; the input is not changed
 */
export function withWalkingTimeVerdicts(
  estates: readonly EstateResult[],
  rules: readonly Rule[],
  reachOf: ReachOf,
): EstateResult[] {
  const coverageRules = rules.filter((r) => r.scope === 'coverage');
  if (coverageRules.length === 0) return [...estates];
  return estates.map((estate) => {
    const verdicts = [
      ...estate.verdicts.filter((v) => !coverageRules.some((r) => r.id === v.rule)),
      ...coverageRules.map((rule) => walkingTimeVerdict(rule, estate.id, reachOf)),
    ];
    return { ...estate, verdicts, overall: overallStatus(verdicts) };
  });
}
