import { circle } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  serviceAreaGeometry,
  serviceAreasToGeoJSON,
  straightLineServiceAreaGeometry,
  type FlatServiceAreas,
} from '../../../src/core/service-areas';
import { createSnapper } from '../../../src/core/network';
import { mulberry32, randomGrid, randomPoint } from '../coverage/helpers';

/** Twice the signed area of ring r (shoelace over lng, lat; closing vertex included). */
function twiceArea(flat: FlatServiceAreas, r: number): number {
  const c = flat.coordinates;
  let a = 0;
  for (let v = flat.ringStart[r]!; v + 1 < flat.ringStart[r + 1]!; v++) {
    a += c[2 * v]! * c[2 * v + 3]! - c[2 * v + 2]! * c[2 * v + 1]!;
  }
  return a;
}

describe('serviceAreaGeometry (flat layout)', () => {
  const { graph } = randomGrid(11, 8, 8);
  const rand = mulberry32(11);
  const snapper = createSnapper(graph);
  const sources = Array.from({ length: 5 }, (_, k) => {
    const at = randomPoint(rand, 8, 8);
    return {
      id: `f${k}`,
      location: at,
      snapped: snapper.snap(at[0], at[1], { mode: 'edge', maxSnapM: 500 }),
    };
  });
  const off = { ...sources[0]!, id: 'off', snapped: { ...sources[0]!.snapped, offNetwork: true } };
  const flat = serviceAreaGeometry(graph, [sources[0]!, off, ...sources.slice(1)], {
    minutes: [4, 2, 6],
    speedMps: 1.2,
  });

  it('lists one area per facility and budget, budgets largest first, off-network facilities apart', () => {
    expect(flat.mode).toBe('network');
    expect(flat.minutes).toEqual([6, 4, 2]);
    expect(flat.distanceM).toEqual([6 * 72, 4 * 72, 2 * 72]);
    expect(flat.facilityIds).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(flat.offNetwork).toEqual(['off']);
    expect(flat.areaStart.length - 1).toBe(5 * 3);
  });

  it('has consistent offsets, closed rings, outer rings counter-clockwise and holes clockwise', () => {
    const { areaStart, polygonStart, ringStart, coordinates } = flat;
    expect(areaStart[0]).toBe(0);
    expect(areaStart.at(-1)).toBe(polygonStart.length - 1);
    expect(polygonStart.at(-1)).toBe(ringStart.length - 1);
    expect(ringStart.at(-1)).toBe(coordinates.length / 2);
    let holes = 0;
    for (let a = 0; a + 1 < areaStart.length; a++) {
      expect(areaStart[a + 1]).toBeGreaterThan(areaStart[a]!); // never empty
      for (let p = areaStart[a]!; p < areaStart[a + 1]!; p++) {
        for (let r = polygonStart[p]!; r < polygonStart[p + 1]!; r++) {
          const [first, last] = [ringStart[r]!, ringStart[r + 1]! - 1];
          expect(last - first).toBeGreaterThanOrEqual(3);
          expect([coordinates[2 * last], coordinates[2 * last + 1]]).toEqual([
            coordinates[2 * first],
            coordinates[2 * first + 1],
          ]);
          const outer = r === polygonStart[p];
          expect(twiceArea(flat, r) > 0).toBe(outer);
          if (!outer) holes++;
        }
      }
    }
    expect(holes).toBeGreaterThan(0);
  });

  it('is trimmed to size, so transferring its buffers ships no slack', () => {
    for (const a of [flat.areaStart, flat.polygonStart, flat.ringStart, flat.coordinates]) {
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(a.byteLength);
    }
  });
});

describe('serviceAreasToGeoJSON', () => {
  it('makes a Polygon of a one-piece area and a MultiPolygon (with its hole) of a split one', () => {
    // Facility A: 10 min = two squares, the first with a square hole; 5 min = one square. Facility B: two
    // triangles. Written by hand in the flat layout.
    const sq = (x: number, y: number, s: number, cw = false): number[] => {
      const ring = [x, y, x + s, y, x + s, y + s, x, y + s, x, y];
      if (!cw) return ring;
      const out: number[] = [];
      for (let k = ring.length - 2; k >= 0; k -= 2) out.push(ring[k]!, ring[k + 1]!);
      return out;
    };
    const tri = (x: number): number[] => [x, 0, x + 1, 0, x, 1, x, 0];
    const rings = [sq(0, 0, 4), sq(1, 1, 1, true), sq(10, 0, 1), sq(0, 0, 2), tri(20), tri(30)];
    const ringStart = [0];
    for (const r of rings) ringStart.push(ringStart.at(-1)! + r.length / 2);
    const flat: FlatServiceAreas = {
      mode: 'network',
      minutes: [10, 5],
      distanceM: [600, 300],
      facilityIds: ['A', 'B'],
      offNetwork: ['C'],
      areaStart: Uint32Array.from([0, 2, 3, 4, 5]),
      polygonStart: Uint32Array.from([0, 2, 3, 4, 5, 6]),
      ringStart: Uint32Array.from(ringStart),
      coordinates: Float64Array.from(rings.flat()),
    };
    const pairs = (ring: number[]): number[][] =>
      Array.from({ length: ring.length / 2 }, (_, k) => [ring[2 * k]!, ring[2 * k + 1]!]);
    const gj = serviceAreasToGeoJSON(flat);
    expect(gj.offNetwork).toEqual(['C']);
    expect(gj.features.map((f) => [f.properties.facilityId, f.properties.minutes, f.geometry.type])).toEqual([
      ['A', 10, 'MultiPolygon'],
      ['A', 5, 'Polygon'],
      ['B', 10, 'Polygon'],
      ['B', 5, 'Polygon'],
    ]);
    expect(gj.features[0]!.geometry.coordinates).toEqual([
      [pairs(rings[0]!), pairs(rings[1]!)],
      [pairs(rings[2]!)],
    ]);
    expect(gj.features[3]!.geometry.coordinates).toEqual([pairs(rings[5]!)]);
    expect(gj.features[2]!.properties).toMatchObject({ distanceM: 600, mode: 'network', fill: '#91cf60' });
  });
});

describe('straightLineServiceAreaGeometry', () => {
  it('holds turf.circle rings of minutes × 60 × speed, labelled straight-line', () => {
    const flat = straightLineServiceAreaGeometry(
      [
        { id: 'P', location: [121.47, 31.23] },
        { id: 'Q', location: [117.27, 31.86] },
      ],
      { minutes: [5, 15], speedMps: 1.2 },
    );
    expect([flat.mode, flat.minutes, flat.distanceM, flat.facilityIds]).toEqual([
      'straight-line',
      [15, 5],
      [1080, 360],
      ['P', 'Q'],
    ]);
    const ring = circle([117.27, 31.86], 0.36, { steps: 64, units: 'kilometers' }).geometry.coordinates[0]!;
    const r = flat.polygonStart[flat.areaStart[3]!]!;
    const got = flat.coordinates.subarray(2 * flat.ringStart[r]!, 2 * flat.ringStart[r + 1]!);
    expect(Array.from(got)).toEqual(ring.flat());
  });
});
