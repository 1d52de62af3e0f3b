import type { CoverInstance } from './cover-instance';

/** A heuristic answer: chosen candidates (in pick order) and the weight they cover. */
export interface CoverAnswer {
  chosen: number[];
  objective: number;
  /**
   * Upper bound from submodularity: objective + the p largest marginal gains with respect to the
   * answer (no p sites can add more than that).
   */
  bound: number;
}

/** Binary max-heap of candidates keyed by a stale gain; ties → lower candidate index. */
class GainHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: Float64Array) {}
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]!;
  }
  private above(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka > kb || (ka === kb && a < b);
  }
  push(j: number): void {
    const h = this.items;
    h.push(j);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.above(h[c]!, h[p]!)) break;
      [h[c], h[p]] = [h[p]!, h[c]!];
      c = p;
    }
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < h.length && this.above(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.above(h[r]!, h[m]!)) m = r;
        if (m === c) break;
        [h[c], h[m]] = [h[m]!, h[c]!];
        c = m;
      }
    }
    return top;
  }
}

/** Σ weight of candidate j's demand not yet covered. */
function gainOf(inst: CoverInstance, covered: Uint32Array, j: number): number {
  let g = 0;
  for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
    const i = inst.byCandidate[k]!;
    if (covered[i] === 0) g += inst.weight[i]!;
  }
  return g;
}

/**
 * Lazy greedy for maximal covering (MCLP): repeatedly opens the candidate that covers the most
 * still-uncovered weight, re-evaluating only the heap's top (gains only shrink: submodularity), then
 * improves the answer by swaps (drop one chosen site, open the best other) until no swap gains.
 * Deterministic: ties go to the lower candidate index.
 * @param inst the instance (weights ≥ 0)
 * @param p number of sites to open
 * @param fixed candidates already open (they count, and are never swapped out)
 * @returns the chosen candidates in pick order (fixed ones excluded), covered weight and a bound
 * @example greedyMaxCover(inst, 10).objective
 */
export function greedyMaxCover(inst: CoverInstance, p: number, fixed: readonly number[] = []): CoverAnswer {
  const covered = new Uint32Array(inst.demandCount);
  const open = new Uint8Array(inst.candidateCount);
  const add = (j: number, sign: 1 | -1): void => {
    open[j] = sign === 1 ? 1 : 0;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) {
      const i = inst.byCandidate[k]!;
      covered[i] = covered[i]! + sign;
    }
  };
  for (const j of fixed) add(j, 1);
  const key = new Float64Array(inst.candidateCount);
  const heap = new GainHeap(key);
  for (let j = 0; j < inst.candidateCount; j++) {
    if (open[j] === 1) continue;
    key[j] = gainOf(inst, covered, j);
    if (key[j]! > 0) heap.push(j);
  }
  const chosen: number[] = [];
  while (chosen.length < p && heap.size > 0) {
    const j = heap.pop();
    const g = gainOf(inst, covered, j);
    if (g < key[j]!) {
      key[j] = g;
      if (g > 0) heap.push(j);
      continue;
    }
    chosen.push(j);
    add(j, 1);
  }
  swapImprove(inst, chosen, covered, open);
  let objective = 0;
  for (let i = 0; i < inst.demandCount; i++) if (covered[i]! > 0) objective += inst.weight[i]!;
  // Submodular bound: f(OPT) ≤ f(S) + Σ of the p largest gains with respect to S.
  const gains: number[] = [];
  for (let j = 0; j < inst.candidateCount; j++) if (open[j] === 0) gains.push(gainOf(inst, covered, j));
  gains.sort((a, b) => b - a);
  let bound = objective;
  for (let k = 0; k < Math.min(p, gains.length); k++) bound += gains[k]!;
  return { chosen, objective, bound };
}

/**
 * Swap (interchange) improvement: for each chosen site s, the best candidate c to replace it is
 * the one maximising gain(c | S − s) − loss(s); the base gains over currently uncovered demand are
 * computed once per pass and only the candidates touching s's sole-covered demand get an extra.
 * Repeats passes until no swap improves by more than a rounding margin.
 */
function swapImprove(inst: CoverInstance, chosen: number[], covered: Uint32Array, open: Uint8Array): void {
  const n = inst.candidateCount;
  const base = new Float64Array(n);
  const extra = new Float64Array(n);
  const touched: number[] = [];
  const eps = 1e-9;
  for (let pass = 0; pass < 50; pass++) {
    base.fill(0);
    for (let i = 0; i < inst.demandCount; i++) {
      if (covered[i] !== 0) continue;
      const w = inst.weight[i]!;
      for (let k = inst.demandStart[i]!; k < inst.demandStart[i + 1]!; k++) base[inst.byDemand[k]!]! += w;
    }
    let bestBase = -1;
    for (let j = 0; j < n; j++)
      if (open[j] === 0 && (bestBase < 0 || base[j]! > base[bestBase]!)) bestBase = j;
    if (bestBase < 0) return;
    let improved = false;
    for (let t = 0; t < chosen.length; t++) {
      const s = chosen[t]!;
      let loss = 0;
      for (let k = inst.candidateStart[s]!; k < inst.candidateStart[s + 1]!; k++) {
        const i = inst.byCandidate[k]!;
        if (covered[i] !== 1) continue;
        const w = inst.weight[i]!;
        loss += w;
        for (let q = inst.demandStart[i]!; q < inst.demandStart[i + 1]!; q++) {
          const c = inst.byDemand[q]!;
          if (extra[c] === 0) touched.push(c);
          extra[c]! += w;
        }
      }
      let best = bestBase;
      let bestGain = base[bestBase]!;
      for (const c of touched) {
        const g = base[c]! + extra[c]!;
        if (open[c] === 0 && (g > bestGain || (g === bestGain && c < best))) {
          best = c;
          bestGain = g;
        }
      }
      for (const c of touched) extra[c] = 0;
      touched.length = 0;
      if (bestGain - loss > eps * Math.max(1, loss)) {
        for (let k = inst.candidateStart[s]!; k < inst.candidateStart[s + 1]!; k++)
          covered[inst.byCandidate[k]!]! -= 1;
        open[s] = 0;
        for (let k = inst.candidateStart[best]!; k < inst.candidateStart[best + 1]!; k++)
          covered[inst.byCandidate[k]!]! += 1;
        open[best] = 1;
        chosen[t] = best;
        improved = true;
        break;
      }
    }
    if (!improved) return;
  }
}
