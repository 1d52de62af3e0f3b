import { area, bbox, booleanPointInPolygon, distance, point } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  serviceAreaPolygons,
  straightLineServiceAreas,
  type ServiceAreaFeature,
} from '../../../src/core/coverage';
import { createSnapper, graphFromEdges } from '../../../src/core/network';
import { mulberry32, randomGrid, randomPoint } from './helpers';

/** The default raster cell: polygon edges are exact to about one cell. */
const CELL_M = 25;
const M_PER_LNG = 111_195 * Math.cos((31.2 * Math.PI) / 180);

/** A straight east–west street at 31.2° N: nodes every 200 m from 121.45° E. */
function straightStreet(nodes: number) {
  const coords = Float64Array.from({ length: 2 * nodes }, (_, k) =>
    k % 2 === 0 ? 121.45 + ((k / 2) * 200) / M_PER_LNG : 31.2,
  );
  const pairs = Array.from({ length: 2 * (nodes - 1) }, (_, k) => (k % 2 === 0 ? k / 2 : (k + 1) / 2));
  return graphFromEdges(coords, pairs);
}

const extentEastM = (f: ServiceAreaFeature): number => (bbox(f)[2] - 121.45) * M_PER_LNG;
const extentWestM = (f: ServiceAreaFeature): number => (121.45 - bbox(f)[0]) * M_PER_LNG;

describe('serviceAreaPolygons', () => {
  const graph = straightStreet(4);
  const source = {
    id: 'F',
    location: [121.45, 31.2] as [number, number],
    snapped: { nodeA: 0, nodeB: 0, offsetA: 0, offsetB: 0, accessM: 0, offNetwork: false },
  };
  const areas = serviceAreaPolygons(graph, [source], { minutes: [1, 2, 5], speedMps: 1 });
  const byMinutes = (m: number) => areas.features.find((f) => f.properties.minutes === m)!;

  it('follows the street and cuts a partly reached segment at the reachable fraction', () => {
    // Budgets 60, 120 and 300 m along a street with nodes at 0, 200, 400, 600 m: the 300 m area stops
    // half-way along the second segment. Band ≈ 50 m either side; the raster is 25 m, so ± one cell.
    expect(Math.abs(extentEastM(byMinutes(1)) - (60 + 50))).toBeLessThan(CELL_M);
    expect(Math.abs(extentEastM(byMinutes(2)) - (120 + 50))).toBeLessThan(CELL_M);
    expect(Math.abs(extentEastM(byMinutes(5)) - (300 + 50))).toBeLessThan(CELL_M);
    expect(Math.abs(extentWestM(byMinutes(5)) - 50)).toBeLessThan(CELL_M);
    const [, south, , north] = bbox(byMinutes(5));
    expect(Math.abs(((north - south) * 111_195) / 2 - 50)).toBeLessThan(CELL_M);
  });

  it('labels, orders (largest first) and styles the features', () => {
    expect(areas.features.map((f) => f.properties.minutes)).toEqual([5, 2, 1]);
    expect(byMinutes(5).properties).toMatchObject({
      facilityId: 'F',
      distanceM: 300,
      mode: 'network',
      fill: '#1a9850',
    });
    expect(
      serviceAreaPolygons(graph, [source], { minutes: [15], speedMps: 1 }).features[0]!.properties.fill,
    ).toBe('#fee08b');
  });

  it('lists facilities off the network instead of dropping them silently', () => {
    const off = {
      ...source,
      id: 'X',
      snapped: { ...source.snapped, nodeA: -1, nodeB: -1, offNetwork: true },
    };
    const r = serviceAreaPolygons(graph, [off, source], { minutes: [5], speedMps: 1 });
    expect(r.offNetwork).toEqual(['X']);
    expect(r.features.map((f) => f.properties.facilityId)).toEqual(['F']);
  });

  it('is deterministic and rejects bad budgets', () => {
    expect(serviceAreaPolygons(graph, [source], { minutes: [1, 2, 5], speedMps: 1 })).toEqual(areas);
    expect(() => serviceAreaPolygons(graph, [source], { minutes: [], speedMps: 1 })).toThrow(/minutes/);
    expect(() => serviceAreaPolygons(graph, [source], { minutes: [5], speedMps: -1 })).toThrow(/speedMps/);
  });

  it('nests the areas and never shrinks them with more minutes (property, seeded grids)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.double({ min: 0.2, max: 6, noNaN: true }),
        (seed, m1, extra) => {
          const { graph: g } = randomGrid(seed, 8, 8);
          const rand = mulberry32(seed);
          const at = randomPoint(rand, 8, 8);
          const snapped = createSnapper(g).snap(at[0], at[1], { mode: 'edge', maxSnapM: 500 });
          const r = serviceAreaPolygons(g, [{ id: 'f', location: at, snapped }], {
            minutes: [m1, m1 + extra],
            speedMps: 1.2,
          });
          const [outer, inner] = r.features as [ServiceAreaFeature, ServiceAreaFeature];
          expect(area(outer)).toBeGreaterThanOrEqual(area(inner));
          for (let k = 0; k < 200; k++) {
            const p = point(randomPoint(rand, 8, 8));
            if (booleanPointInPolygon(p, inner.geometry as Polygon | MultiPolygon)) {
              expect(booleanPointInPolygon(p, outer.geometry as Polygon | MultiPolygon)).toBe(true);
            }
          }
        },
      ),
      { seed: 8, numRuns: 40 },
    );
  });
});

describe('straightLineServiceAreas', () => {
  it('draws circles of minutes × 60 × speed, labelled straight-line', () => {
    const r = straightLineServiceAreas([{ id: 'F', location: [121.47, 31.23] }], {
      minutes: [5, 15],
      speedMps: 1.2,
    });
    expect(r.features.map((f) => [f.properties.minutes, f.properties.mode, f.properties.distanceM])).toEqual([
      [15, 'straight-line', 1080],
      [5, 'straight-line', 360],
    ]);
    const ring = (r.features[0]!.geometry as Polygon).coordinates[0]!;
    for (const v of ring) expect(distance([121.47, 31.23], v, { units: 'meters' })).toBeCloseTo(1080, 3);
  });
});
