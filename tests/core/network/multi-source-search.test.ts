import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSnapper,
  createSearchResult,
  distanceToPoint,
  graphFromEdges,
  multiSourceSearch,
  sameEdgeDistanceM,
  seedsForPoint,
  type SearchSeed,
  type WalkingGraph,
} from '../../../src/core/network';
import { mulberry32 } from '../../bench/w1-workload';
import { dijkstra } from './simple-osm';

/** A line of nodes along the equator 0.001° apart: every edge has the same length. */
function line(n: number): WalkingGraph {
  const coords = new Float64Array(2 * n);
  const pairs: number[] = [];
  for (let i = 0; i < n; i++) {
    coords[2 * i] = i * 0.001;
    if (i > 0) pairs.push(i - 1, i);
  }
  return graphFromEdges(coords, pairs);
}

function randomGraph(seed: number, n: number, extra: number): WalkingGraph {
  const next = mulberry32(seed);
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++)
    coords[i] = (i % 2 === 0 ? 121.4 : 31.2) + ((next() % 10000) / 10000) * 0.03;
  const pairs: number[] = [];
  for (let i = 1; i < n; i++) pairs.push(i, next() % i);
  for (let k = 0; k < extra; k++) pairs.push(next() % n, next() % n);
  return graphFromEdges(coords, pairs);
}

/** Adjacency map of a CSR graph, for the reference Dijkstra. */
function adjacency(graph: WalkingGraph): Map<number, Map<number, number>> {
  const adj = new Map<number, Map<number, number>>();
  for (let u = 0; u < graph.nodeCount; u++) {
    const row = new Map<number, number>();
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      row.set(graph.targets[e] as number, graph.lengths[e] as number);
    }
    adj.set(u, row);
  }
  return adj;
}

