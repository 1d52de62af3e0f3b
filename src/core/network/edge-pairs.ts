import type { WalkingGraph } from '../model/network';
import { haversineM } from './haversine';

/** Largest node count whose pair keys lo·n + hi stay exact in a double (n² < 2⁵³). */
export const MAX_PAIR_NODES = 94_906_265;

/** Undirected edges as parallel arrays sorted by (lo, hi), lo < hi, without repeats. */
export interface EdgePairs {
  lo: Uint32Array;
  hi: Uint32Array;
  count: number;
  /** Keys dropped because the same node pair was already there. */
  duplicates: number;
}

/**
 * Sorts edge keys `lo · stride + hi` (lo < hi) and removes repeated node pairs.
 * @param keys keys in [0, count); sorted in place
 * @param count how many keys are used
 * @param stride the node count the keys were made with
 * @returns the unique pairs in ascending (lo, hi) order
 */
export function uniqueEdgePairs(keys: Float64Array, count: number, stride: number): EdgePairs {
  const used = keys.subarray(0, count).sort();
  const lo = new Uint32Array(count);
  const hi = new Uint32Array(count);
  let unique = 0;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const key = used[i] as number;
    if (key === previous) continue;
    previous = key;
    const a = Math.floor(key / stride);
    lo[unique] = a;
    hi[unique] = key - a * stride;
    unique++;
  }
  return {
    lo: lo.subarray(0, unique),
    hi: hi.subarray(0, unique),
    count: unique,
    duplicates: count - unique,
  };
}

/**
 * Compressed sparse rows from unique undirected pairs sorted by (lo, hi): every edge is stored in
 * both rows and each row comes out in ascending neighbour order (row v first receives the lower
 * neighbours from earlier pairs, then its own higher ones). Lengths are haversine metres.
 * @param nodeCount number of nodes
 * @param pairs unique pairs, sorted
 * @param coords flat [lon, lat, …] of the nodes
 * @returns offsets, targets and lengths of the CSR graph
 */
export function csrFromPairs(
  nodeCount: number,
  pairs: Pick<EdgePairs, 'lo' | 'hi' | 'count'>,
  coords: Float64Array,
): Pick<WalkingGraph, 'offsets' | 'targets' | 'lengths'> {
  const { lo, hi, count } = pairs;
  const offsets = new Uint32Array(nodeCount + 1);
  const degree = new Uint32Array(nodeCount);
  for (let e = 0; e < count; e++) {
    degree[lo[e] as number] = (degree[lo[e] as number] as number) + 1;
    degree[hi[e] as number] = (degree[hi[e] as number] as number) + 1;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] = (offsets[u] as number) + (degree[u] as number);
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(2 * count);
  const lengths = new Float32Array(2 * count);
  for (let e = 0; e < count; e++) {
    const u = lo[e] as number;
    const v = hi[e] as number;
    const length = haversineM(
      coords[2 * u] as number,
      coords[2 * u + 1] as number,
      coords[2 * v] as number,
      coords[2 * v + 1] as number,
    );
    const iu = cursor[u] as number;
    cursor[u] = iu + 1;
    targets[iu] = v;
    lengths[iu] = length;
    const iv = cursor[v] as number;
    cursor[v] = iv + 1;
    targets[iv] = u;
    lengths[iv] = length;
  }
  return { offsets, targets, lengths };
}
