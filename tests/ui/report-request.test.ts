/**
 * The planner's review-report request (src/ui/app/report-request.ts): the estates asked for, in that
 * order, with their own coverage rows only, walking access of the kinds that have facilities only.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEstates, resolveParameters, type FacilityKind } from '../../src/core';
import { getProfile } from '../../src/profiles';
import { localDate, reportRequest } from '../../src/ui/app/report-request';
import { initialState } from '../../src/store/initial-state';
import type { AppState, KindCoverage } from '../../src/store/types';
import { estate, facility } from '../store/fixtures';

const profile = getProfile('hefei')!;
const { parameters } = resolveParameters(profile, {});

/** One kind's coverage of the estates: e1 reaches f1 in 4.2 minutes, the others nothing. */
const kindCoverage = (ids: string[], minutes: number): KindCoverage => ({
  estates: ids.map((id, k) => ({
    id,
    nearestFacility: k === 0 ? 'f1' : null,
    minutes: k === 0 ? 4.2 : null,
    distanceM: k === 0 ? 252 : null,
    covered: k === 0,
    offNetwork: false,
    underserved: k !== 0,
    households: 1000,
    demand: null,
    supplyDemandRatio: null,
  })),
  facilities: [],
  summary: {
    households: 1000 * ids.length,
    householdsCovered: 1000,
    pctCovered: 100 / ids.length,
    householdsUnderserved: 1000 * (ids.length - 1),
    estatesUnderserved: ids.length - 1,
    facilitiesOverCapacity: 0,
    demandUnmet: null,
  },
  parameters: { minutes, speedMps: 1, thresholdM: minutes * 60, capacityUnit: null, mode: 'network' },
  underserved: { type: 'FeatureCollection', features: [] },
});

function state(): AppState {
  const base = initialState();
  const estates = ['e1', 'e2', 'e3'].map((id) => ({ ...estate(id), name: `小区${id}` }));
  const evaluation = evaluateEstates(estates, profile, parameters);
  const byKind: Partial<Record<FacilityKind, KindCoverage>> = {
    nursery: kindCoverage(['e1', 'e2', 'e3'], 5),
    'elderly-daycare': kindCoverage(['e1', 'e2', 'e3'], 15),
  };
  return {
    ...base,
    scenario: { ...base.scenario, id: 's', name: '测试', estates, facilities: [facility('f1')] },
    view: { ...base.view, lang: 'en' },
    results: {
      ...base.results,
      // As if overridden in Settings: the report states the parameters the evaluation used.
      evaluation: {
        ...evaluation,
        parameters: { ...parameters, personsPerHousehold: 3.1 },
        parameterErrors: [],
        profileId: 'hefei',
      },
      coverage: { byKind },
    },
  };
}

describe('reportRequest', () => {
  it('reports the estates asked for in the order asked, each once, and drops unknown ids', () => {
    const request = reportRequest(state(), ['e3', 'nope', 'e1', 'e3'], { date: '2026-12-07', subject: 'x' })!;
    expect(request.results.map((r) => r.id)).toEqual(['e3', 'e1']);
    expect(request.estates.map((e) => e.id).sort()).toEqual(['e1', 'e3']);
    expect(request).toMatchObject({ profileId: 'hefei', date: '2026-12-07', lang: 'en', subject: 'x' });
    expect(request.parameters.personsPerHousehold).toBe(3.1);
  });

  it("keeps the kinds that have facilities, with the reported estates' rows and the kind's minutes", () => {
    const request = reportRequest(state(), ['e1'], { date: '2026-12-07', subject: null })!;
    // Only nurseries exist (fixtures' facility kind): no elderly-care walking access is reported.
    expect(Object.keys(request.coverage)).toEqual(['nursery']);
    expect(request.coverage.nursery).toEqual({
      estates: [
        { id: 'e1', nearestFacility: 'f1', minutes: 4.2, distanceM: 252, covered: true, offNetwork: false },
      ],
      parameters: { minutes: 5, speedMps: 1, mode: 'network' },
    });
    expect(request.facilities.map((f) => f.id)).toEqual(['f1']);
  });

  it('asks nothing before compliance is computed or when no estate is left', () => {
    const s = state();
    expect(reportRequest({ ...s, results: { ...s.results, evaluation: null } }, ['e1'], opts)).toBeNull();
    expect(reportRequest(s, ['nope'], opts)).toBeNull();
    expect(reportRequest(s, [], opts)).toBeNull();
  });
});

const opts = { date: '2026-12-07', subject: null };

describe('localDate', () => {
  it('writes the local calendar date with two-digit month and day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});
