import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageOptions } from '../../../src/core/coverage';
import { csrGraph, makeEstate, makeFacility, tableSnapper } from './helpers';

/*
 * Hand-worked example. Graph (lengths in metres, coordinates only label the points):
 *
 *   0 —100— 1 —200— 2 —300— 3
 *                   |
 *                   50
 *                   |
 *                   4
 *
 * F1 on edge 0–1, 30 m from node 0, access leg 10 m;  F2 at node 3, access 5 m (a node-snapped point).
 * E1 on edge 1–2, 50 m from node 1, access 20;  E2 on edge 0–1, 80 m from node 0 (same edge as F1), access 0;
 * E3 at node 4 (edge 2–4, 50 m from node 2), access 5;  E4 has no location;  E5 is off the network.
 *
 * Distances worked by hand (access legs included):
 *   E1: F1 = 10 + 70 + 50 + 20 = 150 (network 120, access 30);  F2 = 5 + 300 + 150 + 20 = 475
 *   E2: F1 along the shared edge = 10 + |80 − 30| + 0 = 60 (network 50); through node 1 would be 100
 *   E3: F1 = 10 + 70 + 200 + 50 + 5 = 335;  F2 = 5 + 300 + 50 + 5 = 360
 * Service distance 6 min × 60 × 1 m/s = 360 m: E1, E2, E3 covered; E3 is reached by both (360 ≤ 360).
 *
 * 2SFCA with 2 persons per household and 0.01 places per resident:
 *   demand E1 = 100 × 2 × 0.01 = 2, E2 = 50 × 2 × 0.01 = 1, E3 = 200 × 2 × 0.01 = 4
 *   F1 (2 places): D = 2 + 1 + 4 = 7, load 3.5, R = 2/7;  F2 (10 places): D = 4, load 0.4, R = 2.5
 *   A(E1) = A(E2) = 2/7 (only F1, over capacity → underserved);  A(E3) = 2/7 + 2.5 (F2 fine → served)
 *   unmet = 2 × (1 − 2/7) + 1 × (1 − 2/7) = 15/7
 */
const P = {
  F1: [1, 0],
  F2: [3, 0],
  E1: [1.5, 0],
  E2: [0.8, 0],
  E3: [2, -1],
  E5: [9, 9],
} as const;
const key = (p: readonly number[]): string => `${p[0]},${p[1]}`;
const graph = csrGraph(
  [0, 0, 1, 0, 2, 0, 3, 0, 2, -1],
  [
    [0, 1, 100],
    [1, 2, 200],
    [2, 3, 300],
    [2, 4, 50],
  ],
);
const snapper = tableSnapper({
  [key(P.F1)]: { nodeA: 0, nodeB: 1, offsetA: 30, offsetB: 70, accessM: 10 },
  [key(P.F2)]: { nodeA: 3, nodeB: 3, offsetA: 0, offsetB: 0, accessM: 5 },
  [key(P.E1)]: { nodeA: 2, nodeB: 1, offsetA: 150, offsetB: 50, accessM: 20 },
  [key(P.E2)]: { nodeA: 0, nodeB: 1, offsetA: 80, offsetB: 20, accessM: 0 },
  [key(P.E3)]: { nodeA: 2, nodeB: 4, offsetA: 50, offsetB: 0, accessM: 5 },
});
const estates = [
  makeEstate('E1', [...P.E1], 100),
  makeEstate('E2', [...P.E2], 50),
  makeEstate('E3', [...P.E3], 200),
  makeEstate('E4', null, 30),
  makeEstate('E5', [...P.E5], 40),
];
const facilities = [makeFacility('F1', [...P.F1], 2), makeFacility('F2', [...P.F2], 10)];
const options: CoverageOptions = {
  minutes: 6,
  speedMps: 1,
  personsPerHousehold: 2,
  capacity: { field: 'places', perResident: 0.01 },
};

