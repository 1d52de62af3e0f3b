/**
 * Compliance with the walking-time rules added: the worker's evaluation (estate-scope rules) joined
 * with the coverage results, so an estate 20 minutes from the nearest elderly-care station fails
 * `hefei.elderly-15min` on the map, in the totals and in the exports, not only in its detail panel.
 */
import {
  FACILITY_KINDS,
  summarizeEstateResults,
  withWalkingTimeVerdicts,
  type FacilityKind,
  type ReachOf,
  type RuleProfile,
} from '../core';
import type { CoverageView, EvaluationView, KindCoverage } from './types';

/**
 * @param evaluation the worker's evaluation (null: none yet)
 * @param coverage coverage per kind (null: none yet; walking-time verdicts are then insufficient-data)
 * @param profile the profile the evaluation used (undefined: the evaluation is returned as it is)
 * @returns the evaluation with one verdict per coverage-scope rule on every estate, overall and
 *   totals recomputed; the inputs are not changed
 */
export function withWalkingTimes(
  evaluation: EvaluationView | null,
  coverage: CoverageView | null,
  profile: RuleProfile | undefined,
): EvaluationView | null {
  if (!evaluation || !profile || !profile.rules.some((r) => r.scope === 'coverage')) return evaluation;
  const rows = new Map<FacilityKind, Map<string, KindCoverage['estates'][number]>>();
  for (const kind of FACILITY_KINDS) {
    const result = coverage?.byKind[kind];
    if (result) rows.set(kind, new Map(result.estates.map((e) => [e.id, e])));
  }
  // An estate without a row (added after the coverage run) has no coverage yet: undefined.
  const reachOf: ReachOf = (estateId, kind) => {
    const row = rows.get(kind)?.get(estateId);
    return row && { minutes: row.minutes, offNetwork: row.offNetwork };
  };
  const estates = withWalkingTimeVerdicts(evaluation.estates, profile.rules, reachOf);
  return {
    ...evaluation,
    estates,
    summary: summarizeEstateResults(estates, profile, ['estate', 'coverage']),
  };
}
