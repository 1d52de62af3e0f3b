import type { WalkingGraph } from '../model/network';
import { bucketedSearch } from './bucket-queue';
import { checkSeeds, type SearchResult, type SearchSeed } from './multi-source-search';

/**
 * Continues a search on the labels a `multiSourceSearch` (or an earlier call of this) left in
 * `result`: each seed replaces a node's label only when it is better in (distance, source) order, and
 * every node whose label improves is settled again, with the same exact tie-breaking. Labels that
 * were set by hand first (e.g. a removed facility's nodes cleared to Infinity / -1 and re-offered from
 * their neighbours) are repaired the same way. The result equals a full search from all sources
 * whenever the labels left untouched are still the shortest, which is what a what-if edit relies on.
 * `result.reached` is left as it is; the nodes settled by this call go to `settled`.
 * @param graph the walking graph `result` was computed on
 * @param result labels to continue from (dist, source), updated in place
 * @param seeds offers: `source` reaches `node` after `distance` metres
 * @param maxDistanceM no label beyond this is set (Infinity: the whole component)
 * @param settled receives the nodes settled in this call, in order (length ≥ graph.nodeCount)
 * @returns how many nodes were settled (their labels improved)
 * @throws RangeError when a seed names a node outside the graph or has a negative distance
 * @example
 * const field = multiSourceSearch(graph, seedsOfAll, Infinity);
 * const n = resumeSearch(graph, field, seedsOfNewFacility, Infinity, scratch);
 */
export function resumeSearch(
  graph: WalkingGraph,
  result: SearchResult,
  seeds: ArrayLike<SearchSeed>,
  maxDistanceM: number,
  settled: Uint32Array,
): number {
  const n = graph.nodeCount;
  if (result.dist.length !== n || settled.length < n) {
    throw new RangeError(`resumeSearch: the labels and the settled list must hold the graph's ${n} nodes`);
  }
  checkSeeds(seeds, n, 'resumeSearch');
  return bucketedSearch(graph, seeds, maxDistanceM, result.dist, result.source, settled);
}
