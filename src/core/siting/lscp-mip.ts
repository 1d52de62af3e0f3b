import type { CoverInstance } from './cover-instance';
import type { SparseMip } from './run-highs';

/**
 * Set covering as a MIP: binaries y_j; minimise Σ y_j subject to Σ_{j covers i} y_j ≥ 1 for every
 * item (items nobody covers must be removed first).
 * @param inst the (reduced) instance
 * @returns the sparse model
 * @example runHighs(highs, lscpMip(inst), start, 5, signal)
 */
export function lscpMip(inst: CoverInstance): SparseMip {
  const n = inst.candidateCount;
  const m = inst.demandCount;
  return {
    numCols: n,
    numRows: m,
    maximize: false,
    colCost: new Float64Array(n).fill(1),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(m).fill(1),
    rowUpper: new Float64Array(m).fill(Infinity),
    rowStart: Int32Array.from(inst.demandStart),
    colIndex: Int32Array.from(inst.byDemand),
    value: new Float64Array(inst.byDemand.length).fill(1),
    integrality: new Int32Array(n).fill(1),
  };
}
