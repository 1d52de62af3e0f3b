import type { WalkingGraph } from '../model/network';
import { csrFromPairs, MAX_PAIR_NODES, uniqueEdgePairs } from './edge-pairs';

/**
 * Builds a walking graph straight from node positions and node pairs (synthetic networks, tests,
 * the demo): self-loops dropped, repeated pairs merged, haversine lengths, no component filter.
 * @param coords flat [lon0, lat0, lon1, lat1, …] (WGS-84); node i is at coords[2i], coords[2i+1]
 * @param pairs flat [a0, b0, a1, b1, …] node indices of undirected edges
 * @param osmIds ids to carry along (default: the node index)
 * @returns the CSR graph
 * @example graphFromEdges(new Float64Array([121.47, 31.23, 121.48, 31.23]), [0, 1])
 */
export function graphFromEdges(
  coords: Float64Array,
  pairs: ArrayLike<number>,
  osmIds?: Float64Array,
): WalkingGraph {
  const n = coords.length / 2;
  if (!Number.isInteger(n) || n > MAX_PAIR_NODES)
    throw new RangeError(`coords must hold [lon, lat] pairs (got ${coords.length} numbers)`);
  if (osmIds !== undefined && osmIds.length !== n)
    throw new RangeError(`osmIds has ${osmIds.length} ids for ${n} nodes`);
  const keys = new Float64Array(pairs.length >> 1);
  let count = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const a = pairs[i] as number;
    const b = pairs[i + 1] as number;
    if (!(a >= 0 && a < n && b >= 0 && b < n && Number.isInteger(a) && Number.isInteger(b))) {
      throw new RangeError(`edge ${i / 2} joins nodes ${a} and ${b}; expected indices in 0..${n - 1}`);
    }
    if (a !== b) keys[count++] = a < b ? a * n + b : b * n + a;
  }
  const csr = csrFromPairs(n, uniqueEdgePairs(keys, count, n), coords);
  const ids = osmIds ?? Float64Array.from({ length: n }, (_, i) => i);
  return { nodeCount: n, coords, osmIds: ids, ...csr };
}
