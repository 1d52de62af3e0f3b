/**
 * The seeded synthetic covering instance of issue #10's benchmark ("20,000 candidates and 20,000
 * demand points"): points on a plane, each candidate covering the demand within its own radius.
 */
import { coverInstance, type CoverInstance } from '../../src/core/siting/cover-instance';
import { mulberry32 } from './w1-workload';

/**
 * Demand and candidates uniform on a square; candidate j covers the demand within its radius, drawn
 * so that it covers 20–60 points on average (fewer at the edges); weights 50–500.
 * @param seed mulberry32 seed
 * @param demand demand points
 * @param candidates candidate sites
 * @returns the instance (rows ascending, as coverInstance expects)
 * @example syntheticInstance(20261205, 20000, 20000).byDemand.length // ≈ 780,000
 */
export function syntheticInstance(seed: number, demand: number, candidates: number): CoverInstance {
  const next = mulberry32(seed);
  const side = 20_000;
  const unit = () => next() / 2 ** 32;
  const dx = Float64Array.from({ length: demand }, () => unit() * side);
  const dy = Float64Array.from({ length: demand }, () => unit() * side);
  const weight = Float64Array.from({ length: demand }, () => 50 + (next() % 451));
  const density = demand / (side * side);
  const radius = Float64Array.from({ length: candidates }, () =>
    Math.sqrt((20 + unit() * 40) / (Math.PI * density)),
  );
  const cx = Float64Array.from({ length: candidates }, () => unit() * side);
  const cy = Float64Array.from({ length: candidates }, () => unit() * side);
  // Bucket the demand in cells as large as the largest radius.
  const cell = Math.max(...radius);
  const cols = Math.ceil(side / cell);
  const cellOf = (x: number, y: number) =>
    Math.min(cols - 1, Math.floor(y / cell)) * cols + Math.min(cols - 1, Math.floor(x / cell));
  const cellStart = new Uint32Array(cols * cols + 1);
  for (let i = 0; i < demand; i++) cellStart[cellOf(dx[i]!, dy[i]!) + 1]! += 1;
  for (let c = 0; c < cols * cols; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cols * cols);
  const inCell = new Uint32Array(demand);
  for (let i = 0; i < demand; i++) inCell[fill[cellOf(dx[i]!, dy[i]!)]!++] = i;
  // Pairs (candidate ascending), then rows by demand.
  const pairD: number[] = [];
  const pairC: number[] = [];
  for (let j = 0; j < candidates; j++) {
    const r = radius[j]!;
    const gx = Math.min(cols - 1, Math.floor(cx[j]! / cell));
    const gy = Math.min(cols - 1, Math.floor(cy[j]! / cell));
    for (let y = Math.max(0, gy - 1); y <= Math.min(cols - 1, gy + 1); y++)
      for (let x = Math.max(0, gx - 1); x <= Math.min(cols - 1, gx + 1); x++)
        for (let k = cellStart[y * cols + x]!; k < cellStart[y * cols + x + 1]!; k++) {
          const i = inCell[k]!;
          if ((dx[i]! - cx[j]!) ** 2 + (dy[i]! - cy[j]!) ** 2 <= r * r) {
            pairD.push(i);
            pairC.push(j);
          }
        }
  }
  const demandStart = new Uint32Array(demand + 1);
  for (const i of pairD) demandStart[i + 1]! += 1;
  for (let i = 0; i < demand; i++) demandStart[i + 1]! += demandStart[i]!;
  const at = demandStart.slice(0, demand);
  const byDemand = new Uint32Array(pairD.length);
  pairD.forEach((i, k) => (byDemand[at[i]!++] = pairC[k]!));
  return coverInstance(weight, demandStart, byDemand, candidates);
}
