import type { CoverInstance } from './cover-instance';
import { maxAssignment } from './max-assignment';

/** The chosen sites in the order they add most, each with what it adds given the ones before it. */
export interface SiteGains {
  order: number[];
  gain: number[];
  /** Demand items each site newly covers (uncapacitated) or takes demand from (capacitated). */
  items: number[][];
}

/**
 * Orders chosen sites greedily by marginal gain: uncapacitated, the weight of the items a site covers
 * that no earlier site (and no fixed site) covers; capacitated, the rise of the max assignment when
 * it opens after the earlier ones (its items: those assigned to it in the final assignment). The
 * gains sum to the set's objective over the fixed sites. Ties → lower index.
 * @param inst the instance
 * @param chosen the chosen candidates
 * @param capacity capacities (capacitated), or null for the uncapacitated models
 * @param fixed candidates open before any chosen one (existing facilities, capacitated)
 * @returns sites in pick order with gains and items
 * @example orderByGain(inst, [4, 9], null, []).gain
 */
export function orderByGain(
  inst: CoverInstance,
  chosen: readonly number[],
  capacity: Float64Array | null,
  fixed: readonly number[],
): SiteGains {
  const left = [...chosen].sort((a, b) => a - b);
  const order: number[] = [];
  const gain: number[] = [];
  const items: number[][] = [];
  if (capacity === null) {
    const hit = new Uint8Array(inst.demandCount);
    while (left.length > 0) {
      let best = -1;
      let bestGain = -1;
      for (let q = 0; q < left.length; q++) {
        const j = left[q]!;
        let g = 0;
        for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
          const i = inst.byCandidate[k]!;
          if (hit[i] === 0) g += inst.weight[i]!;
        }
        if (g > bestGain) {
          bestGain = g;
          best = q;
        }
      }
      const j = left.splice(best, 1)[0]!;
      const mine: number[] = [];
      for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
        const i = inst.byCandidate[k]!;
        if (hit[i] === 0) {
          hit[i] = 1;
          mine.push(i);
        }
      }
      order.push(j);
      gain.push(bestGain);
      items.push(mine);
    }
    return { order, gain, items };
  }
  const open = [...fixed];
  let total = maxAssignment(inst, open, capacity).total;
  while (left.length > 0) {
    let best = -1;
    let bestTotal = -Infinity;
    for (let q = 0; q < left.length; q++) {
      const t = maxAssignment(inst, [...open, left[q]!], capacity).total;
      if (t > bestTotal + 1e-9) {
        bestTotal = t;
        best = q;
      }
    }
    const j = left.splice(best, 1)[0]!;
    open.push(j);
    order.push(j);
    gain.push(bestTotal - total);
    total = bestTotal;
  }
  const final = maxAssignment(inst, open, capacity);
  for (const j of order) {
    const mine: number[] = [];
    for (let i = 0; i < inst.demandCount; i++) {
      for (let k = inst.demandStart[i]!; k < inst.demandStart[i + 1]!; k++)
        if (inst.byDemand[k] === j && final.pairFlow[k]! > 1e-9) mine.push(i);
    }
    items.push(mine);
  }
  return { order, gain, items };
}
