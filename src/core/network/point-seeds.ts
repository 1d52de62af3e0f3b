import type { SnappedPoint } from '../model/network';
import type { SearchResult, SearchSeed } from './multi-source-search';

/**
 * Seeds that start a search from a snapped point: one seed at distance 0 in node mode, two seeds
 * (offsetA at nodeA, offsetB at nodeB) in edge mode, none when the point is off the network. The
 * straight-line access leg is NOT included: the caller adds accessM.
 * @param p the snapped point
 * @param source the index this point's seeds report as their source
 * @returns the seeds
 * @example multiSourceSearch(graph, facilities.flatMap((f, i) => seedsForPoint(f, i)), 1000)
 */
export function seedsForPoint(p: SnappedPoint, source: number): SearchSeed[] {
  if (p.offNetwork || p.nodeA < 0) return [];
  if (p.nodeA === p.nodeB) return [{ node: p.nodeA, distance: 0, source }];
  return [
    { node: p.nodeA, distance: p.offsetA, source },
    { node: p.nodeB, distance: p.offsetB, source },
  ];
}

/**
 * Network distance from the search's seeds to a snapped point: the minimum over the point's ends of
 * dist + offset (ties → lower source); access legs are not included. A facility and an estate on the
 * SAME edge are measured here through the edge's end nodes; add `sameEdgeDistanceM` for the direct
 * walk along the shared edge.
 * @param result a multiSourceSearch result
 * @param p the snapped point
 * @returns networkM (Infinity when unreached or off-network) and the nearest source (-1 then)
 * @example distanceToPoint(result, estatePoint).networkM + estatePoint.accessM
 */
export function distanceToPoint(result: SearchResult, p: SnappedPoint): { networkM: number; source: number } {
  if (p.offNetwork || p.nodeA < 0) return { networkM: Infinity, source: -1 };
  let networkM = (result.dist[p.nodeA] as number) + p.offsetA;
  let source = result.source[p.nodeA] as number;
  if (p.nodeB !== p.nodeA) {
    const viaB = (result.dist[p.nodeB] as number) + p.offsetB;
    const sourceB = result.source[p.nodeB] as number;
    if (viaB < networkM || (viaB === networkM && sourceB >= 0 && sourceB < source)) {
      networkM = viaB;
      source = sourceB;
    }
  }
  return networkM === Infinity ? { networkM: Infinity, source: -1 } : { networkM, source };
}

/**
 * Distance along a shared edge between two points snapped onto the same edge (the shortcut that
 * going through the end nodes misses), Infinity when they are not on the same edge.
 * @param a one snapped point
 * @param b another snapped point
 * @returns metres along the edge, or Infinity
 * @example Math.min(distanceToPoint(r, estate).networkM, sameEdgeDistanceM(facility, estate))
 */
export function sameEdgeDistanceM(a: SnappedPoint, b: SnappedPoint): number {
  if (a.offNetwork || b.offNetwork || a.nodeA < 0 || b.nodeA < 0) return Infinity;
  if (a.nodeA === b.nodeA && a.nodeB === b.nodeB) return Math.abs(a.offsetA - b.offsetA);
  if (a.nodeA === b.nodeB && a.nodeB === b.nodeA) return Math.abs(a.offsetA - b.offsetB);
  return Infinity;
}
