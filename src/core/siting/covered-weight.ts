import type { CoverInstance } from './cover-instance';

/**
 * Σ weight of the demand covered by a set of candidates.
 * @param inst the instance
 * @param chosen candidate indices
 * @returns the covered weight
 * @example coveredWeight(inst, [3, 8])
 */
export function coveredWeight(inst: CoverInstance, chosen: readonly number[]): number {
  const hit = new Uint8Array(inst.demandCount);
  let total = 0;
  for (const j of chosen) {
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
      const i = inst.byCandidate[k]!;
      if (hit[i] === 0) {
        hit[i] = 1;
        total += inst.weight[i]!;
      }
    }
  }
  return total;
}
