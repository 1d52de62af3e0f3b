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

/**
 * Junctions joined by streets drawn through 0–5 shape points each (two-arc nodes, as in OSM), with dead
 * ends, a shape point repeated (zero-length edges), parallel streets and a ring with no junction on it.
 */
function streetLikeGraph(seed: number, junctions: number): WalkingGraph {
  const next = mulberry32(seed);
  const coords: number[] = [];
  const at = (): number => (next() % 10000) / 10000;
  for (let i = 0; i < junctions; i++) coords.push(121.4 + at() * 0.02, 31.2 + at() * 0.02);
  const pairs: number[] = [];
  /** A street from junction a to junction b, or (b = −1) to a dead end somewhere near. */
  const street = (a: number, b: number): void => {
    let prev = a;
    // Every other graph draws each street through 3 or more points, so that chains are longer than its
    // longest edge (a walk stops there and its last node is queued).
    const points = (seed % 2) * 3 + (next() % 6);
    const ax = coords[2 * a]!;
    const ay = coords[2 * a + 1]!;
    const bx = b >= 0 ? coords[2 * b]! : ax + (at() - 0.5) * 0.004;
    const by = b >= 0 ? coords[2 * b + 1]! : ay + (at() - 0.5) * 0.004;
    for (let k = 1; k <= points; k++) {
      const t = k / (points + 1);
      const repeat = next() % 8 === 0 && k > 1;
      const x = repeat ? coords[2 * prev]! : ax + t * (bx - ax) + at() * 1e-4;
      const y = repeat ? coords[2 * prev + 1]! : ay + t * (by - ay) + at() * 1e-4;
      coords.push(x, y);
      const v = coords.length / 2 - 1;
      pairs.push(prev, v);
      prev = v;
    }
    if (b >= 0) pairs.push(prev, b);
  };
  for (let i = 1; i < junctions; i++) street(i, next() % i);
  for (let k = 0; k < junctions / 3; k++) street(next() % junctions, next() % junctions);
  for (let k = 0; k < junctions / 4; k++) street(next() % junctions, -1);
  // A ring of shape points only, and a shape point closing it.
  const ring = coords.length / 2;
  for (let k = 0; k < 5; k++) coords.push(121.43 + 0.001 * Math.cos(k), 31.23 + 0.001 * Math.sin(k));
  for (let k = 0; k < 5; k++) pairs.push(ring + k, ring + ((k + 1) % 5));
  return graphFromEdges(new Float64Array(coords), pairs);
}

/** The graph with about one arc in six dropped (the reverse arc kept): searches must not assume both ways. */
function withoutSomeArcs(graph: WalkingGraph, seed: number): WalkingGraph {
  const next = mulberry32(seed + 3);
  const offsets = new Uint32Array(graph.nodeCount + 1);
  const targets: number[] = [];
  const lengths: number[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      if (next() % 6 === 0) continue;
      targets.push(graph.targets[e]!);
      lengths.push(graph.lengths[e]!);
    }
    offsets[u + 1] = targets.length;
  }
  return { ...graph, offsets, targets: Uint32Array.from(targets), lengths: Float32Array.from(lengths) };
}

/**
 * The textbook search the bucket queue must equal: settle the least (distance, source) label of all,
 * relax its arcs with the same sums, offers beyond maxDistanceM ignored. O(n²), for small graphs.
 */
function plainDijkstra(
  graph: WalkingGraph,
  seeds: readonly SearchSeed[],
  maxDistanceM: number,
): { dist: Float64Array; source: Int32Array } {
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const source = new Int32Array(n).fill(-1);
  const better = (d: number, s: number, v: number): boolean =>
    d < dist[v]! || (d === dist[v]! && s < source[v]!);
  for (const seed of seeds) {
    if (seed.distance <= maxDistanceM && better(seed.distance, seed.source, seed.node)) {
      dist[seed.node] = seed.distance;
      source[seed.node] = seed.source;
    }
  }
  const done = new Uint8Array(n);
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) {
      if (done[v] || dist[v] === Infinity) continue;
      if (u < 0 || dist[v]! < dist[u]! || (dist[v] === dist[u] && source[v]! < source[u]!)) u = v;
    }
    if (u < 0) break;
    done[u] = 1;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      const d = dist[u]! + graph.lengths[e]!;
      if (d <= maxDistanceM && better(d, source[u]!, v)) {
        dist[v] = d;
        source[v] = source[u]!;
      }
    }
  }
  return { dist, source };
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
    expect(Array.from(r.reached.subarray(0, 5)).sort()).toEqual([0, 1, 2, 3, 4]);
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
        // `reached` lists every labelled node once.
        const listed = Array.from(r.reached.subarray(0, r.reachedCount)).sort((a, b) => a - b);
        const labelled = Array.from(r.dist.keys()).filter((v) => (r.dist[v] as number) < Infinity);
        expect(listed).toEqual(labelled);
      }),
      { numRuns: 80 },
    );
  });

  it('settles again a shape point a walk labelled, when a one-way arc later brings it nearer', () => {
    // p=0 ⇄ v=1 ⇄ q=2 (q a dead end), and x=3 → v one way: the walk from p labels v and q; x's offer to v
    // comes by an arc v has no arc back along, so v is queued again and must pass its label on to q.
    const graph: WalkingGraph = {
      nodeCount: 4,
      coords: new Float64Array(8),
      osmIds: new Float64Array([0, 1, 2, 3]),
      offsets: new Uint32Array([0, 1, 3, 4, 5]),
      targets: new Uint32Array([1, 0, 2, 1, 1]),
      lengths: new Float32Array([10, 10, 10, 10, 1]),
    };
    const r = multiSourceSearch(
      graph,
      [
        { node: 0, distance: 0, source: 0 },
        { node: 3, distance: 5, source: 1 },
      ],
      Infinity,
    );
    expect(Array.from(r.dist)).toEqual([0, 6, 16, 5]);
    expect(Array.from(r.source)).toEqual([0, 1, 1, 1]);
    expect(Array.from(r.reached.subarray(0, r.reachedCount)).sort()).toEqual([0, 1, 2, 3]);
  });

  it('gives the labels of a plain Dijkstra bit for bit on street-like graphs (chains of shape points)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 60 }), (seed, n) => {
        const streets = streetLikeGraph(seed, n);
        // A third of the graphs lose some arcs in one direction (a one-way graph file).
        const graph = seed % 3 === 0 ? withoutSomeArcs(streets, seed) : streets;
        const next = mulberry32(seed + 7);
        const seeds = Array.from({ length: 1 + (next() % 6) }, (_, i) => ({
          node: next() % graph.nodeCount,
          distance: next() % 3 === 0 ? 0 : (next() % 20000) / 100,
          source: next() % 4 === 0 ? i : i >> 1,
        }));
        const maxDistanceM = next() % 2 === 0 ? Infinity : 100 + (next() % 2500);
        const r = multiSourceSearch(graph, seeds, maxDistanceM);
        const ref = plainDijkstra(graph, seeds, maxDistanceM);
        expect(Array.from(r.dist)).toEqual(Array.from(ref.dist));
        expect(Array.from(r.source)).toEqual(Array.from(ref.source));
        const listed = Array.from(r.reached.subarray(0, r.reachedCount)).sort((a, b) => a - b);
        expect(listed).toEqual(Array.from(ref.dist.keys()).filter((v) => (ref.dist[v] as number) < Infinity));
      }),
      { numRuns: 200 },
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
