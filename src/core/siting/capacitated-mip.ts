import type { CoverInstance } from './cover-instance';
import type { SparseMip } from './run-highs';

/** Pairs above this count skip the x_ij ≤ a_i·y_j strengthening rows (they double the model). */
const STRENGTHEN_MAX_PAIRS = 200_000;

/**
 * Capacitated maximal covering as a MIP. Columns: y_j for every candidate (binary; fixed to 1 for
 * the existing sites), then x_k ∈ [0, a_i] for each pair k = (i, j) of `byDemand` (demand of item i
 * assigned to j, fractional). Maximise Σ x subject to Σ_j x_ij ≤ a_i, Σ_i x_ij ≤ C_j·y_j (no row
 * for unlimited capacity), Σ_{new} y_j ≤ p, and, for models small enough, x_ij ≤ a_i·y_j.
 * @param inst the instance (weight = a_i, demand in the capacity unit)
 * @param capacity C_j per candidate (Infinity: unlimited)
 * @param p number of new sites
 * @param fixed existing sites (always open, not counted in p)
 * @returns the sparse model
 * @example runHighs(highs, capacitatedMip(inst, caps, 3, []), start, 10, signal)
 */
export function capacitatedMip(
  inst: CoverInstance,
  capacity: Float64Array,
  p: number,
  fixed: readonly number[],
): SparseMip {
  const n = inst.candidateCount;
  const m = inst.demandCount;
  const pairs = inst.byDemand.length;
  const numCols = n + pairs;
  const strengthen = pairs <= STRENGTHEN_MAX_PAIRS;
  const isFixed = new Uint8Array(n);
  for (const j of fixed) isFixed[j] = 1;
  // Pairs of each candidate (the column-wise view of byDemand positions).
  const byCand: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < m; i++) {
    for (let q = inst.demandStart[i]!; q < inst.demandStart[i + 1]!; q++) byCand[inst.byDemand[q]!]!.push(q);
  }
  const rowStart: number[] = [0];
  const colIndex: number[] = [];
  const value: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (lower: number, upper: number): void => {
    rowLower.push(lower);
    rowUpper.push(upper);
    rowStart.push(colIndex.length);
  };
  for (let i = 0; i < m; i++) {
    for (let q = inst.demandStart[i]!; q < inst.demandStart[i + 1]!; q++) {
      colIndex.push(n + q);
      value.push(1);
    }
    row(-Infinity, inst.weight[i]!);
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(capacity[j]!)) continue;
    colIndex.push(j);
    value.push(-capacity[j]!);
    for (const q of byCand[j]!) {
      colIndex.push(n + q);
      value.push(1);
    }
    row(-Infinity, 0);
  }
  for (let j = 0; j < n; j++) {
    if (isFixed[j] === 1) continue;
    colIndex.push(j);
    value.push(1);
  }
  row(-Infinity, p);
  const colUpper = new Float64Array(numCols).fill(1);
  for (let i = 0; i < m; i++) {
    for (let q = inst.demandStart[i]!; q < inst.demandStart[i + 1]!; q++) {
      colUpper[n + q] = inst.weight[i]!;
      if (!strengthen) continue;
      colIndex.push(n + q, inst.byDemand[q]!);
      value.push(1, -inst.weight[i]!);
      row(-Infinity, 0);
    }
  }
  const colLower = new Float64Array(numCols);
  for (const j of fixed) colLower[j] = 1;
  const colCost = new Float64Array(numCols).fill(1, n);
  const integrality = new Int32Array(numCols).fill(1, 0, n);
  return {
    numCols,
    numRows: rowLower.length,
    maximize: true,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    rowStart: Int32Array.from(rowStart),
    colIndex: Int32Array.from(colIndex),
    value: Float64Array.from(value),
    integrality,
  };
}
