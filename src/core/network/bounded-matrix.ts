import type { WalkingGraph } from '../model/network';
import { multiSourceSearch, scratchSearchResult, type SearchSeed } from './multi-source-search';

/**
 * Points attached to the network in flat arrays (one slot per point): the coverage module's
 * `EstatePlacements` has this shape. nodeA ≤ nodeB (equal in node mode); −1 when not placed.
 */
export interface PlacedPoints {
  count: number;
  nodeA: Int32Array;
  nodeB: Int32Array;
  /** Along-edge metres from nodeA / nodeB to the snapped position. */
  offA: Float64Array;
  offB: Float64Array;
  /** Straight-line access leg, metres. */
  accessM: Float64Array;
}

/**
 * Sparse demand × candidate matrix (CSR): demand point d reaches candidates
 * `candidate[start[d] .. start[d + 1])` at `distanceM[…]` metres (access legs included), in
 * ascending candidate order. Only pairs within the bound are stored.
 */
export interface BoundedMatrix {
  demandCount: number;
  candidateCount: number;
  start: Uint32Array;
  candidate: Uint32Array;
  distanceM: Float64Array;
}

export interface BoundedMatrixOptions {
  /** Called after every block of demand points with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Checked between demand points; when it reads true the matrix stops with an AbortError. */
  signal?: { readonly aborted: boolean };
}

/** Node → candidates attached there (CSR), so a search's reached nodes give the candidates reached. */
function candidateIndex(graph: WalkingGraph, c: PlacedPoints): { at: Uint32Array; list: Uint32Array } {
  const n = graph.nodeCount;
  const at = new Uint32Array(n + 1);
  for (let j = 0; j < c.count; j++) {
    const a = c.nodeA[j]!;
    if (a < 0) continue;
    at[a + 1]!++;
    if (c.nodeB[j] !== a) at[c.nodeB[j]! + 1]!++;
  }
  for (let u = 0; u < n; u++) at[u + 1] = at[u + 1]! + at[u]!;
  const fill = at.slice(0, n);
  const list = new Uint32Array(at[n]!);
  for (let j = 0; j < c.count; j++) {
    const a = c.nodeA[j]!;
    if (a < 0) continue;
    list[fill[a]!++] = j;
    const b = c.nodeB[j]!;
    if (b !== a) list[fill[b]!++] = j;
  }
  return { at, list };
}

/**
 * The bounded many-to-many walking-distance matrix between demand points (estates) and candidate
 * sites. The walking graph is undirected, so ONE bounded `multiSourceSearch` from each demand point
 * (seeded with its access leg and along-edge offsets, as coverage seeds a facility) gives its
 * distance to every candidate: dist(end node) + the candidate's offset and access leg, the nearer
 * end winning; a demand point and a candidate on the same edge also get the direct walk along it.
 * This is the distance coverage reports (`accessM(estate) + networkM + accessM(facility)`).
 * @param graph the walking graph
 * @param demand placed demand points (unplaced slots get an empty row)
 * @param candidates placed candidate sites (unplaced ones are never reached)
 * @param maxDistanceM keep pairs within this many metres
 * @param options progress and abort
 * @returns the sparse matrix
 * @throws Error named AbortError when the signal is aborted
 * @example boundedMatrix(graph, placeEstates(…), sites, 1000).start[1] // candidates of estate 0
 */
export function boundedMatrix(
  graph: WalkingGraph,
  demand: PlacedPoints,
  candidates: PlacedPoints,
  maxDistanceM: number,
  options: BoundedMatrixOptions = {},
): BoundedMatrix {
  const { at, list } = candidateIndex(graph, candidates);
  const best = new Float64Array(candidates.count).fill(Infinity);
  const seen: number[] = [];
  const start = new Uint32Array(demand.count + 1);
  let cand = new Uint32Array(Math.max(16, demand.count * 4));
  let dist = new Float64Array(cand.length);
  let nnz = 0;
  const scratch = scratchSearchResult(graph);
  const seeds: SearchSeed[] = [];
  for (let d = 0; d < demand.count; d++) {
    if ((d & 63) === 0) {
      if (options.signal?.aborted) throw Object.assign(new Error('siting cancelled'), { name: 'AbortError' });
      options.onProgress?.(d, demand.count);
    }
    const a = demand.nodeA[d]!;
    start[d] = nnz;
    if (a < 0) continue;
    const b = demand.nodeB[d]!;
    const access = demand.accessM[d]!;
    seeds.length = 0;
    seeds.push({ node: a, distance: access + demand.offA[d]!, source: 0 });
    if (b !== a) seeds.push({ node: b, distance: access + demand.offB[d]!, source: 0 });
    const r = multiSourceSearch(graph, seeds, maxDistanceM, scratch);
    const consider = (j: number, m: number): void => {
      if (best[j] === Infinity) seen.push(j);
      if (m < best[j]!) best[j] = m;
    };
    for (let q = 0; q < r.reachedCount; q++) {
      const u = r.reached[q]!;
      const du = r.dist[u]!;
      for (let x = at[u]!; x < at[u + 1]!; x++) {
        const j = list[x]!;
        consider(j, du + (candidates.nodeA[j] === u ? candidates.offA[j]! : candidates.offB[j]!));
      }
    }
    if (b !== a) {
      // Same edge: the direct walk along it (the end-node route may be longer).
      for (let x = at[a]!; x < at[a + 1]!; x++) {
        const j = list[x]!;
        if (candidates.nodeA[j] !== a || candidates.nodeB[j] !== b) continue;
        consider(j, access + Math.abs(demand.offA[d]! - candidates.offA[j]!));
      }
    }
    seen.sort((x, y) => x - y);
    for (const j of seen) {
      const m = best[j]! + candidates.accessM[j]!;
      best[j] = Infinity;
      if (!(m <= maxDistanceM)) continue;
      if (nnz === cand.length) {
        const grown = new Uint32Array(cand.length * 2);
        grown.set(cand);
        cand = grown;
        const grownD = new Float64Array(dist.length * 2);
        grownD.set(dist);
        dist = grownD;
      }
      cand[nnz] = j;
      dist[nnz] = m;
      nnz++;
    }
    seen.length = 0;
  }
  start[demand.count] = nnz;
  options.onProgress?.(demand.count, demand.count);
  return {
    demandCount: demand.count,
    candidateCount: candidates.count,
    start,
    candidate: cand.slice(0, nnz),
    distanceM: dist.slice(0, nnz),
  };
}
