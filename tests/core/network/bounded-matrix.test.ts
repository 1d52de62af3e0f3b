import { describe, expect, it } from 'vitest';
import { lngLat } from '../../../src/core/geo/units';
import { boundedMatrix, createSnapper, graphFromEdges, type WalkingGraph } from '../../../src/core/network';
import { placeSites } from '../../../src/core/siting/place-sites';
import { mulberry32 } from '../../bench/w1-workload';
import { dijkstra } from './simple-osm';

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
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++)
      row.set(graph.targets[e]!, graph.lengths[e]!);
    adj.set(u, row);
  }
  return adj;
}

function randomPoints(seed: number, count: number) {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () =>
    lngLat(121.4 + ((next() % 10000) / 10000) * 0.02, 31.2 + ((next() % 10000) / 10000) * 0.02),
  );
}

describe('boundedMatrix', () => {
  for (const mode of ['edge', 'node'] as const) {
    for (const seed of [3, 7, 11]) {
      it(`${mode} snapping, seed ${seed}: equals naive all-pairs Dijkstra within the bound`, () => {
        const graph = randomGraph(seed, 60, 40);
        const snapper = createSnapper(graph);
        const demand = placeSites(randomPoints(seed + 100, 25), graph.nodeCount, snapper, mode, 400);
        const sites = placeSites(randomPoints(seed + 200, 30), graph.nodeCount, snapper, mode, 400);
        const bound = 1200;
        const m = boundedMatrix(graph, demand, sites, bound);
        const adj = adjacency(graph);
        const fromNode = new Map<number, Map<number, number>>();
        const D = (a: number, b: number): number => {
          if (!fromNode.has(a)) fromNode.set(a, dijkstra(adj, a));
          return fromNode.get(a)!.get(b) ?? Infinity;
        };
        let pairs = 0;
        for (let d = 0; d < demand.count; d++) {
          const got = new Map<number, number>();
          for (let k = m.start[d]!; k < m.start[d + 1]!; k++) got.set(m.candidate[k]!, m.distanceM[k]!);
          if (k0(m.start, d) > 1) {
            const row = Array.from(m.candidate.subarray(m.start[d]!, m.start[d + 1]!));
            expect(row).toEqual([...row].sort((a, b) => a - b));
          }
          for (let j = 0; j < sites.count; j++) {
            let best = Infinity;
            if (demand.nodeA[d]! >= 0 && sites.nodeA[j]! >= 0) {
              const ends = (x: typeof demand, i: number) => [
                [x.nodeA[i]!, x.offA[i]!],
                [x.nodeB[i]!, x.offB[i]!],
              ];
              for (const [u, ou] of ends(demand, d)) {
                for (const [v, ov] of ends(sites, j)) best = Math.min(best, ou! + D(u!, v!) + ov!);
              }
              if (
                demand.nodeA[d] === sites.nodeA[j] &&
                demand.nodeB[d] === sites.nodeB[j] &&
                demand.nodeA[d] !== demand.nodeB[d]
              ) {
                best = Math.min(best, Math.abs(demand.offA[d]! - sites.offA[j]!));
              }
              best += demand.accessM[d]! + sites.accessM[j]!;
            }
            if (Math.abs(best - bound) < 1e-6) continue;
            if (best <= bound) {
              pairs++;
              expect(got.get(j)).toBeCloseTo(best, 6);
            } else expect(got.has(j)).toBe(false);
          }
        }
        expect(pairs).toBeGreaterThan(20);
      });
    }
  }

  it('stops when the signal is aborted', () => {
    const graph = randomGraph(5, 30, 10);
    const snapper = createSnapper(graph);
    const pts = placeSites(randomPoints(9, 10), graph.nodeCount, snapper, 'node', 400);
    expect(() => boundedMatrix(graph, pts, pts, 500, { signal: { aborted: true } })).toThrow(/cancelled/);
  });
});

function k0(start: Uint32Array, d: number): number {
  return start[d + 1]! - start[d]!;
}
