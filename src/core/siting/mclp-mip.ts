import type { CoverInstance } from './cover-instance';
import type { SparseMip } from './run-highs';

/**
 * Maximal covering as a MIP: binaries y_j (open candidate j), continuous z_i ∈ [0, 1] (item i
 * covered); maximise Σ w_i z_i subject to z_i ≤ Σ_{j covers i} y_j and Σ y_j ≤ p. Columns: the
 * candidates first, then the items.
 * @param inst the (reduced) instance
 * @param p number of sites
 * @returns the sparse model
 * @example runHighs(highs, mclpMip(inst, 10), start, 5, signal)
 */
export function mclpMip(inst: CoverInstance, p: number): SparseMip {
  const n = inst.candidateCount;
  const m = inst.demandCount;
  const numCols = n + m;
  const numRows = m + 1;
  const nnz = inst.byDemand.length + m + n;
  const rowStart = new Int32Array(numRows + 1);
  const colIndex = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < m; i++) {
    colIndex[k] = n + i;
    value[k++] = 1;
    for (let q = inst.demandStart[i]!; q < inst.demandStart[i + 1]!; q++) {
      colIndex[k] = inst.byDemand[q]!;
      value[k++] = -1;
    }
    rowStart[i + 1] = k;
  }
  for (let j = 0; j < n; j++) {
    colIndex[k] = j;
    value[k++] = 1;
  }
  rowStart[numRows] = k;
  const colCost = new Float64Array(numCols);
  colCost.set(inst.weight, n);
  const rowLower = new Float64Array(numRows).fill(-Infinity);
  const rowUpper = new Float64Array(numRows);
  rowUpper[m] = p;
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, n);
  return {
    numCols,
    numRows,
    maximize: true,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    rowStart,
    colIndex,
    value,
    integrality,
  };
}
