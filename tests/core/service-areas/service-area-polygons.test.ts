import { area, bbox, booleanPointInPolygon, distance, point } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type ServiceAreaFeature } from '../../../src/core/coverage';
import { serviceAreaPolygons, straightLineServiceAreas } from '../../../src/core/service-areas';
import { ReachDrawer } from '../../../src/core/service-areas/draw-reach';
import { localFrame } from '../../../src/core/geo/local-frame';
import { ReachRaster } from '../../../src/core/service-areas/reach-raster';
import type { SnappedPoint, WalkingGraph } from '../../../src/core/model';
import { createSnapper, graphFromEdges, multiSourceSearch } from '../../../src/core/network';
import { csrGraph, mulberry32, randomGrid, randomPoint } from '../coverage/helpers';

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

  it('closes every ring on its first position, outer rings counter-clockwise and holes clockwise', () => {
    const { graph: g } = randomGrid(7, 8, 8);
    const rand = mulberry32(7);
    const located = Array.from({ length: 6 }, (_, k) => {
      const at = randomPoint(rand, 8, 8);
      return {
        id: `f${k}`,
        location: at,
        snapped: createSnapper(g).snap(at[0], at[1], { mode: 'edge', maxSnapM: 500 }),
      };
    });
    const r = serviceAreaPolygons(g, located, { minutes: [2, 4, 6], speedMps: 1.2 });
    let holes = 0;
    for (const f of r.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys) {
        poly.forEach((ring, k) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
          let twice = 0;
          for (let v = 0; v + 1 < ring.length; v++) {
            twice += ring[v]![0]! * ring[v + 1]![1]! - ring[v + 1]![0]! * ring[v]![1]!;
          }
          expect(k === 0 ? twice > 0 : twice < 0).toBe(true);
          if (k > 0) holes++;
        });
      }
    }
    expect(holes).toBeGreaterThan(0);
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

/**
 * A street grid whose blocks' sides are drawn with 0–3 shape points each (so most nodes have two
 * neighbours, as in OSM), with dead-end spurs, a detached ring of shape points only, a few zero-length
 * edges, and lengths rounded to whole metres (so that equal sums, i.e. ties, are common).
 */
function shapedGrid(seed: number): { graph: WalkingGraph; points: [number, number][] } {
  const rand = mulberry32(seed);
  const coords: number[] = [];
  const edges: [number, number, number][] = [];
  const add = (x: number, y: number): number => coords.push(x, y) / 2 - 1;
  const link = (a: number, b: number): void => {
    const m = Math.hypot(
      (coords[2 * a]! - coords[2 * b]!) * M_PER_LNG,
      (coords[2 * a + 1]! - coords[2 * b + 1]!) * 111_195,
    );
    edges.push([a, b, rand() < 0.03 ? 0 : Math.max(1, Math.round(m))]);
  };
  const side = 5;
  const step = 0.0012;
  const corner = (c: number, r: number): number => r * side + c;
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) add(121.45 + c * step, 31.2 + r * step);
  const chain = (a: number, b: number): void => {
    let prev = a;
    const inner = Math.floor(rand() * 4);
    for (let k = 1; k <= inner; k++) {
      const f = k / (inner + 1);
      const x = coords[2 * a]! + f * (coords[2 * b]! - coords[2 * a]!) + (rand() - 0.5) * 2e-4;
      const y = coords[2 * a + 1]! + f * (coords[2 * b + 1]! - coords[2 * a + 1]!) + (rand() - 0.5) * 2e-4;
      const v = add(x, y);
      link(prev, v);
      prev = v;
    }
    link(prev, b);
  };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      if (c + 1 < side && rand() < 0.85) chain(corner(c, r), corner(c + 1, r));
      if (r + 1 < side && rand() < 0.85) chain(corner(c, r), corner(c, r + 1));
      if (rand() < 0.2)
        chain(corner(c, r), add(coords[2 * corner(c, r)]! + 3e-4, coords[2 * corner(c, r) + 1]! + 4e-4));
    }
  }
  const ring = Array.from({ length: 6 }, (_, k) =>
    add(121.452 + 4e-4 * Math.cos(k), 31.2 + side * step + 4e-4 * Math.sin(k)),
  );
  ring.forEach((v, k) => link(v, ring[(k + 1) % ring.length]!));
  const points = Array.from({ length: 6 }, (): [number, number] => [
    121.45 + rand() * side * step,
    31.2 + rand() * (side + 0.5) * step,
  ]);
  return { graph: csrGraph(coords, edges), points };
}

