/**
 * A covering instance on flat arrays: demand items with weights, candidate sites, and which
 * candidates cover which demand, in both directions (CSR). Demand i is covered by candidates
 * `byDemand[demandStart[i] .. demandStart[i + 1])`; candidate j covers demand
 * `byCandidate[candidateStart[j] .. candidateStart[j + 1])`. Both lists are ascending.
 */
export interface CoverInstance {
  demandCount: number;
  candidateCount: number;
  /** What covering demand item i is worth (households, residents, places …, × a weight when joint). */
  weight: Float64Array;
  demandStart: Uint32Array;
  byDemand: Uint32Array;
  candidateStart: Uint32Array;
  byCandidate: Uint32Array;
}

/**
 * Builds an instance from demand → candidate rows (the transpose is computed here).
 * @param weight weight per demand item
 * @param demandStart row starts (length demandCount + 1)
 * @param byDemand candidates of each row, ascending within a row
 * @param candidateCount number of candidates
 * @returns the instance with both directions
 * @example coverInstance(Float64Array.of(5), Uint32Array.of(0, 1), Uint32Array.of(0), 1)
 */
export function coverInstance(
  weight: Float64Array,
  demandStart: Uint32Array,
  byDemand: Uint32Array,
  candidateCount: number,
): CoverInstance {
  const demandCount = weight.length;
  const candidateStart = new Uint32Array(candidateCount + 1);
  for (let k = 0; k < byDemand.length; k++) candidateStart[byDemand[k]! + 1]! += 1;
  for (let j = 0; j < candidateCount; j++) candidateStart[j + 1]! += candidateStart[j]!;
  const fill = candidateStart.slice(0, candidateCount);
  const byCandidate = new Uint32Array(byDemand.length);
  for (let i = 0; i < demandCount; i++) {
    for (let k = demandStart[i]!; k < demandStart[i + 1]!; k++) {
      const j = byDemand[k]!;
      byCandidate[fill[j]!] = i;
      fill[j]! += 1;
    }
  }
  return { demandCount, candidateCount, weight, demandStart, byDemand, candidateStart, byCandidate };
}
