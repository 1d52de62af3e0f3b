import type { SnappedPoint, WalkingGraph } from '../model/network';
import type { LocalFrame } from './local-frame';
import * as layout from './reach-raster';
import type { ReachRaster } from './reach-raster';
import type { ReachSearch } from './reach-search';

// Module-level copies: an imported binding read in a hot loop can cost a property look-up per read
// (bundlers and test runners turn imports into namespace objects).
const SEG_PX = layout.SEG_PX;
const SEG_PY = layout.SEG_PY;
const SEG_QX = layout.SEG_QX;
const SEG_QY = layout.SEG_QY;
const SEG_TP = layout.SEG_TP;
const SEG_TQ = layout.SEG_TQ;
const SEG_LENGTH = layout.SEG_LENGTH;

/**
 * Rasterises what a facility reaches: its access leg, its own edge split at the snapped point, and every
 * street segment with a reached end, each entered from its reached end(s) (see ReachRaster.segment). A
 * segment is drawn once, from its lower-numbered node when both ends are reached (else from the reached
 * one), whatever order the chains come in, so the raster does not depend on the search's order.
 * Shape points get their distances here, chain by chain (see ReachSearch), into reused scratch arrays.
 */
export class ReachDrawer {
  /** Per chain node: the walking distance (after `distances`), the distance from the far end. */
  private dist = new Float64Array(64);
  private back = new Float64Array(64);
  /** The segment handed to the raster (see ReachRaster.segment). */
  private readonly seg = new Float64Array(7);

  constructor(
    private readonly graph: WalkingGraph,
    private readonly search: ReachSearch,
  ) {}

