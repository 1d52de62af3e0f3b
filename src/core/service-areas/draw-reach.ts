import type { SnappedPoint, WalkingGraph } from '../model/network';
import type { SearchResult } from '../network/multi-source-search';
import type { LocalFrame } from '../geo/local-frame';
import * as layout from './reach-raster';
import type { ReachRaster } from './reach-raster';

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
 * Rasterises what a facility reaches, from the network search's distances at every node (shape
 * points included): its access leg, its own edge split at the snapped point, and every street segment
 * with a reached end, each entered from its reached end(s) (see ReachRaster.segment). A segment is
 * drawn once, from its lower-numbered node when both ends are reached (else from the reached one), so
 * the raster does not depend on the order the search settled the nodes in.
 */
export class ReachDrawer {
  /** The segment handed to the raster (see ReachRaster.segment). */
  private readonly seg = new Float64Array(7);

  constructor(private readonly graph: WalkingGraph) {}

  /**
   * @param raster the cleared raster
   * @param frame the facility's local frame
   * @param p the facility's snapped point (the search's seeds are its edge's ends)
   * @param search the bounded search from the facility (multiSourceSearch up to the largest budget)
   * @example drawer.draw(raster, localFrame(lng, lat), snapped, multiSourceSearch(graph, seeds, 1000))
   */
  draw(raster: ReachRaster, frame: LocalFrame, p: SnappedPoint, search: SearchResult): void {
    const { coords, offsets, targets, lengths } = this.graph;
    const { dist, reached, reachedCount } = search;
    const { lng0, lat0, mPerLng, mPerLat } = frame;
    const seg = this.seg;
    const ax = (coords[2 * p.nodeA]! - lng0) * mPerLng;
    const ay = (coords[2 * p.nodeA + 1]! - lat0) * mPerLat;
    const bx = (coords[2 * p.nodeB]! - lng0) * mPerLng;
    const by = (coords[2 * p.nodeB + 1]! - lat0) * mPerLat;
    const edgeLength = p.offsetA + p.offsetB;
    const f = edgeLength > 0 ? p.offsetA / edgeLength : 0;
    const sx = ax + f * (bx - ax);
    const sy = ay + f * (by - ay);
    this.segment(raster, 0, 0, sx, sy, 0, p.accessM, p.accessM);
    if (p.nodeA !== p.nodeB) {
      this.segment(raster, sx, sy, ax, ay, p.accessM, dist[p.nodeA]!, p.offsetA);
      this.segment(raster, sx, sy, bx, by, p.accessM, dist[p.nodeB]!, p.offsetB);
    }
    for (let q = 0; q < reachedCount; q++) {
      const u = reached[q]!;
      const tu = dist[u]!;
      // The facility's own edge is drawn from the snapped point instead.
      const own = u === p.nodeA ? p.nodeB : u === p.nodeB ? p.nodeA : -1;
      const ux = (coords[2 * u]! - lng0) * mPerLng;
      const uy = (coords[2 * u + 1]! - lat0) * mPerLat;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const v = targets[e]!;
        const tv = dist[v]!;
        if ((tv < Infinity && v < u) || v === own) continue;
        seg[SEG_PX] = ux;
        seg[SEG_PY] = uy;
        seg[SEG_QX] = (coords[2 * v]! - lng0) * mPerLng;
        seg[SEG_QY] = (coords[2 * v + 1]! - lat0) * mPerLat;
        seg[SEG_TP] = tu;
        seg[SEG_TQ] = tv;
        seg[SEG_LENGTH] = lengths[e]!;
        raster.segment(seg);
      }
    }
  }

  /** Hands one segment to the raster (three per facility; the streets fill `seg` inline). */
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
}
