/**
 * Test helpers for coverage: hand-built CSR graphs, snappers, estate/facility factories, a seeded
 * random street grid and an independent (deliberately naive) shortest-path reference.
 */
import { lngLat } from '../../../src/core/geo/units';
import type { Estate, Facility, FacilityKind, SnappedPoint, WalkingGraph } from '../../../src/core/model';
import { createSnapper, graphFromEdges } from '../../../src/core/network';
import type { CoverageSnapper } from '../../../src/core/coverage';

/** The common 4-line mulberry32 (seeded randomness only). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CSR graph from explicit undirected edges [a, b, length] (lengths need not match the coordinates). */
export function csrGraph(coords: number[], edges: [number, number, number][]): WalkingGraph {
  const n = coords.length / 2;
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [a, b, len] of edges) {
    rows[a]!.push([b, len]);
    rows[b]!.push([a, len]);
  }
  const offsets = new Uint32Array(n + 1);
  const targets: number[] = [];
  const lengths: number[] = [];
  rows.forEach((row, u) => {
    row.sort((x, y) => x[0] - y[0]);
    for (const [v, len] of row) {
      targets.push(v);
      lengths.push(len);
    }
    offsets[u + 1] = targets.length;
  });
  return {
    nodeCount: n,
    coords: Float64Array.from(coords),
    osmIds: Float64Array.from({ length: n }, (_, i) => i),
    offsets,
    targets: Uint32Array.from(targets),
    lengths: Float32Array.from(lengths),
  };
}

/** A snapper that answers from a table keyed by "lng,lat" (hand-worked examples); unknown points are off-network. */
export function tableSnapper(table: Record<string, Omit<SnappedPoint, 'offNetwork'>>): CoverageSnapper {
  return {
    snap: (lng, lat) => {
      const p = table[`${lng},${lat}`];
      return p
        ? { ...p, offNetwork: false }
        : { nodeA: -1, nodeB: -1, offsetA: 0, offsetB: 0, accessM: Infinity, offNetwork: true };
    },
  };
}

export function makeEstate(id: string, location: [number, number] | null, households: number | null): Estate {
  return {
    id,
    row: 0,
    name: `estate ${id}`,
    location: location === null ? null : lngLat(location[0], location[1]),
    geometry: null,
    households,
    residents: null,
    status: 'existing',
    elderlyCareFloorArea: null,
    elderlyCareFacilityAreas: null,
    nurseryPlaces: null,
    childcareFloorArea: null,
    district: null,
    properties: {},
  };
}

export function makeFacility(
  id: string,
  location: [number, number],
  places: number | null = null,
  kind: FacilityKind = 'nursery',
): Facility {
  return {
    id,
    row: 0,
    name: `facility ${id}`,
    kind,
    location: lngLat(location[0], location[1]),
    status: 'existing',
    capacity: { places, beds: null, floorArea: null },
    properties: {},
  };
}

/** South-west corner and step of the synthetic grids (central Shanghai, ~95 m × 111 m blocks). */
export const GRID_ORIGIN: [number, number] = [121.45, 31.2];
export const GRID_STEP = 0.001;

/**
 * A seeded street grid: rows × cols nodes, each grid edge kept with probability `keep`, lengths rounded
 * to whole metres so that every sum is exact and ties are true ties. Its snapper wraps the network
 * module's snapper and rounds offsets and access legs to whole metres as well.
 */
export function randomGrid(
  seed: number,
  rows: number,
  cols: number,
  keep = 0.85,
): { graph: WalkingGraph; snapper: CoverageSnapper } {
  const rand = mulberry32(seed);
  const coords: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      coords.push(GRID_ORIGIN[0] + c * GRID_STEP + (rand() - 0.5) * 2e-4, GRID_ORIGIN[1] + r * GRID_STEP);
    }
  }
  const pairs: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const u = r * cols + c;
      if (c + 1 < cols && rand() < keep) pairs.push(u, u + 1);
      if (r + 1 < rows && rand() < keep) pairs.push(u, u + cols);
    }
  }
  const raw = graphFromEdges(Float64Array.from(coords), pairs);
  const graph: WalkingGraph = { ...raw, lengths: raw.lengths.map((l) => Math.max(1, Math.round(l))) };
  const inner = createSnapper(graph);
  const lengthOf = (a: number, b: number): number => {
    for (let e = graph.offsets[a]!; e < graph.offsets[a + 1]!; e++)
      if (graph.targets[e] === b) return graph.lengths[e]!;
    return 0;
  };
  return {
    graph,
    snapper: {
      snap: (lng, lat, options) => {
        const p = inner.snap(lng, lat, options);
        if (p.offNetwork) return p;
        const offsetA = Math.round(p.offsetA);
        const len = p.nodeA === p.nodeB ? 0 : lengthOf(p.nodeA, p.nodeB);
        return {
          ...p,
          offsetA: p.nodeA === p.nodeB ? 0 : offsetA,
          offsetB: len - offsetA,
          accessM: Math.round(p.accessM),
        };
      },
    },
  };
}

/** A random point in or slightly around the grid's box. */
export function randomPoint(rand: () => number, rows: number, cols: number): [number, number] {
  return [
    GRID_ORIGIN[0] + (rand() * 1.1 - 0.05) * (cols - 1) * GRID_STEP,
    GRID_ORIGIN[1] + (rand() * 1.1 - 0.05) * (rows - 1) * GRID_STEP,
  ];
}

/** Single-source shortest paths the slow, obvious way: O(n²) selection, no heap. */
export function naiveDistances(graph: WalkingGraph, seeds: [number, number][]): Float64Array {
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  for (const [node, d] of seeds) dist[node] = Math.min(dist[node]!, d);
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) return dist;
    done[u] = 1;
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!;
      dist[v] = Math.min(dist[v]!, dist[u]! + graph.lengths[e]!);
    }
  }
}

/** Total walking distance between two snapped points (access legs included), by the naive search. */
export function naivePairDistance(graph: WalkingGraph, f: SnappedPoint, e: SnappedPoint): number {
  if (f.offNetwork || e.offNetwork) return Infinity;
  const dist = naiveDistances(graph, [
    [f.nodeA, f.offsetA],
    [f.nodeB, f.offsetB],
  ]);
  let best = Math.min(dist[e.nodeA]! + e.offsetA, dist[e.nodeB]! + e.offsetB);
  if (
    f.nodeA !== f.nodeB &&
    Math.min(f.nodeA, f.nodeB) === Math.min(e.nodeA, e.nodeB) &&
    Math.max(f.nodeA, f.nodeB) === Math.max(e.nodeA, e.nodeB)
  ) {
    const fa = f.nodeA < f.nodeB ? f.offsetA : f.offsetB;
    const ea = e.nodeA < e.nodeB ? e.offsetA : e.offsetB;
    best = Math.min(best, Math.abs(fa - ea));
  }
  return best + f.accessM + e.accessM;
}
