import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  createCoverageSession,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
} from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import type { Facility } from '../../../src/core/model';
import { makeEstate, makeFacility, mulberry32, naivePairDistance, randomGrid, randomPoint } from './helpers';

const ROWS = 9;
const COLS = 10;

/** A seeded scenario on a random grid: estates, facilities with random places, snapped with whole metres. */
function scenario(
  seed: number,
  nEstates: number,
  nFacilities: number,
  snap: 'edge' | 'node' | 'straight-line',
): CoverageInput {
  const { graph, snapper } = randomGrid(seed, ROWS, COLS);
  const rand = mulberry32(seed ^ 0x9e3779b9);
  const estates = Array.from({ length: nEstates }, (_, i) =>
    makeEstate(`e${i}`, rand() < 0.05 ? null : randomPoint(rand, ROWS, COLS), 50 + Math.floor(rand() * 500)),
  );
  const facilities = Array.from({ length: nFacilities }, (_, j) =>
    makeFacility(`f${j}`, randomPoint(rand, ROWS, COLS), rand() < 0.1 ? null : 1 + Math.floor(rand() * 20)),
  );
  const options: CoverageOptions = {
    minutes: 5,
    speedMps: 1,
    personsPerHousehold: 2.5,
    snap: snap === 'straight-line' ? 'edge' : snap,
    maxSnapM: 80,
    capacity: { field: 'places', perResident: 0.01 },
  };
  return { estates, facilities, network: snap === 'straight-line' ? null : { graph, snapper }, options };
}

type Edit = {
  op: 'move' | 'remove' | 'add' | 'capacity';
  pick: number;
  x: number;
  y: number;
  places: number;
};

const editArb = fc.record({
  op: fc.constantFrom('move', 'remove', 'add', 'capacity') as fc.Arbitrary<Edit['op']>,
  pick: fc.nat(1000),
  x: fc.double({ min: -0.05, max: 1.05, noNaN: true }),
  y: fc.double({ min: -0.05, max: 1.05, noNaN: true }),
  places: fc.integer({ min: 0, max: 30 }),
});

const at = (e: Edit): [number, number] => [
  121.45 + e.x * (COLS - 1) * 0.001,
  31.2 + e.y * (ROWS - 1) * 0.001,
];

describe('createCoverageSession: what-if edits', () => {
  it('equals a full recompute after random seeded edits (move, add, remove, capacity)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom('edge', 'node', 'straight-line'),
        fc.array(editArb, { maxLength: 12 }),
        (seed, snap, edits) => {
          const input = scenario(seed, 40, 6, snap as 'edge' | 'node' | 'straight-line');
          const session = createCoverageSession(input);
          let added = 0;
          for (const e of edits) {
            const live = session.facilities();
            const f = live[e.pick % Math.max(1, live.length)];
            if (e.op === 'add' || f === undefined) {
              session.upsertFacility(makeFacility(`new${added++}`, at(e), e.places));
            } else if (e.op === 'move') session.moveFacility(f.id, lngLat(...at(e)));
            else if (e.op === 'remove') session.removeFacility(f.id);
            else session.upsertFacility({ ...f, capacity: { ...f.capacity, places: e.places } });
          }
          const full = computeCoverage({ ...input, facilities: session.facilities() });
          expect(session.result()).toEqual(full);
        },
      ),
      { seed: 20261123, numRuns: 90 },
    );
  });

  it('returns the changed estates and the summary of the full result', () => {
    const input = scenario(7, 60, 5, 'edge');
    const session = createCoverageSession(input);
    const before = session.result();
    const update = session.moveFacility('f0', lngLat(121.452, 31.203));
    const after = session.result();
    expect(update.summary).toEqual(after.summary);
    expect(update.facility).toEqual(after.facilities.find((f) => f.id === 'f0'));
    const changed = after.estates.filter(
      (row, i) => JSON.stringify(row) !== JSON.stringify(before.estates[i]),
    );
    const reported = new Set(update.estates.map((r) => r.id));
    for (const row of changed) expect(reported.has(row.id)).toBe(true);
    for (const row of update.estates) expect(row).toEqual(after.estates.find((r) => r.id === row.id));
  });

  it('names the facility when an edit cannot be made', () => {
    const session = createCoverageSession(scenario(3, 5, 2, 'edge'));
    expect(() => session.removeFacility('nope')).toThrow(/no facility with id "nope"/);
    expect(() => session.upsertFacility(makeFacility('h', [121.45, 31.2], 3, 'elderly-home'))).toThrow(
      /childcare/,
    );
  });
});