/** Plain Dijkstra over every node (array scan, no heap), labels beyond the bound left at Infinity. */
function referenceDistances(graph: WalkingGraph, p: SnappedPoint, boundM: number): Float64Array {
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  const done = new Uint8Array(graph.nodeCount);
  for (const [v, d] of [
    [p.nodeA, p.accessM + p.offsetA],
    [p.nodeB, p.accessM + p.offsetB],
  ] as const) {
    if (d <= boundM && d < dist[v]!) dist[v] = d;
  }
  for (;;) {
    let u = -1;
    for (let v = 0; v < graph.nodeCount; v++) if (!done[v] && dist[v]! < (u < 0 ? Infinity : dist[u]!)) u = v;
    if (u < 0) return dist;
    done[u] = 1;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const nd = dist[u]! + graph.lengths[e]!;
      const v = graph.targets[e]!;
      if (nd <= boundM && nd < dist[v]!) dist[v] = nd;
    }
  }
}

/** Raster drawn edge by edge from per-node distances, the straightforward way (no chains). */
function referenceRaster(graph: WalkingGraph, p: SnappedPoint, lng: number, lat: number, limits: number[]) {
  const maxM = limits[limits.length - 1]!;
  const dist = referenceDistances(graph, p, maxM);
  const f = localFrame(lng, lat);
  const x = (n: number): number => (graph.coords[2 * n]! - f.lng0) * f.mPerLng;
  const y = (n: number): number => (graph.coords[2 * n + 1]! - f.lat0) * f.mPerLat;
  const raster = new ReachRaster(25, 50);
  raster.reset(limits);
  const seg = (...s: number[]): void => raster.segment(Float64Array.from(s));
  const e = p.offsetA + p.offsetB;
  const t = e > 0 ? p.offsetA / e : 0;
  const [sx, sy] = [x(p.nodeA) + t * (x(p.nodeB) - x(p.nodeA)), y(p.nodeA) + t * (y(p.nodeB) - y(p.nodeA))];
  seg(0, 0, sx, sy, 0, p.accessM, p.accessM);
  if (p.nodeA !== p.nodeB) {
    seg(sx, sy, x(p.nodeA), y(p.nodeA), p.accessM, dist[p.nodeA]!, p.offsetA);
    seg(sx, sy, x(p.nodeB), y(p.nodeB), p.accessM, dist[p.nodeB]!, p.offsetB);
  }
  for (let u = 0; u < graph.nodeCount; u++) {
    if (dist[u] === Infinity) continue;
    const own = u === p.nodeA ? p.nodeB : u === p.nodeB ? p.nodeA : -1;
    for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
      const v = graph.targets[k]!;
      if ((dist[v]! < Infinity && v < u) || v === own) continue;
      seg(x(u), y(u), x(v), y(v), dist[u]!, dist[v]!, graph.lengths[k]!);
    }
  }
  raster.finish();
  return { dist, levels: raster.levels.slice(0, raster.size * raster.size) };
}

describe('service-area search and drawing', () => {
  it('gives every node its exact Dijkstra distance and the raster of a plain per-edge drawing', () => {
    let facilities = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { graph, points } = shapedGrid(seed);
      const snapper = createSnapper(graph);
      const drawer = new ReachDrawer(graph);
      const raster = new ReachRaster(25, 50);
      for (const [k, at] of points.entries()) {
        const p = snapper.snap(at[0], at[1], { mode: k % 3 === 2 ? 'node' : 'edge', maxSnapM: 500 });
        if (p.offNetwork) continue;
        const limits = [60, 150, 90 + 50 * (seed % 6)].sort((a, b) => a - b);
        const maxM = limits[2]!;
        const ref = referenceRaster(graph, p, at[0], at[1], limits);
        const search = multiSourceSearch(
          graph,
          [
            { node: p.nodeA, distance: p.accessM + p.offsetA, source: 0 },
            { node: p.nodeB, distance: p.accessM + p.offsetB, source: 0 },
          ],
          maxM,
        );
        expect(Array.from(search.dist)).toEqual(Array.from(ref.dist));
        raster.reset(limits);
        drawer.draw(raster, localFrame(at[0], at[1]), p, search);
        raster.finish();
        expect(raster.levels.slice(0, raster.size * raster.size)).toEqual(ref.levels);
        facilities++;
      }
    }
    expect(facilities).toBeGreaterThan(150);
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
