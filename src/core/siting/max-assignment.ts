import type { CoverInstance } from './cover-instance';

/** The best fractional assignment of demand to open sites within reach and capacity. */
export interface Assignment {
  /** Σ demand assigned. */
  total: number;
  /** Demand assigned to each candidate (0 for closed ones). */
  bySite: Float64Array;
  /** Demand of each item left unassigned. */
  unassigned: Float64Array;
  /** Demand assigned along each demand → candidate pair, aligned with `byDemand`. */
  pairFlow: Float64Array;
}

/**
 * Maximum fractional assignment (capacitated covering with the sites fixed): a max-flow from the
 * demand items (supply = weight) through the pairs within reach to the open sites (capacity),
 * solved with Dinic's algorithm on flat arrays. This is independent of any LP solver, so it
 * re-checks what the solver reports.
 * @param inst the instance (weight = demand in the capacity unit)
 * @param open the open candidates
 * @param capacity capacity of each candidate (Infinity: unlimited)
 * @returns the assigned total, per-site loads, per-item leftovers and per-pair flows
 * @example maxAssignment(inst, [0, 4], capacities).total
 */
export function maxAssignment(
  inst: CoverInstance,
  open: readonly number[],
  capacity: Float64Array,
): Assignment {
  const D = inst.demandCount;
  const isOpen = new Uint8Array(inst.candidateCount);
  for (const j of open) isOpen[j] = 1;
  // Nodes: 0 source, 1 sink, 2..2+D demand, then candidates.
  const S = 0;
  const T = 1;
  const nodeCount = 2 + D + inst.candidateCount;
  const head = new Int32Array(nodeCount).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const edge = (u: number, v: number, c: number): void => {
    to.push(v, u);
    cap.push(c, 0);
    next.push(head[u]!, head[v]!);
    head[u] = to.length - 2;
    head[v] = to.length - 1;
  };
  const pairEdge = new Int32Array(inst.byDemand.length).fill(-1);
  for (let i = 0; i < D; i++) {
    if (!(inst.weight[i]! > 0)) continue;
    let any = false;
    for (let k = inst.demandStart[i]!; k < inst.demandStart[i + 1]!; k++) {
      const j = inst.byDemand[k]!;
      if (isOpen[j] === 0) continue;
      pairEdge[k] = to.length;
      edge(2 + i, 2 + D + j, Infinity);
      any = true;
    }
    if (any) edge(S, 2 + i, inst.weight[i]!);
  }
  for (const j of open) edge(2 + D + j, T, capacity[j]!);
  const level = new Int32Array(nodeCount);
  const iter = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const eps = 1e-9;
  const bfs = (): boolean => {
    level.fill(-1);
    level[S] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = S;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = head[u]!; e >= 0; e = next[e]!) {
        if (cap[e]! > eps && level[to[e]!]! < 0) {
          level[to[e]!] = level[u]! + 1;
          queue[qt++] = to[e]!;
        }
      }
    }
    return level[T]! >= 0;
  };
  const dfs = (u: number, f: number): number => {
    if (u === T) return f;
    for (; iter[u]! >= 0; iter[u] = next[iter[u]!]!) {
      const e = iter[u]!;
      const v = to[e]!;
      if (cap[e]! > eps && level[v] === level[u]! + 1) {
        const d = dfs(v, Math.min(f, cap[e]!));
        if (d > eps) {
          cap[e] = cap[e]! - d;
          cap[e ^ 1] = cap[e ^ 1]! + d;
          return d;
        }
      }
    }
    return 0;
  };
  let total = 0;
  while (bfs()) {
    iter.set(head);
    for (let f = dfs(S, Infinity); f > eps; f = dfs(S, Infinity)) total += f;
  }
  const bySite = new Float64Array(inst.candidateCount);
  const unassigned = Float64Array.from(inst.weight, (w) => Math.max(0, w));
  for (let e = 0; e < to.length; e += 2) {
    const u = to[e + 1]!;
    const v = to[e]!;
    const flow = cap[e + 1]!;
    if (v === T) bySite[u - 2 - D] = flow;
    else if (u === S) unassigned[v - 2]! -= flow;
  }
  const pairFlow = Float64Array.from(pairEdge, (e) => (e < 0 ? 0 : cap[e + 1]!));
  return { total, bySite, unassigned, pairFlow };
}
