import type { Estate } from '../model/estate';
import type { SnapMode, SnappedPoint } from '../model/network';
import type { CoverageSnapper, UnplacedReason } from './types';

/**
 * Estates attached to the network, in flat arrays (one slot per estate, in input order), plus the
 * node → estates index (CSR) that turns a search's reached nodes into reached estates without a
 * per-estate search.
 */
export interface EstatePlacements {
  count: number;
  /** What was snapped, and how: another session of the same estates and network reuses the placements. */
  snapped: { estates: readonly Estate[]; snapper: CoverageSnapper; mode: SnapMode; maxSnapM: number };
  /** Edge end nodes, nodeA ≤ nodeB (equal in node mode); −1 when not placed. */
  nodeA: Int32Array;
  nodeB: Int32Array;
  /** Along-edge distances from nodeA / nodeB to the snapped position. */
  offA: Float64Array;
  offB: Float64Array;
  /** Straight-line access leg, metres (NaN when not placed). */
  accessM: Float64Array;
  /** Why an estate is not placed (null when placed). */
  reason: (UnplacedReason | null)[];
  /** Estates attached at node u: atNode[atStart[u] .. atStart[u + 1]). */
  atStart: Uint32Array;
  atNode: Uint32Array;
}

/**
 * Normalises a snapped point so that nodeA ≤ nodeB (the edge key used for same-edge distances).
 * @param p a snapped point
 * @returns the same attachment with the ends ordered
 */
export function normaliseSnap(p: SnappedPoint): SnappedPoint {
  if (p.nodeA <= p.nodeB) return p;
  return { ...p, nodeA: p.nodeB, nodeB: p.nodeA, offsetA: p.offsetB, offsetB: p.offsetA };
}

/**
 * Snaps every estate once.
 * @param estates the estates, in output order
 * @param nodeCount nodes in the graph (for the node index)
 * @param snapper the network's snapper
 * @param mode `edge` or `node`
 * @param maxSnapM farther than this: off-network
 * @returns flat placements and the node → estates index
 * @example placeEstates(estates, graph.nodeCount, snapper, 'edge', 500).accessM[0]
 */
export function placeEstates(
  estates: readonly Estate[],
  nodeCount: number,
  snapper: CoverageSnapper,
  mode: SnapMode,
  maxSnapM: number,
): EstatePlacements {
  const n = estates.length;
  const p: EstatePlacements = {
    count: n,
    snapped: { estates, snapper, mode, maxSnapM },
    nodeA: new Int32Array(n).fill(-1),
    nodeB: new Int32Array(n).fill(-1),
    offA: new Float64Array(n),
    offB: new Float64Array(n),
    accessM: new Float64Array(n).fill(NaN),
    reason: new Array<UnplacedReason | null>(n).fill(null),
    atStart: new Uint32Array(nodeCount + 1),
    atNode: new Uint32Array(0),
  };
  estates.forEach((estate, i) => {
    if (estate.location === null) {
      p.reason[i] = 'no-location';
      return;
    }
    const s = normaliseSnap(snapper.snap(estate.location[0], estate.location[1], { mode, maxSnapM }));
    if (s.offNetwork || s.nodeA < 0) {
      p.reason[i] = 'off-network';
      return;
    }
    p.nodeA[i] = s.nodeA;
    p.nodeB[i] = s.nodeB;
    p.offA[i] = s.offsetA;
    p.offB[i] = s.offsetB;
    p.accessM[i] = s.accessM;
  });
  // Counting sort into CSR: an edge-snapped estate is listed under both of its end nodes.
  const counts = p.atStart;
  for (let i = 0; i < n; i++) {
    const a = p.nodeA[i]!;
    if (a < 0) continue;
    counts[a + 1] = counts[a + 1]! + 1;
    const b = p.nodeB[i]!;
    if (b !== a) counts[b + 1] = counts[b + 1]! + 1;
  }
  for (let u = 0; u < nodeCount; u++) counts[u + 1] = counts[u + 1]! + counts[u]!;
  const fill = counts.slice(0, nodeCount);
  p.atNode = new Uint32Array(counts[nodeCount]!);
  for (let i = 0; i < n; i++) {
    const a = p.nodeA[i]!;
    if (a < 0) continue;
    p.atNode[fill[a]!] = i;
    fill[a] = fill[a]! + 1;
    const b = p.nodeB[i]!;
    if (b === a) continue;
    p.atNode[fill[b]!] = i;
    fill[b] = fill[b]! + 1;
  }
  return p;
}
