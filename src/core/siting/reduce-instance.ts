import { coverInstance, type CoverInstance } from './cover-instance';

/** A smaller equivalent instance and the way back to the original indices. */
export interface ReducedInstance {
  instance: CoverInstance;
  /** Original candidate of each reduced candidate (ascending). */
  candidates: Uint32Array;
  /** Reduced demand item of each original one (−1: no candidate covers it). */
  demandGroup: Int32Array;
  /** Candidates dropped as dominated (their coverage contained in another's). */
  dominated: number;
}

/** Dominance checks stop after this many list steps (a bound on work, so the result is deterministic). */
const DOMINANCE_BUDGET = 2e8;

/**
 * Reduces a covering instance without changing its optimum: demand items with identical candidate
 * sets are merged (weights summed); demand nobody covers and candidates covering nothing are
 * dropped; with `dropDominated` (uncapacitated models only), a candidate whose coverage set is
 * contained in another's is dropped (equal sets keep the lower index). Containment is tested only
 * against candidates covering the candidate's rarest demand item, within a fixed work budget.
 * @param inst the instance
 * @param dropDominated drop dominated candidates (not valid with capacities)
 * @returns the reduced instance and index maps
 * @example reduceInstance(inst, true).instance.candidateCount
 */
export function reduceInstance(inst: CoverInstance, dropDominated: boolean): ReducedInstance {
  const { demandCount, demandStart, byDemand, candidateStart, byCandidate } = inst;
  // 1. Merge demand with identical rows (hash, then exact compare within a bucket).
  const groupOf = new Int32Array(demandCount).fill(-1);
  const buckets = new Map<number, number[]>();
  const leaders: number[] = [];
  const sameRow = (x: number, y: number): boolean => {
    const lx = demandStart[x + 1]! - demandStart[x]!;
    if (lx !== demandStart[y + 1]! - demandStart[y]!) return false;
    for (let k = 0; k < lx; k++)
      if (byDemand[demandStart[x]! + k] !== byDemand[demandStart[y]! + k]) return false;
    return true;
  };
  for (let i = 0; i < demandCount; i++) {
    const a = demandStart[i]!;
    const b = demandStart[i + 1]!;
    if (a === b || !(inst.weight[i]! > 0)) continue;
    let h = b - a;
    for (let k = a; k < b; k++) h = (Math.imul(h, 31) + byDemand[k]!) | 0;
    const bucket = buckets.get(h);
    const found = bucket?.find((g) => sameRow(leaders[g]!, i));
    if (found !== undefined) groupOf[i] = found;
    else {
      groupOf[i] = leaders.length;
      if (bucket) bucket.push(leaders.length);
      else buckets.set(h, [leaders.length]);
      leaders.push(i);
    }
  }
  // 2. Candidates that still cover something; dominated ones dropped.
  const keep = new Uint8Array(inst.candidateCount);
  for (let j = 0; j < inst.candidateCount; j++) {
    for (let k = candidateStart[j]!; k < candidateStart[j + 1]!; k++) {
      if (groupOf[byCandidate[k]!]! >= 0) {
        keep[j] = 1;
        break;
      }
    }
  }
  let dominated = 0;
  if (dropDominated) {
    let budget = DOMINANCE_BUDGET;
    // Group-level coverage sets of each candidate (sorted, deduplicated) make containment a merge.
    const sets: Int32Array[] = [];
    for (let j = 0; j < inst.candidateCount; j++) {
      const g: number[] = [];
      for (let k = candidateStart[j]!; k < candidateStart[j + 1]!; k++) {
        const x = groupOf[byCandidate[k]!]!;
        if (x >= 0) g.push(x);
      }
      g.sort((x, y) => x - y);
      sets.push(Int32Array.from(g.filter((x, k) => k === 0 || g[k - 1] !== x)));
    }
    const contained = (s: Int32Array, t: Int32Array): boolean => {
      if (s.length > t.length) return false;
      let q = 0;
      for (let k = 0; k < s.length; k++) {
        while (q < t.length && t[q]! < s[k]!) q++;
        if (q === t.length || t[q] !== s[k]) return false;
      }
      budget -= s.length + q;
      return true;
    };
    for (let j = 0; j < inst.candidateCount && budget > 0; j++) {
      const s = sets[j]!;
      if (keep[j] === 0 || s.length === 0) continue;
      // Rarest demand item of j: only candidates covering it can contain j's set.
      let rare = leaders[s[0]!]!;
      for (const g of s) {
        const i = leaders[g]!;
        if (demandStart[i + 1]! - demandStart[i]! < demandStart[rare + 1]! - demandStart[rare]!) rare = i;
      }
      for (let k = demandStart[rare]!; k < demandStart[rare + 1]! && budget > 0; k++) {
        const other = byDemand[k]!;
        budget--;
        if (other === j || keep[other] === 0) continue;
        const t = sets[other]!;
        if (t.length < s.length || (t.length === s.length && other > j)) continue;
        if (contained(s, t)) {
          keep[j] = 0;
          dominated++;
          break;
        }
      }
    }
  }
  const candidates: number[] = [];
  const newIndex = new Int32Array(inst.candidateCount).fill(-1);
  for (let j = 0; j < inst.candidateCount; j++) {
    if (keep[j] === 1) {
      newIndex[j] = candidates.length;
      candidates.push(j);
    }
  }
  // 3. Rows of the reduced instance: each group's leader row, restricted to kept candidates.
  const weight = new Float64Array(leaders.length);
  for (let i = 0; i < demandCount; i++) if (groupOf[i]! >= 0) weight[groupOf[i]!]! += inst.weight[i]!;
  const start = new Uint32Array(leaders.length + 1);
  const rows: number[] = [];
  leaders.forEach((i, g) => {
    for (let k = demandStart[i]!; k < demandStart[i + 1]!; k++) {
      const c = newIndex[byDemand[k]!]!;
      if (c >= 0) rows.push(c);
    }
    start[g + 1] = rows.length;
  });
  return {
    instance: coverInstance(weight, start, Uint32Array.from(rows), candidates.length),
    candidates: Uint32Array.from(candidates),
    demandGroup: groupOf,
    dominated,
  };
}
