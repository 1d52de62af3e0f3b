import type { WalkingGraph } from '../model/network';

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
  /** Node indices in the order they were settled (nearest first); valid up to reachedCount. */
  reached: Uint32Array;
  reachedCount: number;
}

// Binary heap of node indices ordered by (dist, source), with each node's heap position so a
// shorter tentative distance moves the node up instead of adding a duplicate. Module-level scratch:
// searches are synchronous, so one heap serves them all; it is empty (pos all -1) between searches.
let heap = new Uint32Array(0);
let pos = new Int32Array(0);

function ensureScratch(n: number): void {
  if (pos.length >= n) return;
  heap = new Uint32Array(n);
  pos = new Int32Array(n).fill(-1);
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

/**
 * Bounded multi-source Dijkstra on the CSR arrays: one pass gives every node its distance to the
 * nearest seed and that seed's source, so one search serves all facilities of a kind. Ties between
 * sources at equal distance go to the lower source index, so results are deterministic. Nodes
 * farther than `maxDistanceM` are left at Infinity / -1; seeds beyond it are ignored.
 * @param graph the walking graph
 * @param seeds start nodes with their initial distance and source index
 * @param maxDistanceM search radius in network metres (Infinity for all reachable nodes)
 * @param reuse a previous result of the same graph to overwrite (only its reached nodes are reset),
 *   which avoids allocating per search; a result of another size is replaced by a new one
 * @returns the distances, sources and settled nodes (the `reuse` object when given)
 * @throws RangeError when a seed names a node outside the graph
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
  ensureScratch(n);
  const h = heap;
  const p = pos;
  let size = 0;

  const less = (a: number, b: number): boolean => {
    const da = dist[a] as number;
    const db = dist[b] as number;
    return da < db || (da === db && (source[a] as number) < (source[b] as number));
  };
  const up = (i: number): void => {
    const node = h[i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const other = h[parent] as number;
      if (!less(node, other)) break;
      h[i] = other;
      p[other] = i;
      i = parent;
    }
    h[i] = node;
    p[node] = i;
  };
  const down = (i: number): void => {
    const node = h[i] as number;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < size && less(h[right] as number, h[child] as number)) child = right;
      const best = h[child] as number;
      if (!less(best, node)) break;
      h[i] = best;
      p[best] = i;
      i = child;
    }
    h[i] = node;
    p[node] = i;
  };
  const offer = (v: number, d: number, s: number): void => {
    const dv = dist[v] as number;
    if (d > dv || (d === dv && s >= (source[v] as number))) return;
    dist[v] = d;
    source[v] = s;
    const at = p[v] as number;
    if (at < 0) {
      h[size] = v;
      size++;
      up(size - 1);
    } else up(at);
  };

  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i] as SearchSeed;
    if (!(seed.node >= 0 && seed.node < n && Number.isInteger(seed.node))) {
      throw new RangeError(
        `multiSourceSearch: seed ${i} names node ${seed.node}, outside the graph's 0..${n - 1}`,
      );
    }
    if (seed.distance <= maxDistanceM) offer(seed.node, seed.distance, seed.source);
  }

  const { offsets, targets, lengths } = graph;
  let count = 0;
  while (size > 0) {
    const u = h[0] as number;
    p[u] = -1;
    size--;
    if (size > 0) {
      h[0] = h[size] as number;
      down(0);
    }
    reached[count++] = u;
    const du = dist[u] as number;
    const su = source[u] as number;
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
      const d = du + (lengths[e] as number);
      if (d <= maxDistanceM) offer(targets[e] as number, d, su);
    }
  }
  result.reachedCount = count;
  return result;
}
