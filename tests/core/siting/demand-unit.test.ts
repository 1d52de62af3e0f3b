import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lngLat } from '../../../src/core/geo/units';
import { createSnapper } from '../../../src/core/network';
import { proposeSites } from '../../../src/core/siting/propose-sites';
import type { SitingRequest } from '../../../src/core/siting/siting-types';
import { csrGraph, makeEstate } from '../coverage/helpers';

/*
 * A street of five nodes 100 m apart (lengths given, coordinates 0.001° apart on the equator):
 *
 *   0 —100— 1 —100— 2 —100— 3 —100— 4
 *   E0 (100 households) at node 0, E4 (50 households) at node 4; no existing facility.
 *
 * 2 minutes at 100/60 m/s = 200 m: only a site at node 2 reaches both estates, so with p = 1 the
 * answer is node 2, serving 150 households; in nursery places (2.5 persons per household, 0.01
 * places per resident) that is 150 × 2.5 × 0.01 = 3.75 places.
 */
const graph = csrGraph(
  [0, 0, 0.001, 0, 0.002, 0, 0.003, 0, 0.004, 0],
  [
    [0, 1, 100],
    [1, 2, 100],
    [2, 3, 100],
    [3, 4, 100],
  ],
);
const network = { graph, snapper: createSnapper(graph) };
const estates = [makeEstate('E0', [0, 0], 100), makeEstate('E4', [0.004, 0], 50)];
const candidates = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, location: lngLat(0.001 * i, 0) }));
const request: SitingRequest = {
  kind: 'nursery',
  model: 'mclp',
  count: 1,
  candidates,
  minutes: 2,
  speedMps: 100 / 60,
  snap: 'node',
  maxSnapM: 5000,
  personsPerHousehold: 2.5,
};

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('proposeSites: the demand unit of the proposal', () => {
  it('households by default: node 2 serves both estates', async () => {
    const p = await proposeSites({ network, estates, facilities: [], highs }, request);
    expect(p.sites.map((s) => s.id)).toEqual(['n2']);
    expect(p.objective).toBeCloseTo(150, 9);
    expect(p.unit).toBe('households');
  });

  it("the profile's demand in an uncapacitated model is counted and named in places", async () => {
    const p = await proposeSites(
      { network, estates, facilities: [], highs },
      { ...request, measure: 'demand', demand: { field: 'places', perResident: 0.01 } },
    );
    expect(p.sites.map((s) => s.id)).toEqual(['n2']);
    expect(p.sites[0]!.households).toBe(150);
    expect(p.objective).toBeCloseTo(3.75, 9);
    expect(p.coveredAfter).toBeCloseTo(3.75, 9);
    expect(p.unit).toBe('places');
  });
});
