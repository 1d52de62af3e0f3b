/** Street segments for drawing, read straight off the CSR arrays (each undirected edge once). */
import type { WalkingGraph } from '../core';
import type { Bounds } from './protocol';

/**
 * Lists each edge u–v (u < v) as four numbers.
 * @param graph the walking graph
 * @returns [lon_u, lat_u, lon_v, lat_v, …] and the bounds of the nodes (null for an empty graph)
 * @example graphSegments(graph).segments.length / 4 // number of edges
 */
export function graphSegments(graph: WalkingGraph): { segments: Float64Array; bounds: Bounds | null } {
  const { offsets, targets, coords, nodeCount } = graph;
  let edges = 0;
  for (let u = 0; u < nodeCount; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) if (targets[k]! > u) edges++;
  }
  const segments = new Float64Array(edges * 4);
  let w = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let u = 0; u < nodeCount; u++) {
    const x = coords[2 * u]!;
    const y = coords[2 * u + 1]!;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = targets[k]!;
      if (v <= u) continue;
      segments[w++] = x;
      segments[w++] = y;
      segments[w++] = coords[2 * v]!;
      segments[w++] = coords[2 * v + 1]!;
    }
  }
  return { segments, bounds: nodeCount > 0 ? [west, south, east, north] : null };
}
