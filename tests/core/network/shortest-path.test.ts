/**
 * shortestPath: a route's length is the engine's distance to the metre (against a reference Dijkstra on
 * seeded random graphs, and against computeCoverage on the real Shanghai network when ../shared/data is
 * present), and its geometry never leaves the streets: every segment is a graph edge or part of one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import type { Facility } from '../../../src/core/model';
import {
  createSnapper,
  graphFromEdges,
  haversineM,
  shortestPath,
  type SnappedPoint,
  type WalkingGraph,
  type WalkingRoute,
} from '../../../src/core/network';
import { loadW1Workload, mulberry32, w1DataAvailable, type W1Workload } from '../../bench/w1-workload';
import { w1Estates, w1Facilities } from '../coverage/w1-scenario';
import { dijkstra } from './simple-osm';

const EDGE = { mode: 'edge' as const, maxSnapM: 500 };

function randomGraph(seed: number, n: number, extra: number): WalkingGraph {
  const next = mulberry32(seed);
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++)
    coords[i] = (i % 2 === 0 ? 121.4 : 31.2) + ((next() % 10000) / 10000) * 0.02;
  const pairs: number[] = [];
  for (let i = 1; i < n; i++) pairs.push(i, next() % i);
  for (let k = 0; k < extra; k++) pairs.push(next() % n, next() % n);
  return graphFromEdges(coords, pairs);
}

function adjacency(graph: WalkingGraph): Map<number, Map<number, number>> {
  const adj = new Map<number, Map<number, number>>();
  for (let u = 0; u < graph.nodeCount; u++) {
    const row = new Map<number, number>();
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      row.set(v, Math.min(row.get(v) ?? Infinity, graph.lengths[e]!));
    }
    adj.set(u, row);
  }
  return adj;
}

/** Length of the half-edge u→v (the shortest when there are several), or undefined when none. */
function edgeLength(graph: WalkingGraph, u: number, v: number): number | undefined {
  let best: number | undefined;
  for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
    if (graph.targets[e] === v) best = Math.min(best ?? Infinity, graph.lengths[e]!);
  }
  return best;
}

const at = (g: WalkingGraph, n: number): [number, number] => [g.coords[2 * n]!, g.coords[2 * n + 1]!];

/** True when p lies on the straight segment a–b (within 1e-9° of it). */
function onSegment(p: [number, number], a: [number, number], b: [number, number]): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  if (t < -1e-9 || t > 1 + 1e-9) return false;
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) < 1e-9;
}

/**
 * Checks that the route follows the streets and adds up: the end pieces lie on the snapped points'
 * edges, every node-to-node step is a graph edge, and offset + edges + offset = networkM.
 */
function expectOnStreets(g: WalkingGraph, route: WalkingRoute, from: SnappedPoint, to: SnappedPoint): void {
  const { nodes, path } = route;
  if (nodes.length === 0) {
    expect(path).toHaveLength(2);
    expect(onSegment(path[0]!, at(g, from.nodeA), at(g, from.nodeB))).toBe(true);
    expect(onSegment(path[1]!, at(g, from.nodeA), at(g, from.nodeB))).toBe(true);
    return;
  }
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;
  expect([from.nodeA, from.nodeB]).toContain(first);
  expect([to.nodeA, to.nodeB]).toContain(last);
  let total = first === from.nodeA ? from.offsetA : from.offsetB;
  for (let i = 1; i < nodes.length; i++) {
    const length = edgeLength(g, nodes[i - 1]!, nodes[i]!);
    expect(length, `no edge ${nodes[i - 1]}–${nodes[i]}`).toBeDefined();
    total += length!;
  }
  total += last === to.nodeA ? to.offsetA : to.offsetB;
  expect(Math.abs(total - route.networkM)).toBeLessThan(1e-6);
  // Geometry: the drawn line is as long as the distance (partial edges interpolated), to the metre.
  let drawn = 0;
  for (let i = 1; i < path.length; i++) drawn += haversineM(...path[i - 1]!, ...path[i]!);
  expect(Math.abs(drawn - route.networkM)).toBeLessThan(1);
  expect(onSegment(path[0]!, at(g, from.nodeA), at(g, from.nodeB))).toBe(true);
  expect(onSegment(path[path.length - 1]!, at(g, to.nodeA), at(g, to.nodeB))).toBe(true);
}