describe('multiSourceSearch', () => {
  const g = line(5);
  const step = g.lengths[0] as number;

  it('gives each node its distance to the nearest seed, and that seed', () => {
    const r = multiSourceSearch(
      g,
      [
        { node: 0, distance: 0, source: 3 },
        { node: 4, distance: 10, source: 7 },
      ],
      Infinity,
    );
    expect(Array.from(r.dist)).toEqual([0, step, 2 * step, step + 10, 10].map((d) => expect.closeTo(d, 6)));
    expect(Array.from(r.source)).toEqual([3, 3, 3, 7, 7]);
    expect(r.reachedCount).toBe(5);
    expect(Array.from(r.reached.subarray(0, 5))).toEqual([0, 4, 1, 3, 2]);
  });

  it('breaks ties between sources towards the lower source index, whatever the seed order', () => {
    const a: SearchSeed[] = [
      { node: 0, distance: 0, source: 1 },
      { node: 4, distance: 0, source: 0 },
    ];
    expect(multiSourceSearch(g, a, Infinity).source[2]).toBe(0);
    expect(multiSourceSearch(g, [...a].reverse(), Infinity).source[2]).toBe(0);
    expect(
      multiSourceSearch(
        g,
        [
          { node: 2, distance: 0, source: 5 },
          { node: 2, distance: 0, source: 2 },
        ],
        0,
      ).source[2],
    ).toBe(2);
  });

  it('leaves nodes beyond maxDistanceM unreached, and reuses a result resetting only what it touched', () => {
    const r = multiSourceSearch(g, [{ node: 0, distance: 0, source: 0 }], 1.5 * step);
    expect(Array.from(r.dist.subarray(2))).toEqual([Infinity, Infinity, Infinity]);
    expect(Array.from(r.source)).toEqual([0, 0, -1, -1, -1]);
    const again = multiSourceSearch(g, [{ node: 4, distance: 0, source: 9 }], 0.5 * step, r);
    expect(again).toBe(r);
    expect(Array.from(again.source)).toEqual([-1, -1, -1, -1, 9]);
    expect(again.reachedCount).toBe(1);
    expect(() => multiSourceSearch(g, [{ node: 5, distance: 0, source: 0 }], 10)).toThrow(RangeError);
  });

  it('equals a reference Dijkstra on random graphs, seeds with distances, zero-length edges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 150 }), (seed, n) => {
        const graph = randomGraph(seed, n, n);
        const next = mulberry32(seed + 1);
        // Two seeds per source (as for an edge-mode point), 0–300 m already walked.
        const seeds = Array.from({ length: 6 }, (_, i) => ({
          node: next() % n,
          distance: next() % 4 === 0 ? 0 : (next() % 30000) / 100,
          source: i >> 1,
        }));
        const maxDistanceM = next() % 2 === 0 ? Infinity : 500 + (next() % 3000);
        const adj = adjacency(graph);
        const perSeed = seeds.map((s) => dijkstra(adj, s.node));
        const r = multiSourceSearch(graph, seeds, maxDistanceM);
        for (let v = 0; v < n; v++) {
          const bySource = [0, 1, 2].map((source) =>
            Math.min(
              ...seeds.map((s, i) =>
                s.source === source ? s.distance + (perSeed[i]?.get(v) ?? Infinity) : Infinity,
              ),
            ),
          );
          const best = Math.min(...bySource);
          if (best > maxDistanceM + 1e-6) {
            expect(r.dist[v]).toBe(Infinity);
            continue;
          }
          if (best > maxDistanceM - 1e-6) continue;
          expect(r.dist[v]).toBeCloseTo(best, 6);
          expect(r.source[v]).toBe(bySource.findIndex((d) => Math.abs(d - best) < 1e-9));
        }
        // Settled in non-decreasing distance order.
        for (let i = 1; i < r.reachedCount; i++) {
          expect(r.dist[r.reached[i] as number]).toBeGreaterThanOrEqual(
            r.dist[r.reached[i - 1] as number] as number,
          );
        }
      }),
      { numRuns: 80 },
    );
  });

  it('handles zero-length edges (two nodes at one position) and rejects negative seed distances', () => {
    const coords = new Float64Array([0, 0, 0.001, 0, 0.001, 0, 0.002, 0]);
    const graph = graphFromEdges(coords, [0, 1, 1, 2, 2, 3]);
    const r = multiSourceSearch(
      graph,
      [
        { node: 3, distance: 0, source: 1 },
        { node: 0, distance: 0, source: 0 },
      ],
      Infinity,
    );
    expect(r.dist[1]).toBe(r.dist[2]);
    expect(Array.from(r.source)).toEqual([0, 0, 0, 1]);
    expect(() => multiSourceSearch(graph, [{ node: 0, distance: -1, source: 0 }], 10)).toThrow(/distance -1/);
  });

  it('property: more maxDistance never reaches fewer nodes, and agrees on what both reach', () => {
    const graph = randomGraph(3, 400, 300);
    const scratch = createSearchResult(graph.nodeCount);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 399 }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (nodes, a, b) => {
          const seeds = nodes.map((node, source) => ({ node, distance: 0, source }));
          const small = multiSourceSearch(graph, seeds, Math.min(a, b));
          const large = multiSourceSearch(graph, seeds, Math.max(a, b), scratch);
          expect(large.reachedCount).toBeGreaterThanOrEqual(small.reachedCount);
          for (let i = 0; i < small.reachedCount; i++) {
            const v = small.reached[i] as number;
            expect(large.dist[v]).toBe(small.dist[v]);
            expect(large.source[v]).toBe(small.source[v]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('seedsForPoint / distanceToPoint', () => {
  const g = line(4);
  const step = g.lengths[0] as number;
  const snapper = createSnapper(g);

  it('starts edge-mode points from both ends and measures to both ends of the target edge', () => {
    const facility = snapper.snap(0.0003, 0.0001, { mode: 'edge', maxSnapM: 500 });
    const estate = snapper.snap(0.0026, -0.0001, { mode: 'edge', maxSnapM: 500 });
    expect(seedsForPoint(facility, 4)).toEqual([
      { node: 0, distance: facility.offsetA, source: 4 },
      { node: 1, distance: facility.offsetB, source: 4 },
    ]);
    const r = multiSourceSearch(g, seedsForPoint(facility, 4), Infinity);
    const d = distanceToPoint(r, estate);
    // 0.0003° → node 1 is 0.7 step, node 1 → node 2 is 1 step, node 2 → estate 0.6 step.
    expect(d.networkM).toBeCloseTo(2.3 * step, 1);
    expect(d.source).toBe(4);
    expect(estate.accessM).toBeGreaterThan(10);
  });

  it('in node mode seeds one node at 0; off-network points give no seed and Infinity', () => {
    const p = snapper.snap(0.001, 0, { mode: 'node', maxSnapM: 500 });
    expect(seedsForPoint(p, 0)).toEqual([{ node: 1, distance: 0, source: 0 }]);
    const off = snapper.snap(1, 1, { mode: 'node', maxSnapM: 500 });
    expect(seedsForPoint(off, 0)).toEqual([]);
    const r = multiSourceSearch(g, seedsForPoint(p, 0), Infinity);
    expect(distanceToPoint(r, off)).toEqual({ networkM: Infinity, source: -1 });
    expect(distanceToPoint(r, snapper.snap(0.003, 0, { mode: 'node', maxSnapM: 500 })).networkM).toBeCloseTo(
      2 * step,
      6,
    );
  });

  it('measures two points on the same edge through the ends; sameEdgeDistanceM gives the direct walk', () => {
    const a = snapper.snap(0.0012, 0.0001, { mode: 'edge', maxSnapM: 500 });
    const b = snapper.snap(0.0018, 0.0001, { mode: 'edge', maxSnapM: 500 });
    const r = multiSourceSearch(g, seedsForPoint(a, 0), Infinity);
    // Through either end node the walk is 0.2 + 0.8 = 1.0 step; along the shared edge it is 0.6 step.
    expect(distanceToPoint(r, b).networkM).toBeCloseTo(step, 6);
    expect(sameEdgeDistanceM(a, b)).toBeCloseTo(0.6 * step, 2);
    expect(sameEdgeDistanceM(b, a)).toBeCloseTo(0.6 * step, 2);
    expect(sameEdgeDistanceM(a, snapper.snap(0.0026, 0, { mode: 'edge', maxSnapM: 500 }))).toBe(Infinity);
  });
});
