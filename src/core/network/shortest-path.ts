import type { SnappedPoint, WalkingGraph } from '../model/network';
import { multiSourceSearch, type SearchResult, type SearchSeed } from './multi-source-search';
import { distanceToPoint, sameEdgeDistanceM, seedsForPoint } from './point-seeds';

/** One walking route along the streets, from a snapped origin to the nearest of some destinations. */
export interface WalkingRoute {
  /** Index (into `to`) of the destination the route reaches: the nearest one (ties → lower index). */
  target: number;
  /**
   * Metres along the streets between the two snapped positions: the engine's distance
   * (`distanceToPoint`, or the direct walk along a shared edge), access legs not included.
   */
  networkM: number;
  /** The whole walk as coverage counts it: origin's access leg + networkM + destination's access leg. */
  distanceM: number;
  /** Graph nodes passed, origin side first (empty when the route runs along one shared edge). */
  nodes: number[];
  /**
   * Street geometry as WGS-84 [lng, lat], from the origin's snapped position to the destination's:
   * every segment is a graph edge or part of one (the partial edges at both ends of edge-snapped points).
   */
  path: [number, number][];
}

export interface ShortestPathOptions {
  /** Search radius in network metres (default Infinity); farther destinations are not reached. */
  maxDistanceM?: number;
  /** A previous search result of the same graph to overwrite (avoids allocating per route). */
  reuse?: SearchResult;
}

/** Where a snapped point lies: on edge nodeA–nodeB at offsetA metres from nodeA. */
function positionOf(graph: WalkingGraph, p: SnappedPoint): [number, number] {
  const { coords } = graph;
  const ax = coords[2 * p.nodeA] as number;
  const ay = coords[2 * p.nodeA + 1] as number;
  const length = p.offsetA + p.offsetB;
  if (p.nodeA === p.nodeB || !(length > 0)) return [ax, ay];
  const t = p.offsetA / length;
  return [
    ax + t * ((coords[2 * p.nodeB] as number) - ax),
    ay + t * ((coords[2 * p.nodeB + 1] as number) - ay),
  ];
}

/**
 * The neighbour v of u on a shortest path back to the search's seeds: dist[v] + length(v→u) equals
 * dist[u] exactly, because the search computed dist[u] as that very sum (bucket-queue.ts).
 */
function predecessor(graph: WalkingGraph, search: SearchResult, u: number, seen: Set<number>): number {
  const { offsets, targets, lengths } = graph;
  const { dist, source } = search;
  const du = dist[u] as number;
  const su = source[u] as number;
  for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
    const v = targets[e] as number;
    if (seen.has(v) || source[v] !== su) continue;
    const dv = dist[v] as number;
    if (!(dv < Infinity)) continue;
    // The length of the half-edge v→u (the one the search relaxed), found in v's own row.
    for (let k = offsets[v] as number, kEnd = offsets[v + 1] as number; k < kEnd; k++) {
      if (targets[k] === u && dv + (lengths[k] as number) === du) return v;
    }
  }
  throw new Error(
    `shortestPath: node ${u} has no predecessor at distance ${du}; the search is not of this graph`,
  );
}

/**
 * One shortest walking route from the one search: a multi-source search from the destinations'
 * attachments (their seeds), then a walk back from the origin, at each node to a neighbour whose
 * distance plus the edge's length is exactly the node's distance, until a seed of the destination
 * reached is met. The route's length is therefore the engine's distance to the metre, and its
 * geometry follows the streets (never a straight line across a block). The nearest destination is
 * chosen by the whole walk, its access leg included (as coverage does); access legs (point → street)
 * are not part of the path: each SnappedPoint carries its accessM.
 * @param graph the walking graph
 * @param from the origin, snapped to the graph
 * @param to the destinations, snapped to the graph (off-network ones are ignored)
 * @param options search radius and a reusable search result
 * @returns the route to the nearest destination, or null when none is reached (or `from` is off-network)
 * @example
 * const snap = createSnapper(graph);
 * const route = shortestPath(graph, snap.snap(lng, lat, opts), facilities.map((f) => snap.snap(f[0], f[1], opts)));
 * route?.networkM; // metres along the streets
 */
export function shortestPath(
  graph: WalkingGraph,
  from: SnappedPoint,
  to: readonly SnappedPoint[],
  options: ShortestPathOptions = {},
): WalkingRoute | null {
  if (from.offNetwork || from.nodeA < 0) return null;
  // Each destination's seeds start with its access leg walked, as coverage counts it, so the nearest
  // destination is the nearest by the whole walk.
  const seeds: SearchSeed[] = to.flatMap((p, i) =>
    seedsForPoint(p, i).map((s) => ({ ...s, distance: p.accessM + s.distance })),
  );
  if (seeds.length === 0) return null;
  const maxDistanceM = options.maxDistanceM ?? Infinity;
  const search = multiSourceSearch(graph, seeds, maxDistanceM, options.reuse);
  const { networkM: reachM, source } = distanceToPoint(search, from);

  // A destination on the origin's own edge may be nearer by walking straight along it.
  let direct = Infinity;
  let directTarget = -1;
  to.forEach((p, i) => {
    const d = p.accessM + sameEdgeDistanceM(from, p);
    if (d < direct) {
      direct = d;
      directTarget = i;
    }
  });
  if (directTarget >= 0 && direct < reachM && direct <= maxDistanceM) {
    const target = to[directTarget] as SnappedPoint;
    return {
      target: directTarget,
      networkM: sameEdgeDistanceM(from, target),
      distanceM: from.accessM + direct,
      nodes: [],
      path: [positionOf(graph, from), positionOf(graph, target)],
    };
  }
  if (source < 0 || reachM > maxDistanceM) return null;

  // The origin's end node the engine measured through (the same choice as distanceToPoint).
  const viaA = (search.dist[from.nodeA] as number) + from.offsetA;
  const start = viaA === reachM && search.source[from.nodeA] === source ? from.nodeA : from.nodeB;
  const target = to[source] as SnappedPoint;
  // The seeds' distances, computed as above (seedsForPoint gives offset 0 in node mode).
  const seedA = target.accessM + (target.nodeA === target.nodeB ? 0 : target.offsetA);
  const seedB = target.accessM + (target.nodeA === target.nodeB ? 0 : target.offsetB);
  const isEnd = (u: number): boolean =>
    (u === target.nodeA && search.dist[u] === seedA) || (u === target.nodeB && search.dist[u] === seedB);

  const nodes = [start];
  const seen = new Set(nodes);
  let u = start;
  while (!isEnd(u)) {
    u = predecessor(graph, search, u, seen);
    nodes.push(u);
    seen.add(u);
  }
  const path: [number, number][] = [positionOf(graph, from)];
  for (const node of nodes)
    path.push([graph.coords[2 * node] as number, graph.coords[2 * node + 1] as number]);
  path.push(positionOf(graph, target));
  return {
    target: source,
    networkM: reachM - target.accessM,
    distanceM: from.accessM + reachM,
    nodes,
    path: withoutRepeats(path),
  };
}

/** Drops consecutive equal positions (a point snapped exactly onto a node). */
function withoutRepeats(path: [number, number][]): [number, number][] {
  return path.filter((p, i) => i === 0 || p[0] !== path[i - 1]![0] || p[1] !== path[i - 1]![1]);
}
