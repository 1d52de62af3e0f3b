import type { FacilityKind } from '../model/facility';
import type { Rule } from '../model/rule-profile';
import type { EstateResult, Verdict } from '../model/verdict';
import { overallStatus } from './summarize-estate-results';
import { round2 } from './verdict-builder';

/**
 * What the coverage engine found for one estate and one facility kind. Its nearest-facility search is
 * not bounded by the service minutes, so `minutes` null on the network means no facility of the kind
 * can be reached at all.
 */
export interface EstateReach {
  /** Walking minutes to the nearest facility of the kind; null when none can be reached. */
  minutes: number | null;
  /** The estate has no location or lies off the street network (nothing is known). */
  offNetwork: boolean;
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
 * a failure: no coverage yet, or an estate off the network, give insufficient-data; on the network with
 * no facility of the kinds reachable, the rule fails.
 * @param rule a coverage-scope rule with `options.kinds`
 * @param estateId the estate
 * @param reachOf the coverage results
 * @returns the verdict (required = the threshold in minutes, provided = the best minutes)
 * @example walkingTimeVerdict(rule, 'e1', (id, kind) => ({ minutes: 7.5, offNetwork: false }))
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
  return {
    ...base,
    status: 'fail',
    provided: null,
    shortfall: null,
    note: 'no facility of these kinds can be reached on foot',
    noteZh: '步行无法到达此类设施',
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
