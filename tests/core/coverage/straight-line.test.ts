import { distance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, createCoverageSession } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import { makeEstate, makeFacility } from './helpers';

const options = { minutes: 10, speedMps: 1.2, personsPerHousehold: 2.5 };
const coord = fc.tuple(
  fc.double({ min: 121.3, max: 121.6, noNaN: true }),
  fc.double({ min: 31.1, max: 31.35, noNaN: true }),
);

describe('straight-line coverage (no network)', () => {
  it('agrees with turf.distance for the nearest facility (property)', () => {
    fc.assert(
      fc.property(
        fc.array(coord, { minLength: 1, maxLength: 8 }),
        fc.array(coord, { minLength: 1, maxLength: 6 }),
        (es, fs) => {
          const estates = es.map((p, i) => makeEstate(`e${i}`, p, 100));
          const facilities = fs.map((p, j) => makeFacility(`f${j}`, p, 10));
          const result = computeCoverage({ estates, facilities, network: null, options });
          result.estates.forEach((row, i) => {
            const d = fs.map((f) => distance(es[i]!, f, { units: 'meters' }));
            const best = Math.min(...d);
            expect(Math.abs(row.distanceM! - best)).toBeLessThan(1e-6);
            expect(d[Number(row.nearestFacility!.slice(1))]).toBe(Math.min(...d));
            expect(row.covered).toBe(row.distanceM! <= 10 * 60 * 1.2);
          });
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  });

  it('says mode "straight-line" in every result and leaves the network fields empty', () => {
    const estates = [makeEstate('a', [121.47, 31.23], 100), makeEstate('b', null, 50)];
    const facilities = [makeFacility('f', [121.475, 31.231], 5)];
    const r = computeCoverage({ estates, facilities, network: null, options });
    expect(r.mode).toBe('straight-line');
    expect(r.parameters).toMatchObject({
      mode: 'straight-line',
      snap: null,
      maxSnapM: null,
      thresholdM: 720,
    });
    expect(r.estates[0]).toMatchObject({
      networkM: null,
      accessM: null,
      snapM: null,
      offNetwork: false,
      covered: true,
    });
    expect(r.estates[1]).toMatchObject({
      offNetwork: true,
      reason: 'no-location',
      distanceM: null,
      underserved: false,
    });
    for (const zone of r.underserved.features) expect(zone.properties.mode).toBe('straight-line');
  });

  it('updates incrementally like a full recompute', () => {
    const estates = Array.from({ length: 30 }, (_, i) =>
      makeEstate(`e${i}`, [121.45 + (i % 6) * 0.004, 31.2 + Math.floor(i / 6) * 0.004], 100 + i),
    );
    const facilities = [makeFacility('f0', [121.46, 31.21], 4), makeFacility('f1', [121.47, 31.215], 9)];
    const input = {
      estates,
      facilities,
      network: null,
      options: { ...options, capacity: { field: 'places' as const, perResident: 0.01 } },
    };
    const session = createCoverageSession(input);
    session.moveFacility('f0', lngLat(121.452, 31.203));
    session.upsertFacility(makeFacility('f2', [121.465, 31.21], 12));
    session.removeFacility('f1');
    expect(session.result()).toEqual(computeCoverage({ ...input, facilities: session.facilities() }));
  });
});
