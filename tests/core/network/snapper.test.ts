import { describe, expect, it } from 'vitest';
import { createSnapper, graphFromEdges, haversineM } from '../../../src/core/network';
import { mulberry32 } from '../../bench/w1-workload';
import { haversine } from './simple-osm';

/** Random planar-ish graph near Shanghai: n nodes, each joined to a few random near neighbours. */
function randomGraph(seed: number, n: number) {
  const next = mulberry32(seed);
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = 121.45 + ((next() % 100000) / 100000) * 0.05;
    coords[2 * i + 1] = 31.2 + ((next() % 100000) / 100000) * 0.05;
  }
  const pairs: number[] = [];
  for (let i = 1; i < n; i++) pairs.push(i, next() % i);
  return graphFromEdges(coords, pairs);
}

describe('createSnapper, node mode', () => {
  it('finds the nearest node by haversine, ties to the lowest index', () => {
    // Nodes 1 and 2 share a position; 0 and 3 are symmetric about the query on the equator.
    const coords = new Float64Array([0.001, 0, 5, 5, 5, 5, -0.001, 0]);
    const graph = graphFromEdges(coords, [0, 1, 1, 2, 2, 3]);
    const snapper = createSnapper(graph);
    expect(snapper.snap(0, 0, { mode: 'node', maxSnapM: 1000 })).toMatchObject({
      nodeA: 0,
      nodeB: 0,
      offNetwork: false,
    });
    expect(snapper.snap(5.0001, 5, { mode: 'node', maxSnapM: 1000 }).nodeA).toBe(1);
    const p = snapper.snap(0, 0.0005, { mode: 'node', maxSnapM: 1000 });
    expect(p.accessM).toBeCloseTo(haversine(0, 0.0005, 0.001, 0), 9);
  });

  it('agrees with a brute-force scan on 3,000 random nodes', () => {
    const graph = randomGraph(7, 3000);
    const snapper = createSnapper(graph);
    const next = mulberry32(99);
    for (let q = 0; q < 300; q++) {
      const lng = 121.44 + ((next() % 100000) / 100000) * 0.07;
      const lat = 31.19 + ((next() % 100000) / 100000) * 0.07;
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < graph.nodeCount; i++) {
        const d = haversine(lng, lat, graph.coords[2 * i] as number, graph.coords[2 * i + 1] as number);
        if (d < bestD) [best, bestD] = [i, d];
      }
      const p = snapper.snap(lng, lat, { mode: 'node', maxSnapM: Infinity });
      expect(p.nodeA).toBe(best);
      expect(p.accessM).toBeCloseTo(bestD, 6);
    }
  });

  it('equals a brute-force haversine scan exactly, for clustered nodes and queries inside, between and far outside', () => {
    // A dense cluster, a sparse spread and a few far nodes: cells of every fill, empty rings, queries
    // tens of kilometres away (beyond the flat filter) and on top of nodes (distance 0, shared positions).
    const next = mulberry32(2026);
    const unit = () => (next() % 1_000_000) / 1_000_000;
    const coords: number[] = [];
    for (let i = 0; i < 2000; i++) coords.push(121.47 + unit() * 0.004, 31.23 + unit() * 0.004);
    for (let i = 0; i < 500; i++) coords.push(121.3 + unit() * 0.4, 31.0 + unit() * 0.4);
    coords.push(122.5, 31.2, 120.1, 30.1, 121.47, 31.23, 121.47, 31.23);
    const n = coords.length / 2;
    const pairs: number[] = [];
    for (let i = 1; i < n; i++) pairs.push(i, i - 1);
    const graph = graphFromEdges(new Float64Array(coords), pairs);
    const snapper = createSnapper(graph);
    const queries: [number, number][] = [
      [121.47, 31.23],
      [122.5, 31.2],
      [90, 10],
      [121.9, 35],
    ];
    for (let q = 0; q < 400; q++) queries.push([121.2 + unit() * 0.6, 30.9 + unit() * 0.6]);
    for (let q = 0; q < 100; q++) queries.push([121.47 + unit() * 0.004, 31.23 + unit() * 0.004]);
    for (const [lng, lat] of queries) {
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const d = haversineM(lng, lat, graph.coords[2 * i]!, graph.coords[2 * i + 1]!);
        if (d < bestD) [best, bestD] = [i, d];
      }
      for (const maxSnapM of [Infinity, 300, bestD]) {
        const p = snapper.snap(lng, lat, { mode: 'node', maxSnapM });
        if (bestD <= maxSnapM) {
          expect(p.nodeA).toBe(best);
          expect(p.accessM).toBe(bestD);
        } else expect(p.offNetwork).toBe(true);
      }
    }
  });

  it('rejects a bad maxSnapM, mode or position', () => {
    const snapper = createSnapper(graphFromEdges(new Float64Array([121.4, 31.2, 121.401, 31.2]), [0, 1]));
    expect(() => snapper.snap(121.4, 31.2, { mode: 'node', maxSnapM: -1 })).toThrow(/maxSnapM/);
    expect(() => snapper.snap(121.4, 31.2, { mode: 'nearest' as 'node', maxSnapM: 10 })).toThrow(
      /"edge" or "node"/,
    );
    expect(() => snapper.snap(NaN, 31.2, { mode: 'edge', maxSnapM: 10 })).toThrow(/finite coordinates/);
  });

  it('is offNetwork beyond maxSnapM', () => {
    const graph = graphFromEdges(new Float64Array([121.4, 31.2, 121.401, 31.2]), [0, 1]);
    const far = createSnapper(graph).snap(121.4, 31.21, { mode: 'node', maxSnapM: 500 });
    expect(far).toEqual({
      nodeA: -1,
      nodeB: -1,
      offsetA: 0,
      offsetB: 0,
      accessM: Infinity,
      offNetwork: true,
    });
    expect(createSnapper(graph).snap(121.4, 31.21, { mode: 'node', maxSnapM: 1500 }).nodeA).toBe(0);
  });
});

