import Flatbush from 'flatbush';
import type { SnapMode, SnappedPoint, WalkingGraph } from '../model/network';
import { EARTH_RADIUS_M, haversineM } from './haversine';
import { NodeGrid } from './nearest-node';

const RAD = Math.PI / 180;
const METERS_PER_DEGREE = EARTH_RADIUS_M * RAD;
/** First edge search radius; it grows ×4 up to maxSnapM (most points lie within tens of metres). */
const FIRST_RADIUS_M = 64;
/** Beyond this radius a local flat frame means nothing: the whole index is searched. */
const WHOLE_EARTH_M = 2e7;

export interface SnapOptions {
  mode: SnapMode;
  /** Points farther than this from the network are offNetwork (issue #3: `--max-snap`, default 500 m). */
  maxSnapM: number;
}

/** Attaches points to one graph; spatial indexes are built on first use of each mode. */
export interface Snapper {
  /**
   * @param lng WGS-84 longitude
   * @param lat WGS-84 latitude
   * @param options snap mode and maximum access leg
   * @returns the snapped point (offNetwork with nodeA = nodeB = -1 when beyond maxSnapM)
   */
  snap(lng: number, lat: number, options: SnapOptions): SnappedPoint;
}

const offNetwork = (): SnappedPoint => ({
  nodeA: -1,
  nodeB: -1,
  offsetA: 0,
  offsetB: 0,
  accessM: Infinity,
  offNetwork: true,
});

interface EdgeIndex {
  tree: Flatbush;
  a: Uint32Array;
  b: Uint32Array;
  length: Float32Array;
}

function indexEdges(graph: WalkingGraph): EdgeIndex {
  const { offsets, targets, lengths, coords } = graph;
  const count = targets.length / 2;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  const length = new Float32Array(count);
  const tree = new Flatbush(Math.max(1, count));
  let k = 0;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
      const v = targets[e] as number;
      if (v <= u) continue;
      a[k] = u;
      b[k] = v;
      length[k] = lengths[e] as number;
      const x1 = coords[2 * u] as number;
      const y1 = coords[2 * u + 1] as number;
      const x2 = coords[2 * v] as number;
      const y2 = coords[2 * v + 1] as number;
      tree.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      k++;
    }
  }
  if (count === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  return { tree, a, b, length };
}

/**
 * Nearest point on the nearest edge, measured in a local equirectangular frame centred on the query
 * (exact projection there). The search box grows until an edge lies within its radius, so the edge
 * found is the nearest one; equal distances go to the lower edge (by node pair).
 */
function snapToEdge(
  graph: WalkingGraph,
  edges: EdgeIndex,
  lng: number,
  lat: number,
  maxSnapM: number,
): SnappedPoint {
  if (edges.a.length === 0) return offNetwork();
  const { coords } = graph;
  const kx = Math.max(Math.cos(lat * RAD), 1e-9) * METERS_PER_DEGREE;
  const ky = METERS_PER_DEGREE;
  let radius = Math.min(FIRST_RADIUS_M, maxSnapM);
  for (;;) {
    const whole = radius >= WHOLE_EARTH_M;
    const dLat = radius / ky;
    const dLng = radius / kx;
    const found = whole ? null : edges.tree.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
    let best = -1;
    let bestD2 = Infinity;
    let bestT = 0;
    const count = found === null ? edges.a.length : found.length;
    for (let i = 0; i < count; i++) {
      const k = found === null ? i : (found[i] as number);
      const u = edges.a[k] as number;
      const v = edges.b[k] as number;
      const ax = ((coords[2 * u] as number) - lng) * kx;
      const ay = ((coords[2 * u + 1] as number) - lat) * ky;
      const dx = ((coords[2 * v] as number) - lng) * kx - ax;
      const dy = ((coords[2 * v + 1] as number) - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d2 = px * px + py * py;
      if (d2 < bestD2 || (d2 === bestD2 && k < best)) {
        best = k;
        bestD2 = d2;
        bestT = t;
      }
    }
    if (best >= 0 && (whole || Math.sqrt(bestD2) <= radius)) {
      const u = edges.a[best] as number;
      const v = edges.b[best] as number;
      const lngA = coords[2 * u] as number;
      const latA = coords[2 * u + 1] as number;
      const lngP = lngA + bestT * ((coords[2 * v] as number) - lngA);
      const latP = latA + bestT * ((coords[2 * v + 1] as number) - latA);
      const accessM = haversineM(lng, lat, lngP, latP);
      if (accessM > maxSnapM) return offNetwork();
      const length = edges.length[best] as number;
      const offsetA = bestT * length;
      return { nodeA: u, nodeB: v, offsetA, offsetB: length - offsetA, accessM, offNetwork: false };
    }
    if (radius >= maxSnapM || whole) return offNetwork();
    radius = Math.min(maxSnapM, radius * 4);
  }
}

/**
 * Creates a snapper for a graph. Node mode: the nearest node by haversine (a uniform grid
 * searched ring by ring with a great-circle bound; exact ties → lowest node index). Edge mode: the nearest point on
 * the nearest edge (flatbush over edge boxes, exact projection in a local metric frame), with
 * nodeA < nodeB, offsetA/offsetB along the edge and accessM the straight-line leg (haversine).
 * Farther than maxSnapM → offNetwork with nodeA = nodeB = -1.
 * @param graph the walking graph
 * @returns the snapper
 * @example createSnapper(graph).snap(121.47, 31.23, { mode: 'node', maxSnapM: 500 })
 */
export function createSnapper(graph: WalkingGraph): Snapper {
  let nodes: NodeGrid | null = null;
  let edges: EdgeIndex | null = null;
  return {
    snap(lng: number, lat: number, options: SnapOptions): SnappedPoint {
      const { mode, maxSnapM } = options;
      if (!(maxSnapM >= 0))
        throw new RangeError(`maxSnapM must be a non-negative number of metres, got ${maxSnapM}`);
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
        throw new RangeError(`cannot snap a point without finite coordinates (lng ${lng}, lat ${lat})`);
      }
      if (mode === 'edge') {
        edges ??= indexEdges(graph);
        return snapToEdge(graph, edges, lng, lat, maxSnapM);
      }
      if (mode !== 'node') throw new RangeError(`snap mode must be "edge" or "node", got "${String(mode)}"`);
      if (graph.nodeCount === 0) return offNetwork();
      nodes ??= new NodeGrid(graph.coords, graph.nodeCount);
      const { id, distanceM } = nodes.nearest(lng, lat, maxSnapM);
      if (id < 0) return offNetwork();
      return { nodeA: id, nodeB: id, offsetA: 0, offsetB: 0, accessM: distanceM, offNetwork: false };
    },
  };
}
