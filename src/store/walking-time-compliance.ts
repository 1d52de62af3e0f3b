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

/**
 * The joined evaluation after a what-if edit: walking-time verdicts re-derived for the estates whose
 * coverage rows changed only (the other results keep their identity), totals recomputed.
 * @param joined the evaluation shown (walking times of the previous coverage joined in)
 * @param evaluation the worker's evaluation it was joined from
 * @param coverage coverage after the edit
 * @param profile the profile the evaluation used
 * @param changed positions of the estates whose rows changed (in coverage and evaluation order)
 * @returns the same as `withWalkingTimes(evaluation, coverage, profile)`, or that itself when the
 *   evaluation's estates are not in the coverage's order
 */
export function withWalkingTimesAt(
  joined: EvaluationView | null,
  evaluation: EvaluationView | null,
  coverage: CoverageView,
  profile: RuleProfile | undefined,
  changed: Iterable<number>,
): EvaluationView | null {
  if (!evaluation || !joined || !profile || !profile.rules.some((r) => r.scope === 'coverage')) return joined;
  const estates = joined.estates.slice();
  for (const i of changed) {
    const worker = evaluation.estates[i];
    if (!worker || estates[i]?.id !== worker.id) return withWalkingTimes(evaluation, coverage, profile);
    const reachOf: ReachOf = (estateId, kind) => {
      const row = coverage.byKind[kind]?.estates[i];
      return row && row.id === estateId ? { minutes: row.minutes, offNetwork: row.offNetwork } : undefined;
    };
    estates[i] = withWalkingTimeVerdicts([worker], profile.rules, reachOf)[0]!;
  }
  return { ...joined, estates, summary: summarizeEstateResults(estates, profile, ['estate', 'coverage']) };
}