describe('shortestPath', () => {
  it('walks a line from an edge point to another, through the nodes between', () => {
    const coords = new Float64Array([0, 0, 0.001, 0, 0.002, 0, 0.003, 0]);
    const g = graphFromEdges(coords, [0, 1, 1, 2, 2, 3]);
    const snap = createSnapper(g);
    const from = snap.snap(0.0005, 0.0001, EDGE);
    const to = snap.snap(0.0025, -0.0001, EDGE);
    const route = shortestPath(g, from, [to])!;
    expect(route.nodes).toEqual([1, 2]);
    expect(route.path.map(([x]) => x)).toEqual([
      expect.closeTo(0.0005, 9),
      0.001,
      0.002,
      expect.closeTo(0.0025, 9),
    ]);
    expect(route.networkM).toBeCloseTo(2 * g.lengths[0]!, 6);
    expectOnStreets(g, route, from, to);
  });

  it('goes straight along a shared edge, and picks the nearest of several destinations', () => {
    const coords = new Float64Array([0, 0, 0.004, 0, 0.004, 0.004]);
    const g = graphFromEdges(coords, [0, 1, 1, 2]);
    const snap = createSnapper(g);
    const from = snap.snap(0.001, 0, EDGE);
    const far = snap.snap(0.004, 0.003, EDGE);
    const near = snap.snap(0.003, 0, EDGE);
    const route = shortestPath(g, from, [far, near])!;
    expect(route.target).toBe(1);
    expect(route.nodes).toEqual([]);
    expect(route.networkM).toBeCloseTo(near.offsetA - from.offsetA, 6);
    expectOnStreets(g, route, from, near);
    expect(shortestPath(g, from, [far])!.nodes).toEqual([1]);
  });

  it('returns null when nothing is reached within the radius, or a point is off the network', () => {
    const g = graphFromEdges(new Float64Array([0, 0, 0.01, 0]), [0, 1]);
    const snap = createSnapper(g);
    const a = snap.snap(0, 0, EDGE);
    const b = snap.snap(0.01, 0, EDGE);
    expect(shortestPath(g, a, [b], { maxDistanceM: 100 })).toBeNull();
    expect(shortestPath(g, snap.snap(1, 1, EDGE), [b])).toBeNull();
    expect(shortestPath(g, a, [snap.snap(1, 1, EDGE)])).toBeNull();
  });

  it('equals a reference Dijkstra to the metre on seeded random graphs, along graph edges only', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGraph(seed, 120, 160);
      const adj = adjacency(g);
      const next = mulberry32(seed * 7);
      const snap = createSnapper(g);
      for (let k = 0; k < 10; k++) {
        const a = next() % g.nodeCount;
        const b = next() % g.nodeCount;
        // Node-snapped ends: the reference distance is node to node.
        const from = snap.snap(...at(g, a), { mode: 'node', maxSnapM: 1 });
        const to = snap.snap(...at(g, b), { mode: 'node', maxSnapM: 1 });
        const route = shortestPath(g, from, [to]);
        const expected = dijkstra(adj, from.nodeA).get(to.nodeA);
        if (expected === undefined) {
          expect(route).toBeNull();
          continue;
        }
        expect(Math.abs(route!.networkM - expected)).toBeLessThan(1e-6);
        expectOnStreets(g, route!, from, to);
      }
    }
  });
});

describe.skipIf(!w1DataAvailable())('shortestPath on Shanghai (../shared/data/shanghai-center)', () => {
  let w: W1Workload;
  beforeAll(async () => {
    w = await loadW1Workload();
  });

  it("gives each compound's route to its nearest facility the coverage engine's distance", () => {
    const graph = w.graph;
    const snapper = createSnapper(graph);
    // Facilities moved a little off their nodes, so both ends snap onto edges (partial edges).
    const facilities: Facility[] = w1Facilities(w).map((f) => ({
      ...f,
      location: lngLat(f.location[0] + 1.3e-4, f.location[1] - 0.7e-4),
    }));
    const estates = w1Estates(w).slice(0, 150);
    const coverage = computeCoverage({
      estates,
      facilities,
      network: { graph, snapper },
      options: { minutes: 60, speedMps: 1, personsPerHousehold: 2.5, snap: 'edge', maxSnapM: 500 },
    });
    const targets = facilities.map((f) => snapper.snap(f.location[0], f.location[1], EDGE));
    let checked = 0;
    estates.forEach((e, i) => {
      const row = coverage.estates[i]!;
      if (row.networkM === null) return;
      const from = snapper.snap(e.location![0], e.location![1], EDGE);
      const route = shortestPath(graph, from, targets)!;
      expect(Math.abs(route.networkM - row.networkM)).toBeLessThan(1e-6);
      expect(facilities[route.target]!.id).toBe(row.nearestFacility);
      expectOnStreets(graph, route, from, targets[route.target]!);
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });
});