  /**
   * @param raster the cleared raster
   * @param frame the facility's local frame
   * @param p the facility's snapped point (the search's seeds are its edge's ends)
   * @param boundM the search bound (the largest service distance)
   * @example drawer.draw(raster, localFrame(lng, lat), snapped, 1000)
   */
  draw(raster: ReachRaster, frame: LocalFrame, p: SnappedPoint, boundM: number): void {
    const { coords, offsets } = this.graph;
    const { chainOf, reverse, start, count, node, longest } = this.search.chains;
    const { dist, reached } = this.search;
    if (this.dist.length <= longest) {
      this.dist = new Float64Array(longest + 1);
      this.back = new Float64Array(longest + 1);
    }
    const ax = (coords[2 * p.nodeA]! - frame.lng0) * frame.mPerLng;
    const ay = (coords[2 * p.nodeA + 1]! - frame.lat0) * frame.mPerLat;
    const bx = (coords[2 * p.nodeB]! - frame.lng0) * frame.mPerLng;
    const by = (coords[2 * p.nodeB + 1]! - frame.lat0) * frame.mPerLat;
    const edgeLength = p.offsetA + p.offsetB;
    const f = edgeLength > 0 ? p.offsetA / edgeLength : 0;
    const sx = ax + f * (bx - ax);
    const sy = ay + f * (by - ay);
    // The chain holding the facility's edge (or its shape point) first: its distances give the
    // distances at the edge's ends when those are shape points.
    const own = this.ownChain(p);
    let tA = dist[p.nodeA]!;
    let tB = dist[p.nodeB]!;
    if (own >= 0) {
      this.distances(own, boundM, true);
      for (let i = 1; i < count[own]!; i++) {
        if (node[start[own]! + i - 1] === p.nodeA) tA = this.dist[i]!;
        if (node[start[own]! + i - 1] === p.nodeB) tB = this.dist[i]!;
      }
      this.drawChain(raster, frame, p, own);
    }
    this.segment(raster, 0, 0, sx, sy, 0, p.accessM, p.accessM);
    if (p.nodeA !== p.nodeB) {
      this.segment(raster, sx, sy, ax, ay, p.accessM, tA, p.offsetA);
      this.segment(raster, sx, sy, bx, by, p.accessM, tB, p.offsetB);
    }
    const ownBack = own >= 0 ? reverse[own]! : -1;
    for (let q = 0; q < this.search.reachedCount; q++) {
      const u = reached[q]!;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const k = chainOf[e]!;
        if (k === own || k === ownBack) continue;
        const last = start[k]! + count[k]! - 1;
        const w = node[last]!;
        // Once per chain: from its lower-numbered reached end, and a loop in one direction only.
        if (w !== u ? dist[w]! < Infinity && w < u : node[start[k]!]! > node[last - 1]!) continue;
        this.distances(k, boundM, false);
        this.drawChain(raster, frame, p, k);
      }
    }
  }

  /** Hands one segment to the raster (three per facility; the chains fill `seg` inline). */
  private segment(
    raster: ReachRaster,
    px: number,
    py: number,
    qx: number,
    qy: number,
    tP: number,
    tQ: number,
    lengthM: number,
  ): void {
    this.seg.set([px, py, qx, qy, tP, tQ, lengthM]);
    raster.segment(this.seg);
  }

  /** The directed chain holding the facility's edge or shape point, or -1 (a facility at a junction). */
  private ownChain(p: SnappedPoint): number {
    const { offsets, targets } = this.graph;
    const { junction, chainOf } = this.search.chains;
    const inner = junction[p.nodeA] === 0 ? p.nodeA : junction[p.nodeB] === 0 ? p.nodeB : -1;
    let end = p.nodeA;
    let prev = p.nodeB;
    if (inner >= 0) {
      // Walk to a junction; the chain leaving it towards the last shape point is the one.
      prev = inner;
      let e = offsets[inner]!;
      while (junction[targets[e]!] === 0) {
        const cur = targets[e]!;
        e = targets[offsets[cur]!] === prev ? offsets[cur]! + 1 : offsets[cur]!;
        prev = cur;
      }
      end = targets[e]!;
    } else if (p.nodeA === p.nodeB) return -1;
    for (let s = offsets[end]!; s < offsets[end + 1]!; s++) if (targets[s] === prev) return chainOf[s]!;
    return -1;
  }

  /**
   * Fills dist[0 … n] with the walking distance at each node of chain k (Infinity beyond the bound):
   * Dijkstra's sums edge by edge from either end, or from a seed on it (`seeded`: only the facility's
   * own chain holds seeds).
   */
  private distances(k: number, boundM: number, seeded: boolean): void {
    const { from, start, count, node, length } = this.search.chains;
    const { dist: at, seedNode, seedDist } = this.search;
    const fwd = this.dist;
    const bwd = this.back;
    const n = count[k]!;
    const s0 = start[k]!;
    fwd[0] = at[from[k]!]!;
    for (let i = 1; i < n; i++) {
      let t = fwd[i - 1]! + length[s0 + i - 1]!;
      if (seeded) t = Math.min(t, seedAt(node[s0 + i - 1]!, seedNode, seedDist));
      fwd[i] = t;
    }
    bwd[n] = at[node[s0 + n - 1]!]!;
    for (let i = n - 1; i >= 1; i--) {
      let t = bwd[i + 1]! + length[s0 + i]!;
      if (seeded) t = Math.min(t, seedAt(node[s0 + i - 1]!, seedNode, seedDist));
      bwd[i] = t;
      const d = Math.min(fwd[i]!, t);
      fwd[i] = d > boundM ? Infinity : d;
    }
    fwd[n] = bwd[n]!;
  }

  /** Samples the edges of chain k (distances from `distances`), skipping the facility's own edge. */
  private drawChain(raster: ReachRaster, frame: LocalFrame, p: SnappedPoint, k: number): void {
    const { coords } = this.graph;
    const { from, start, count, node, length } = this.search.chains;
    const { lng0, lat0, mPerLng, mPerLat } = frame;
    const t = this.dist;
    const seg = this.seg;
    const n = count[k]!;
    const s0 = start[k]!;
    let a = from[k]!;
    let ax = (coords[2 * a]! - lng0) * mPerLng;
    let ay = (coords[2 * a + 1]! - lat0) * mPerLat;
    for (let i = 1; i <= n; i++) {
      const b = node[s0 + i - 1]!;
      const bx = (coords[2 * b]! - lng0) * mPerLng;
      const by = (coords[2 * b + 1]! - lat0) * mPerLat;
      const ta = t[i - 1]!;
      const tb = t[i]!;
      // The facility's own edge is drawn from the snapped point instead.
      const facility = (a === p.nodeA && b === p.nodeB) || (a === p.nodeB && b === p.nodeA);
      if (!facility && (ta < Infinity || tb < Infinity)) {
        const forward = ta < Infinity && (tb === Infinity || a < b);
        seg[SEG_PX] = forward ? ax : bx;
        seg[SEG_PY] = forward ? ay : by;
        seg[SEG_QX] = forward ? bx : ax;
        seg[SEG_QY] = forward ? by : ay;
        seg[SEG_TP] = forward ? ta : tb;
        seg[SEG_TQ] = forward ? tb : ta;
        seg[SEG_LENGTH] = length[s0 + i - 1]!;
        raster.segment(seg);
      }
      a = b;
      ax = bx;
      ay = by;
    }
  }
}

function seedAt(v: number, nodes: number[], distances: number[]): number {
  for (let k = 0; k < nodes.length; k++) if (nodes[k] === v) return distances[k]!;
  return Infinity;
}
