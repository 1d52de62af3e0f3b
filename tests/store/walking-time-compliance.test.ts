/**
 * The store joins walking times into compliance: after a coverage result, an estate 25 minutes from
 * the nearest elderly-care station fails `hefei.elderly-15min` in its verdicts, its overall status
 * and the totals; a new coverage result judges it again.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEstates, resolveParameters } from '../../src/core';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import type { AppState, CoverageView, EvaluationView, KindCoverage } from '../../src/store/types';
import { getProfile } from '../../src/profiles';
import { scenario } from './fixtures';

const hefei = getProfile('hefei')!;

function loaded(): AppState {
  const s = reduce(initialState(), { type: 'scenario/load', scenario: scenario() });
  return reduce(s, { type: 'profile/set', profileId: 'hefei' });
}

function workerEvaluation(s: AppState): EvaluationView {
  const { parameters } = resolveParameters(hefei, {});
  const result = evaluateEstates(s.scenario.estates, hefei, parameters);
  return { ...result, parameters, parameterErrors: [] };
}

const stationMinutes = (minutes: Record<string, number | null>): CoverageView => ({
  byKind: {
    'elderly-station': {
      estates: Object.entries(minutes).map(([id, m]) => ({
        id,
        nearestFacility: m === null ? null : 'f1',
        minutes: m,
        distanceM: m === null ? null : m * 60,
        covered: m !== null && m <= 15,
        offNetwork: false,
        underserved: false,
        households: 100,
        demand: null,
        supplyDemandRatio: null,
      })),
    } as unknown as KindCoverage,
  },
});

const walking = (s: AppState, id: string) =>
  s.results
    .evaluation!.estates.find((e) => e.id === id)!
    .verdicts.find((v) => v.rule === 'hefei.elderly-15min')!;

describe('walking-time compliance in the store', () => {
  it('is insufficient-data before coverage, then pass / fail from the minutes, and follows new results', () => {
    let s = loaded();
    const evaluation = workerEvaluation(s);
    s = reduce(s, { type: 'results/evaluation', evaluation });
    expect(walking(s, 'e1').status).toBe('insufficient-data');
    s = reduce(s, { type: 'results/coverage', coverage: stationMinutes({ e1: 5, e2: 25 }) });
    expect(walking(s, 'e1')).toMatchObject({ status: 'pass', provided: 5 });
    expect(walking(s, 'e2')).toMatchObject({ status: 'fail', provided: 25, shortfall: 10 });
    expect(s.results.evaluation!.estates.find((e) => e.id === 'e2')!.overall).toBe('fail');
    const totals = s.results.evaluation!.summary.rules.find((r) => r.rule === 'hefei.elderly-15min')!;
    expect(totals.counts.fail).toBe(1);
    expect(totals.counts.pass).toBe(1);
    // Walking minutes are not summed over estates: the failing estates and their households instead.
    expect(totals.totalShortfall).toBeNull();
    expect(totals.failingHouseholds).toBe(1000); // e2's households (fixture)
    // The worker's evaluation is kept as it came.
    expect(s.results.workerEvaluation).toBe(evaluation);
    expect(evaluation.estates[0]!.verdicts.some((v) => v.rule === 'hefei.elderly-15min')).toBe(false);
    // A facility moved closer: the next coverage result passes e2.
    s = reduce(s, { type: 'results/coverage', coverage: stationMinutes({ e1: 5, e2: 9 }) });
    expect(walking(s, 'e2').status).toBe('pass');
    // An estate the coverage has no row for (added since) is not judged yet; none reachable fails.
    s = reduce(s, { type: 'results/coverage', coverage: stationMinutes({ e1: null }) });
    expect(walking(s, 'e1')).toMatchObject({ status: 'fail', provided: null });
    expect(walking(s, 'e2')).toMatchObject({
      status: 'insufficient-data',
      note: 'walking times not computed yet',
    });
  });
});
