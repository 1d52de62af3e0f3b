import type { CoverInstance } from './cover-instance';

/** A set-covering answer: the sites opened and a lower bound on how few could do. */
export interface SetCoverAnswer {
  chosen: number[];
  /** Lower bound on the number of sites: ⌈items / largest set⌉, and at least 1 when any item exists. */
  bound: number;
}

/**
 * Greedy set covering (LSCP): opens the candidate covering the most still-uncovered demand items
 * until every item that some candidate covers is covered, then drops sites made redundant (latest
 * first). Deterministic: ties → lower candidate index.
 * @param inst the instance (every demand item should have at least one candidate)
 * @returns the chosen candidates and a simple lower bound
 * @example greedySetCover(inst).chosen.length
 */
export function greedySetCover(inst: CoverInstance): SetCoverAnswer {
  const covered = new Uint32Array(inst.demandCount);
  const count = (j: number): number => {
    let g = 0;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
      if (covered[inst.byCandidate[k]!] === 0) g++;
    }
    return g;
  };
  let left = 0;
  for (let i = 0; i < inst.demandCount; i++) if (inst.demandStart[i + 1]! > inst.demandStart[i]!) left++;
  const items = left;
  const stale = new Float64Array(inst.candidateCount);
  let largest = 0;
  for (let j = 0; j < inst.candidateCount; j++) {
    stale[j] = count(j);
    largest = Math.max(largest, stale[j]!);
  }
  const chosen: number[] = [];
  while (left > 0) {
    // Lazy evaluation: a stale count only over-estimates, so the best fresh count wins when it tops every stale one.
    let best = -1;
    let bestCount = 0;
    const order = Array.from({ length: inst.candidateCount }, (_, j) => j).filter((j) => stale[j]! > 0);
    order.sort((a, b) => stale[b]! - stale[a]! || a - b);
    for (const j of order) {
      if (stale[j]! < bestCount || (stale[j] === bestCount && best >= 0 && j > best)) break;
      const c = count(j);
      stale[j] = c;
      if (c > bestCount || (c === bestCount && c > 0 && j < best)) {
        best = j;
        bestCount = c;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    for (let k = inst.candidateStart[best]!; k < inst.candidateStart[best + 1]!; k++) {
      const i = inst.byCandidate[k]!;
      if (covered[i] === 0) left--;
      covered[i]! += 1;
    }
  }
  for (let t = chosen.length - 1; t >= 0; t--) {
    const j = chosen[t]!;
    let needed = false;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]! && !needed; k++) {
      needed = covered[inst.byCandidate[k]!] === 1;
    }
    if (needed) continue;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++)
      covered[inst.byCandidate[k]!]! -= 1;
    chosen.splice(t, 1);
  }
  return { chosen, bound: items === 0 ? 0 : Math.max(1, Math.ceil(items / Math.max(1, largest))) };
}
