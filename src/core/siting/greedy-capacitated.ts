import type { CoverInstance } from './cover-instance';
import { maxAssignment } from './max-assignment';

/** A capacitated answer: new sites in pick order and the demand assigned with them. */
export interface CapacitatedAnswer {
  chosen: number[];
  /** Max assignment with the fixed (existing) and chosen sites. */
  objective: number;
  /** Max assignment with the fixed sites alone. */
  before: number;
}

/**
 * Greedy for capacitated maximal covering: starting from the demand the fixed (existing) sites
 * leave unassigned in their best assignment, repeatedly opens the candidate that can take the most
 * of what is left (min(capacity, residual demand within reach)) and fills it, items with the fewest
 * alternatives first; the final objective is the exact max assignment of all open sites, never the
 * greedy fill. Deterministic: ties → lower index.
 * @param inst the instance (weight = demand in the capacity unit)
 * @param capacity capacity per candidate (Infinity: unlimited)
 * @param p number of new sites
 * @param fixed candidates that are already open (existing facilities)
 * @returns chosen sites, the assignment with them and the one before
 * @example greedyCapacitated(inst, caps, 3, existing).objective
 */
export function greedyCapacitated(
  inst: CoverInstance,
  capacity: Float64Array,
  p: number,
  fixed: readonly number[],
): CapacitatedAnswer {
  const start = maxAssignment(inst, fixed, capacity);
  const residual = Float64Array.from(start.unassigned);
  const isFixed = new Uint8Array(inst.candidateCount);
  for (const j of fixed) isFixed[j] = 1;
  const chosen: number[] = [];
  const takeable = (j: number): number => {
    let r = 0;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++)
      r += residual[inst.byCandidate[k]!]!;
    return Math.min(r, capacity[j]!);
  };
  while (chosen.length < p) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < inst.candidateCount; j++) {
      if (isFixed[j] === 1) continue;
      const g = takeable(j);
      if (g > bestGain) {
        best = j;
        bestGain = g;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    isFixed[best] = 1;
    const items: number[] = [];
    for (let k = inst.candidateStart[best]!; k < inst.candidateStart[best + 1]!; k++)
      items.push(inst.byCandidate[k]!);
    const alternatives = (i: number): number => inst.demandStart[i + 1]! - inst.demandStart[i]!;
    items.sort((a, b) => alternatives(a) - alternatives(b) || a - b);
    let room = capacity[best]!;
    for (const i of items) {
      if (room <= 0) break;
      const take = Math.min(room, residual[i]!);
      residual[i]! -= take;
      room -= take;
    }
  }
  return {
    chosen,
    objective: maxAssignment(inst, [...fixed, ...chosen], capacity).total,
    before: start.total,
  };
}
