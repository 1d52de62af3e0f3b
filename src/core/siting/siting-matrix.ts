import type { WalkingGraph } from '../model/network';
import { boundedMatrix, type BoundedMatrix, type PlacedPoints } from '../network/bounded-matrix';

/** Demand points per `boundedMatrix` call: between blocks the caller's checkpoint lets Cancel in. */
const BLOCK = 2048;

/**
 * The points of `p` at `slots`, in that order.
 * @param p placed points
 * @param slots indices into p
 * @returns the subset
 * @example subsetPlaced(placements, [3, 7]).count // 2
 */
export function subsetPlaced(p: PlacedPoints, slots: readonly number[]): PlacedPoints {
  const pick = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
    const out = make(slots.length);
    slots.forEach((s, k) => (out[k] = a[s]!));
    return out;
  };
  return {
    count: slots.length,
    nodeA: pick(p.nodeA, (n) => new Int32Array(n)),
    nodeB: pick(p.nodeB, (n) => new Int32Array(n)),
    offA: pick(p.offA, (n) => new Float64Array(n)),
    offB: pick(p.offB, (n) => new Float64Array(n)),
    accessM: pick(p.accessM, (n) => new Float64Array(n)),
  };
}

/**
 * The siting matrix (demand × candidates within `maxDistanceM`): the network module's
 * `boundedMatrix` run over blocks of demand points, awaiting `checkpoint` between blocks so a worker
 * can take a Cancel while it runs; the rows are those of one `boundedMatrix` call.
 * @param graph the walking graph
 * @param demand placed demand points
 * @param candidates placed candidate sites
 * @param maxDistanceM the largest service distance asked for
 * @param options progress, abort and checkpoint
 * @returns the sparse matrix
 * @throws Error named AbortError when the signal is aborted
 * @example await sitingMatrix(graph, demand, sites, 1000, {}).start[1]
 */
export async function sitingMatrix(
  graph: WalkingGraph,
  demand: PlacedPoints,
  candidates: PlacedPoints,
  maxDistanceM: number,
  options: {
    onProgress?: (done: number, total: number) => void;
    signal?: { readonly aborted: boolean };
    checkpoint?: () => Promise<void>;
  },
): Promise<BoundedMatrix> {
  const blocks: BoundedMatrix[] = [];
  for (let from = 0; from < demand.count || blocks.length === 0; from += BLOCK) {
    const to = Math.min(demand.count, from + BLOCK);
    const slots = Array.from({ length: to - from }, (_, k) => from + k);
    blocks.push(
      boundedMatrix(graph, subsetPlaced(demand, slots), candidates, maxDistanceM, {
        signal: options.signal,
        onProgress: (done) => options.onProgress?.(from + done, demand.count),
      }),
    );
    await options.checkpoint?.();
    if (to >= demand.count) break;
  }
  if (blocks.length === 1) return blocks[0]!;
  const nnz = blocks.reduce((s, b) => s + b.candidate.length, 0);
  const start = new Uint32Array(demand.count + 1);
  const candidate = new Uint32Array(nnz);
  const distanceM = new Float64Array(nnz);
  let row = 0;
  let at = 0;
  for (const b of blocks) {
    for (let d = 0; d < b.demandCount; d++) start[row + d] = at + b.start[d]!;
    candidate.set(b.candidate, at);
    distanceM.set(b.distanceM, at);
    row += b.demandCount;
    at += b.candidate.length;
  }
  start[demand.count] = at;
  return { demandCount: demand.count, candidateCount: candidates.count, start, candidate, distanceM };
}
