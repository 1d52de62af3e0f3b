/**
 * The walking network in compressed sparse row (CSR) form (architecture.md, performance idioms).
 * Undirected: every edge u–v is stored twice, once in u's row and once in v's row.
 */
export interface WalkingGraph {
  nodeCount: number;
  /** Flat WGS-84 coordinates [lon0, lat0, lon1, lat1, …]. */
  coords: Float64Array;
  /** OSM node id of each node (ids fit in a double); nodes are indexed in ascending OSM id order. */
  osmIds: Float64Array;
  /** Row starts, length nodeCount + 1: the neighbours of u are targets[offsets[u] .. offsets[u+1]). */
  offsets: Uint32Array;
  /** Neighbour node of each half-edge. */
  targets: Uint32Array;
  /** Length in metres of each half-edge (haversine, R = 6,371,008.8 m). */
  lengths: Float32Array;
}

/** What building the graph kept and dropped. */
export interface NetworkBuildReport {
  nodes: number;
  /** Undirected edges (half-edges / 2). */
  edges: number;
  /** Nodes in connected components smaller than minComponent, dropped. */
  droppedNodes: number;
  droppedComponents: number;
  /** Sizes of the components kept, largest first. */
  componentSizes: number[];
  /** Ways in the input. */
  waysRead: number;
  /** Ways that passed the walking filter (highway tag, exclusions, foot/access). */
  waysUsed: number;
}

/** How a point joins the network. */
export type SnapMode = 'edge' | 'node';

/**
 * A point attached to the network. In node mode nodeA === nodeB and both offsets are 0.
 * In edge mode the point's projection lies on edge nodeA–nodeB at offsetA metres from nodeA and
 * offsetB from nodeB (offsetA + offsetB = the edge's length).
 */
export interface SnappedPoint {
  nodeA: number;
  nodeB: number;
  offsetA: number;
  offsetB: number;
  /** Straight-line access leg from the point to its snapped position, metres. */
  accessM: number;
  /** Farther than maxSnap from the network: not attached (nodeA = nodeB = -1). */
  offNetwork: boolean;
}
