import type { WalkingGraph } from '../model/network';
import { bucketedSearch } from './bucket-queue';

/** A starting point of a search: `source` reaches `node` after `distance` metres already walked. */
export interface SearchSeed {
  node: number;
  distance: number;
  source: number;
}

/** Result of a bounded multi-source search over all nodes of the graph. */
export interface SearchResult {
  /** Network metres from the nearest seed; Infinity when not reached within maxDistanceM. */
  dist: Float64Array;
  /** Source of the nearest seed (ties → lower source), -1 when not reached. */
  source: Int32Array;
  /** The nodes this search labelled, each once, not in distance order; valid up to reachedCount. */
  reached: Uint32Array;
  reachedCount: number;
}

/**
 * Creates an empty result for a graph of `nodeCount` nodes (all unreached).
 * @param nodeCount number of nodes
 * @returns a result to pass as `reuse`
 * @example const scratch = createSearchResult(graph.nodeCount);
 */
export function createSearchResult(nodeCount: number): SearchResult {
  return {
    dist: new Float64Array(nodeCount).fill(Infinity),
    source: new Int32Array(nodeCount).fill(-1),
    reached: new Uint32Array(nodeCount),
    reachedCount: 0,
  };
}

const scratchResults = new WeakMap<WalkingGraph, SearchResult>();

/**
 * One reusable result per graph for searches whose result is read at once and let go (a catchment, a
 * service area, a matrix row): a 1M-node result is 16 MB, and allocating one per call cost more than
 * a bounded search itself. Only one such search may be in use at a time (the core is synchronous).
 * @param graph the walking graph
 * @returns the graph's scratch result
 * @example multiSourceSearch(graph, seeds, 1000, scratchSearchResult(graph))
 */
export function scratchSearchResult(graph: WalkingGraph): SearchResult {
  let s = scratchResults.get(graph);
  if (s === undefined || s.dist.length !== graph.nodeCount) {
    s = createSearchResult(graph.nodeCount);
    scratchResults.set(graph, s);
  }
  return s;
}

/**
 * Bounded multi-source Dijkstra on the CSR arrays: one pass gives every node its distance to the
 * nearest seed and that seed's source, so one search serves all facilities of a kind. Ties between
 * sources at equal distance go to the lower source index, so results are deterministic. The labels
 * equal those of a binary-heap Dijkstra in exact (distance, source) order; the search itself is a
 * two-level queue that walks along chains of shape points (bucket-queue.ts). Nodes
 * farther than `maxDistanceM` are left at Infinity / -1; seeds beyond it are ignored.
 * @param graph the walking graph
 * @param seeds start nodes with their initial distance and source index
 * @param maxDistanceM search radius in network metres (Infinity for all reachable nodes)
 * @param reuse a previous result of the same graph to overwrite (only its reached nodes are reset),
 *   which avoids allocating per search; a result of another size is replaced by a new one
 * @returns the distances, sources and settled nodes (the `reuse` object when given)
 * @throws RangeError when a seed names a node outside the graph or has a negative distance
 * @example
 * const r = multiSourceSearch(graph, [{ node: 12, distance: 0, source: 0 }], 1000);
 * r.dist[40] <= 1000; // node 40 is within a 1 km walk of facility 0
 */
export function multiSourceSearch(
  graph: WalkingGraph,
  seeds: ArrayLike<SearchSeed>,
  maxDistanceM: number,
  reuse?: SearchResult,
): SearchResult {
  const n = graph.nodeCount;
  const result = reuse !== undefined && reuse.dist.length === n ? reuse : createSearchResult(n);
  const { dist, source, reached } = result;
  for (let i = 0; i < result.reachedCount; i++) {
    const u = reached[i] as number;
    dist[u] = Infinity;
    source[u] = -1;
  }
  result.reachedCount = 0;
  checkSeeds(seeds, n, 'multiSourceSearch');
  result.reachedCount = bucketedSearch(graph, seeds, maxDistanceM, dist, source, reached);
  return result;
}

/**
 * Throws when a seed names a node outside the graph or has a negative distance.
 * @param seeds the seeds of a search
 * @param n the graph's node count
 * @param caller the function named in the message
 */
export function checkSeeds(seeds: ArrayLike<SearchSeed>, n: number, caller: string): void {
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i] as SearchSeed;
    if (!(seed.node >= 0 && seed.node < n && Number.isInteger(seed.node))) {
      throw new RangeError(`${caller}: seed ${i} names node ${seed.node}, outside the graph's 0..${n - 1}`);
    }
    if (!(seed.distance >= 0)) {
      throw new RangeError(`${caller}: seed ${i} has distance ${seed.distance}; expected a number ≥ 0`);
    }
  }
}