describe('createSnapper, edge mode', () => {
  const graph = graphFromEdges(new Float64Array([121.4, 31.2, 121.41, 31.2, 121.41, 31.21]), [0, 1, 1, 2]);
  const snapper = createSnapper(graph);
  const lengthAB = haversine(121.4, 31.2, 121.41, 31.2);

  it('projects onto the nearest edge with offsets along it and the straight access leg', () => {
    const p = snapper.snap(121.403, 31.2005, { mode: 'edge', maxSnapM: 500 });
    expect(p).toMatchObject({ nodeA: 0, nodeB: 1, offNetwork: false });
    expect(p.offsetA).toBeCloseTo(0.3 * lengthAB, 2);
    expect(p.offsetA + p.offsetB).toBeCloseTo(lengthAB, 3);
    expect(p.accessM).toBeCloseTo(haversine(121.403, 31.2005, 121.403, 31.2), 2);
  });

  it('clamps to an end node beyond the segment, and picks the other edge when nearer', () => {
    const before = snapper.snap(121.399, 31.2, { mode: 'edge', maxSnapM: 500 });
    expect(before).toMatchObject({ nodeA: 0, nodeB: 1, offsetA: 0 });
    expect(before.accessM).toBeCloseTo(haversine(121.399, 31.2, 121.4, 31.2), 3);
    const side = snapper.snap(121.4105, 31.205, { mode: 'edge', maxSnapM: 500 });
    expect(side).toMatchObject({ nodeA: 1, nodeB: 2 });
    expect(side.offsetA).toBeCloseTo(haversine(121.41, 31.2, 121.41, 31.205), 1);
  });

  it('is offNetwork beyond maxSnapM', () => {
    expect(snapper.snap(121.405, 31.19, { mode: 'edge', maxSnapM: 500 }).offNetwork).toBe(true);
    expect(snapper.snap(121.405, 31.19, { mode: 'edge', maxSnapM: 1200 }).offNetwork).toBe(false);
  });

  it('agrees with a brute-force projection on random graphs', () => {
    const random = randomGraph(11, 1500);
    const s = createSnapper(random);
    const next = mulberry32(5);
    const { coords } = random;
    for (let q = 0; q < 200; q++) {
      const lng = 121.45 + ((next() % 100000) / 100000) * 0.05;
      const lat = 31.2 + ((next() % 100000) / 100000) * 0.05;
      const kx = Math.cos((lat * Math.PI) / 180);
      let bestD = Infinity;
      for (let u = 0; u < random.nodeCount; u++) {
        for (let e = random.offsets[u] as number; e < (random.offsets[u + 1] as number); e++) {
          const v = random.targets[e] as number;
          const ax = ((coords[2 * u] as number) - lng) * kx;
          const ay = (coords[2 * u + 1] as number) - lat;
          const bx = ((coords[2 * v] as number) - lng) * kx;
          const by = (coords[2 * v + 1] as number) - lat;
          const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
          const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / l2));
          const d = Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)) * ((Math.PI / 180) * 6371008.8);
          bestD = Math.min(bestD, d);
        }
      }
      const p = s.snap(lng, lat, { mode: 'edge', maxSnapM: 5000 });
      expect(p.offNetwork).toBe(false);
      expect(Math.abs(p.accessM - bestD)).toBeLessThan(0.01);
    }
  });
});
