/**
 * servedBy: the facilities within the service distance of an estate, nearest first, against the
 * naive pairwise search on seeded random grids, and after a what-if move.
 */
import { describe, expect, it } from 'vitest';
import { createCoverageSession, type CoverageInput } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import { makeEstate, makeFacility, mulberry32, naivePairDistance, randomGrid, randomPoint } from './helpers';

const ROWS = 8;
const COLS = 9;
const THRESHOLD_M = 300; // 5 minutes at 1 m/s

function scenario(seed: number) {
  const { graph, snapper } = randomGrid(seed, ROWS, COLS);
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const estates = Array.from({ length: 40 }, (_, i) =>
    makeEstate(`e${i}`, randomPoint(rand, ROWS, COLS), 100 + Math.floor(rand() * 300)),
  );
  const facilities = Array.from({ length: 6 }, (_, j) =>
    makeFacility(`f${j}`, randomPoint(rand, ROWS, COLS), 1 + Math.floor(rand() * 20)),
  );
  const input: CoverageInput = {
    estates,
    facilities,
    network: { graph, snapper },
    options: {
      minutes: 5,
      speedMps: 1,
      personsPerHousehold: 2.5,
      snap: 'edge',
      maxSnapM: 80,
      capacity: { field: 'places', perResident: 0.01 },
    },
  };
  return { input, graph, snapper };
}

/** The serving facilities the slow way: every pair's distance, filtered and sorted. */
function expected(
  input: CoverageInput,
  graph: ReturnType<typeof randomGrid>['graph'],
  snapper: ReturnType<typeof randomGrid>['snapper'],
  estateIndex: number,
) {
  const opts = { mode: 'edge' as const, maxSnapM: 80 };
  const e = input.estates[estateIndex]!;
  const es = snapper.snap(e.location![0], e.location![1], opts);
  return input.facilities
    .map((f) => ({
      id: f.id,
      d: naivePairDistance(graph, snapper.snap(f.location[0], f.location[1], opts), es),
    }))
    .filter((x) => x.d <= THRESHOLD_M)
    .sort((a, b) => a.d - b.d);
}

describe('coverage session servedBy', () => {
  for (const seed of [3, 17, 42]) {
    it(`lists every facility within reach, nearest first (seed ${seed})`, () => {
      const { input, graph, snapper } = scenario(seed);
      const session = createCoverageSession(input);
      const rows = session.result().estates;
      let nonEmpty = 0;
      input.estates.forEach((_, i) => {
        const got = session.servedBy(`e${i}`);
        const want = expected(input, graph, snapper, i);
        expect(got.map((g) => g.distanceM)).toEqual(want.map((w) => w.d));
        expect(new Set(got.map((g) => g.facilityId))).toEqual(new Set(want.map((w) => w.id)));
        for (const g of got) expect(g.minutes).toBeCloseTo(g.distanceM / 60, 9);
        // The nearest serving facility is the estate's nearest facility when it is covered.
        if (rows[i]!.covered) expect(got[0]!.distanceM).toBe(rows[i]!.distanceM);
        if (got.length > 0) nonEmpty++;
      });
      expect(nonEmpty).toBeGreaterThan(0);
    });
  }

  it('follows a move, and knows no unknown estate', () => {
    const { input, graph, snapper } = scenario(5);
    const session = createCoverageSession(input);
    const target = input.estates[7]!;
    session.moveFacility('f0', lngLat(target.location![0], target.location![1]));
    const moved = {
      ...input,
      facilities: input.facilities.map((f) => (f.id === 'f0' ? { ...f, location: target.location! } : f)),
    };
    expect(session.servedBy('e7').map((g) => g.distanceM)).toEqual(
      expected(moved, graph, snapper, 7).map((w) => w.d),
    );
    expect(session.servedBy('e7').map((g) => g.facilityId)).toContain('f0');
    expect(session.servedBy('nope')).toEqual([]);
  });

  it('without capacity options builds catchments only when asked, then keeps them through edits', () => {
    const { input, graph, snapper } = scenario(11);
    const plainInput = { ...input, options: { ...input.options, capacity: null } };
    const plain = createCoverageSession(plainInput);
    const full = createCoverageSession(input);
    // The plain question reports no catchment figures until something asks for them.
    expect(
      plain.result().facilities.every((f) => f.estatesServed === null && f.householdsServed === null),
    ).toBe(true);
    expect(plain.result().estates).toEqual(
      full.result().estates.map((e) => ({
        ...e,
        demand: null,
        supplyDemandRatio: null,
        underserved: !e.covered && !e.offNetwork,
      })),
    );
    const target = input.estates[3]!;
    plain.moveFacility('f2', lngLat(target.location![0], target.location![1]));
    const moved = {
      ...input,
      facilities: input.facilities.map((f) => (f.id === 'f2' ? { ...f, location: target.location! } : f)),
    };
    input.estates.forEach((_, i) => {
      expect(plain.servedBy(`e${i}`).map((g) => g.distanceM)).toEqual(
        expected(moved, graph, snapper, i).map((w) => w.d),
      );
    });
    // From then on the facility rows carry their catchments, as a session asked for them up front does.
    plain.moveFacility('f2', lngLat(input.estates[9]!.location![0], input.estates[9]!.location![1]));
    const asked = createCoverageSession({
      ...plainInput,
      facilities: input.facilities.map((f) =>
        f.id === 'f2' ? { ...f, location: input.estates[9]!.location! } : f,
      ),
      options: { ...plainInput.options, catchments: true },
    });
    const served = (r: ReturnType<typeof plain.result>) =>
      r.facilities.map((f) => [f.id, f.estatesServed, f.householdsServed]);
    expect(served(plain.result())).toEqual(served(asked.result()));
    expect(asked.result().facilities.some((f) => (f.estatesServed ?? 0) > 0)).toBe(true);
  });
});