describe('coverage distances', () => {
  it('equal an independent naive Dijkstra, access legs and shared edges included', () => {
    for (const snap of ['edge', 'node'] as const) {
      const input = scenario(11, 30, 4, snap);
      const { graph, snapper } = input.network!;
      const result = computeCoverage(input);
      const opts = { mode: snap, maxSnapM: 80 };
      const fSnaps = input.facilities.map((f) => snapper.snap(f.location[0], f.location[1], opts));
      input.estates.forEach((estate, i) => {
        const row = result.estates[i]!;
        if (estate.location === null) return expect(row.reason).toBe('no-location');
        const e = snapper.snap(estate.location[0], estate.location[1], opts);
        const all = fSnaps.map((f) => naivePairDistance(graph, f, e));
        const best = Math.min(...all);
        if (best === Infinity) return expect(row.nearestFacility).toBeNull();
        expect(row.distanceM).toBe(best);
        expect(row.nearestFacility).toBe(input.facilities[all.indexOf(best)]!.id);
        expect(row.covered).toBe(best <= 300);
      });
    }
  });
});

describe('coverage monotonicity (property tests)', () => {
  const coveredSet = (r: CoverageResult) => r.estates.map((e) => e.covered);
  const run = (input: CoverageInput, facilities: Facility[], minutes = 5) =>
    computeCoverage({ ...input, facilities, options: { ...input.options, minutes } });

  it('more minutes never lower coverage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (seed, m, extra) => {
          const input = scenario(seed, 30, 4, 'edge');
          const a = coveredSet(run(input, input.facilities, m));
          const b = coveredSet(run(input, input.facilities, m + extra));
          a.forEach((c, i) => c && expect(b[i]).toBe(true));
        },
      ),
      { seed: 4, numRuns: 40 },
    );
  });

  it('adding a facility never lowers, removing one never raises, any estate coverage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, x, y) => {
          const input = scenario(seed, 30, 4, 'edge');
          const base = run(input, input.facilities);
          const more = run(input, [...input.facilities, makeFacility('extra', at({ x, y } as Edit), 5)]);
          const fewer = run(input, input.facilities.slice(1));
          base.estates.forEach((row, i) => {
            if (row.covered) expect(more.estates[i]!.covered).toBe(true);
            if (!row.covered) expect(fewer.estates[i]!.covered).toBe(false);
            expect(more.estates[i]!.distanceM ?? Infinity).toBeLessThanOrEqual(row.distanceM ?? Infinity);
            expect(fewer.estates[i]!.distanceM ?? Infinity).toBeGreaterThanOrEqual(row.distanceM ?? Infinity);
          });
        },
      ),
      { seed: 5, numRuns: 40 },
    );
  });
});

describe('estate placements shared between sessions', () => {
  it('reuses another session’s placements of the same estates and snapping, and gives the same result', () => {
    const input = scenario(31, 60, 6, 'edge');
    const first = createCoverageSession(input);
    const other = { ...input, facilities: input.facilities.slice(0, 3) };
    const shared = createCoverageSession({ ...other, placements: first.placements });
    expect(shared.placements).toBe(first.placements);
    expect(shared.result()).toEqual(createCoverageSession(other).result());
  });

  it('snaps again when the estates, the snapping or the network differ', () => {
    const input = scenario(32, 40, 4, 'edge');
    const first = createCoverageSession(input);
    const wider = { ...input, options: { ...input.options, maxSnapM: 200 }, placements: first.placements };
    expect(createCoverageSession(wider).placements).not.toBe(first.placements);
    const copied = { ...input, estates: input.estates.slice(), placements: first.placements };
    expect(createCoverageSession(copied).placements).not.toBe(first.placements);
    const other = scenario(33, 40, 4, 'edge');
    expect(createCoverageSession({ ...other, placements: first.placements }).placements).not.toBe(
      first.placements,
    );
  });
});