describe('computeCoverage on a hand-worked network', () => {
  const result = computeCoverage({ estates, facilities, network: { graph, snapper }, options });
  const row = (id: string) => result.estates.find((e) => e.id === id)!;

  it('measures access legs, network distance and the shared-edge shortcut', () => {
    expect(row('E1')).toMatchObject({
      nearestFacility: 'F1',
      networkM: 120,
      accessM: 30,
      distanceM: 150,
      snapM: 20,
    });
    expect(row('E1').minutes).toBeCloseTo(2.5, 12);
    expect(row('E2')).toMatchObject({ nearestFacility: 'F1', networkM: 50, accessM: 10, distanceM: 60 });
    expect(row('E3')).toMatchObject({ nearestFacility: 'F1', distanceM: 335, covered: true });
  });

  it('reports estates without location or off the network, never drops them', () => {
    expect(row('E4')).toMatchObject({
      offNetwork: true,
      reason: 'no-location',
      covered: false,
      distanceM: null,
    });
    expect(row('E5')).toMatchObject({
      offNetwork: true,
      reason: 'off-network',
      covered: false,
      underserved: false,
    });
    expect(result.summary).toMatchObject({
      estates: 5,
      estatesOffNetwork: 2,
      householdsOffNetwork: 70,
      estatesCovered: 3,
    });
    expect(result.summary.pctCovered).toBe(100);
  });

  it('computes the 2SFCA numbers worked by hand', () => {
    const [f1, f2] = result.facilities;
    expect(f1).toMatchObject({ id: 'F1', capacity: 2, estatesServed: 3, householdsServed: 350 });
    expect(f1!.demand).toBeCloseTo(7, 12);
    expect(f1!.load).toBeCloseTo(3.5, 12);
    expect(f1!.supplyRatio).toBeCloseTo(2 / 7, 12);
    expect(f2).toMatchObject({ id: 'F2', estatesServed: 1 });
    expect(f2!.load).toBeCloseTo(0.4, 12);
    expect(f2!.supplyRatio).toBeCloseTo(2.5, 12);
    expect(row('E1').supplyDemandRatio).toBeCloseTo(2 / 7, 12);
    expect(row('E3').supplyDemandRatio).toBeCloseTo(2 / 7 + 2.5, 12);
    expect(row('E1').demand).toBeCloseTo(2, 12);
    expect([row('E1').underserved, row('E2').underserved, row('E3').underserved]).toEqual([
      true,
      true,
      false,
    ]);
    expect(result.summary.demandUnmet).toBeCloseTo(15 / 7, 12);
    expect(result.summary.facilitiesOverCapacity).toBe(1);
    expect(result.summary.householdsUnderserved).toBe(150);
  });

  it('conserves supply: Σ A_i × demand_i = Σ capacity of facilities with demand in reach', () => {
    const total = result.estates.reduce((s, e) => s + (e.supplyDemandRatio ?? 0) * (e.demand ?? 0), 0);
    expect(total).toBeCloseTo(12, 10);
  });

  it('gives no ratio (null, not 0) to an estate reached only by facilities of unknown capacity', () => {
    const unknown = computeCoverage({
      estates,
      facilities: [makeFacility('F1', [...P.F1], null), makeFacility('F2', [...P.F2], 10)],
      network: { graph, snapper },
      options,
    });
    const r = (id: string) => unknown.estates.find((e) => e.id === id)!;
    // E1 and E2 are reached by F1 alone (capacity unknown); E3 also by F2 (10 places, demand 4 → 2.5).
    expect([r('E1').covered, r('E1').supplyDemandRatio, r('E2').supplyDemandRatio]).toEqual([
      true,
      null,
      null,
    ]);
    expect(r('E3').supplyDemandRatio).toBeCloseTo(2.5, 12);
    expect([r('E1').underserved, r('E3').underserved]).toEqual([false, false]);
    // Not reached at all: A = 0 is known.
    const far = computeCoverage({
      estates,
      facilities: [makeFacility('F2', [...P.F2], 10)],
      network: { graph, snapper },
      options,
    });
    expect(far.estates.find((e) => e.id === 'E1')).toMatchObject({ covered: false, supplyDemandRatio: 0 });
  });

  it('is underserved only when not covered without capacity options', () => {
    const plain = computeCoverage({
      estates,
      facilities,
      network: { graph, snapper },
      options: { ...options, capacity: null },
    });
    expect(plain.estates.map((e) => e.underserved)).toEqual([false, false, false, false, false]);
    expect(plain.facilities[0]).toMatchObject({
      load: null,
      demand: null,
      supplyRatio: null,
      capacity: null,
    });
    const short = computeCoverage({
      estates,
      facilities,
      network: { graph, snapper },
      options: { ...options, minutes: 5 },
    });
    expect(short.estates.map((e) => e.covered)).toEqual([true, true, false, false, false]);
    expect(short.estates[2]!.underserved).toBe(true);
  });

  it('puts the underserved estates into one demand-cell zone with what is missing', () => {
    const zones = result.underserved.features;
    expect(zones.length).toBeGreaterThan(0);
    const ids = zones.flatMap((z) => z.properties.estateIds).sort();
    expect(ids).toEqual(['E1', 'E2']);
    const missing = zones.reduce((s, z) => s + z.properties.missing!, 0);
    expect(missing).toBeCloseTo(15 / 7, 12);
    expect(zones[0]!.properties.unit).toBe('places');
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() =>
      computeCoverage({ estates, facilities, network: null, options: { ...options, speedMps: 0 } }),
    ).toThrow(/speedMps/);
    expect(() =>
      computeCoverage({
        estates,
        facilities,
        network: null,
        options: { ...options, capacity: { field: 'places' } },
      }),
    ).toThrow(/exactly one of perResident or perHousehold/);
    expect(() =>
      computeCoverage({ estates, facilities: [...facilities, facilities[0]!], network: null, options }),
    ).toThrow(/duplicate facility id "F1"/);
    expect(() =>
      computeCoverage({ estates, facilities, network: null, options: { ...options, mode: 'network' } }),
    ).toThrow(/needs a network/);
    const mixed = [...facilities, makeFacility('H', [0, 0], 5, 'elderly-daycare')];
    expect(() => computeCoverage({ estates, facilities: mixed, network: null, options })).toThrow(
      /one care category/,
    );
  });
});
