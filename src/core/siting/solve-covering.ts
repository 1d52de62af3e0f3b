import type { Highs } from 'highs';
import { capacitatedMip } from './capacitated-mip';
import type { CoverInstance } from './cover-instance';
import { coveredWeight } from './covered-weight';
import { greedyCapacitated } from './greedy-capacitated';
import { greedyMaxCover } from './greedy-max-cover';
import { greedySetCover } from './greedy-set-cover';
import { lscpMip } from './lscp-mip';
import { maxAssignment } from './max-assignment';
import { mclpMip } from './mclp-mip';
import { reduceInstance } from './reduce-instance';
import { runHighs, type MipOutcome } from './run-highs';

/** Which covering model is solved. */
export type CoveringModel = 'mclp' | 'lscp' | 'capacitated';

/** How the answer was obtained: heuristic only, heuristic + a solver bound, or proven optimal. */
export type SolveMethod = 'heuristic' | 'bounded' | 'exact';

export interface SolveCoveringOptions {
  model: CoveringModel;
  /** Sites to open (mclp, capacitated; ignored by lscp). */
  p: number;
  /** A loaded HiGHS module; without it only the heuristic and its own bound are reported. */
  highs?: Highs | null;
  /** Seconds for the whole solve (the watchdog stops HiGHS at this deadline). */
  timeLimitS: number;
  signal?: { readonly aborted: boolean };
  /** Capacity per candidate (capacitated only; Infinity = unlimited). */
  capacity?: Float64Array;
  /** Candidates always open (capacitated: the existing facilities). */
  fixed?: readonly number[];
  /** Called with the heuristic answer as soon as it exists (the "first answer"). */
  onFirstAnswer?: (chosen: readonly number[], objective: number) => void;
}

export interface SolveCoveringResult {
  /** Chosen candidates of the given instance (fixed ones excluded). */
  chosen: number[];
  /** Covered weight (mclp), assigned demand (capacitated) or number of sites (lscp). */
  objective: number;
  /** Proven bound: upper for mclp/capacitated, lower for lscp; null when none. */
  bound: number | null;
  method: SolveMethod;
  /** What the heuristic alone found (same unit as objective). */
  heuristicObjective: number;
  seconds: { heuristic: number; exact: number };
  /** Candidates left after the reduction. */
  reduced: number;
  /** HiGHS's final status, or null without a solver. */
  solverStatus: string | null;
}

const abortError = (): Error => Object.assign(new Error('siting cancelled'), { name: 'AbortError' });

/**
 * Solves a covering instance: reduction, heuristic first answer, then (with HiGHS) the MIP started
 * from that answer under the time limit, keeping whichever answer is better — every solver answer
 * is re-evaluated on the instance here, never taken from the solver's objective.
 * @param inst the instance
 * @param options model, p, solver, limits
 * @returns chosen candidates, objective, bound and method
 * @throws Error named AbortError when the signal is aborted
 * @example solveCovering(inst, { model: 'mclp', p: 10, highs, timeLimitS: 10 }).bound
 */
export function solveCovering(inst: CoverInstance, options: SolveCoveringOptions): SolveCoveringResult {
  const t0 = performance.now();
  const { model, highs, signal } = options;
  const p = Math.max(0, Math.floor(options.p));
  const red = reduceInstance(inst, model !== 'capacitated');
  const r = red.instance;
  const toOriginal = (chosen: readonly number[]): number[] => chosen.map((j) => red.candidates[j]!);
  const reducedIndex = new Map<number, number>();
  red.candidates.forEach((c, j) => reducedIndex.set(c, j));
  const fixed = (options.fixed ?? []).flatMap((c) => {
    const j = reducedIndex.get(c);
    return j === undefined ? [] : [j];
  });
  const capacity =
    options.capacity === undefined
      ? new Float64Array(r.candidateCount).fill(Infinity)
      : Float64Array.from(red.candidates, (c) => options.capacity![c]!);
  if (signal?.aborted) throw abortError();

  let chosen: number[];
  let objective: number;
  let bound: number | null;
  if (model === 'mclp') {
    const a = greedyMaxCover(r, p);
    chosen = a.chosen;
    objective = a.objective;
    bound = a.bound;
  } else if (model === 'lscp') {
    const a = greedySetCover(r);
    chosen = a.chosen;
    objective = chosen.length;
    bound = a.bound;
  } else {
    const a = greedyCapacitated(r, capacity, p, fixed);
    chosen = a.chosen;
    objective = a.objective;
    bound = null;
  }
  const heuristicObjective = objective;
  const tHeuristic = performance.now();
  options.onFirstAnswer?.(toOriginal(chosen), objective);
  const proven =
    model === 'lscp' ? bound !== null && objective <= bound : bound !== null && objective >= bound - 1e-9;
  let method: SolveMethod = proven ? 'exact' : 'heuristic';
  let solverStatus: string | null = null;
  const remainingS = options.timeLimitS - (tHeuristic - t0) / 1000;
  const tighten = (b: number): void => {
    if (model === 'lscp') bound = Math.max(bound ?? 0, Math.ceil(b - 1e-6));
    else bound = bound === null ? b : Math.min(bound, b);
  };
  const gapClosed = (): boolean =>
    bound !== null && (model === 'lscp' ? objective <= bound : objective >= bound * (1 - 1e-6) - 1e-9);
  if (highs && !proven && remainingS > 0 && r.candidateCount > 0) {
    if (signal?.aborted) throw abortError();
    const mip =
      model === 'mclp'
        ? mclpMip(r, p)
        : model === 'lscp'
          ? lscpMip(r)
          : capacitatedMip(r, capacity, p, fixed);
    // 1. The LP relaxation by interior point: on large covering instances its optimum often meets the
    // heuristic's answer (a proof in seconds), where the MIP's presolve and dual-simplex root LP take
    // longer than the whole time limit.
    const lp = runHighs(highs, mip, null, remainingS, signal, true);
    if (signal?.aborted) throw abortError();
    solverStatus = `lp-${lp.status}`;
    if (lp.bound !== null) tighten(lp.bound);
    let mipOptimal = false;
    const leftS = remainingS - lp.seconds;
    // 2. The MIP, started from the heuristic's answer, when the relaxation left a gap.
    if (!gapClosed() && leftS > 0) {
      let start: Float64Array;
      let pick: (col: Float64Array) => { chosen: number[]; objective: number };
      if (model === 'mclp') {
        start = incumbentMclp(r, chosen);
        pick = (col) => {
          const c = pickOpen(col, r.candidateCount);
          return { chosen: c, objective: coveredWeight(r, c) };
        };
      } else if (model === 'lscp') {
        start = new Float64Array(r.candidateCount);
        for (const j of chosen) start[j] = 1;
        pick = (col) => {
          const c = pickOpen(col, r.candidateCount);
          // A solver answer counts only if it really covers every item.
          return { chosen: c, objective: coversAll(r, c) ? c.length : Infinity };
        };
      } else {
        const flow = maxAssignment(r, [...fixed, ...chosen], capacity);
        start = new Float64Array(mip.numCols);
        for (const j of [...fixed, ...chosen]) start[j] = 1;
        start.set(flow.pairFlow, r.candidateCount);
        const isFixed = new Set(fixed);
        pick = (col) => {
          const c = pickOpen(col, r.candidateCount).filter((j) => !isFixed.has(j));
          return { chosen: c, objective: maxAssignment(r, [...fixed, ...c], capacity).total };
        };
      }
      const out: MipOutcome = runHighs(highs, mip, start, leftS, signal);
      if (signal?.aborted) throw abortError();
      solverStatus = out.status;
      mipOptimal = out.optimal;
      if (out.colValue !== null) {
        const s = pick(out.colValue);
        const better = model === 'lscp' ? s.objective < objective : s.objective > objective + 1e-9;
        if (better) {
          chosen = s.chosen;
          objective = s.objective;
        }
      }
      if (out.bound !== null) tighten(out.bound);
    }
    method = mipOptimal || gapClosed() ? 'exact' : bound !== null ? 'bounded' : 'heuristic';
  }
  if (bound !== null) bound = model === 'lscp' ? Math.min(bound, objective) : Math.max(bound, objective);
  const tEnd = performance.now();
  return {
    chosen: toOriginal(chosen),
    objective,
    bound,
    method,
    heuristicObjective,
    seconds: { heuristic: (tHeuristic - t0) / 1000, exact: (tEnd - tHeuristic) / 1000 },
    reduced: r.candidateCount,
    solverStatus,
  };
}

function incumbentMclp(inst: CoverInstance, chosen: readonly number[]): Float64Array {
  const x = new Float64Array(inst.candidateCount + inst.demandCount);
  for (const j of chosen) {
    x[j] = 1;
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++)
      x[inst.candidateCount + inst.byCandidate[k]!] = 1;
  }
  return x;
}

function pickOpen(col: Float64Array, n: number): number[] {
  const c: number[] = [];
  for (let j = 0; j < n; j++) if (col[j]! > 0.5) c.push(j);
  return c;
}

function coversAll(inst: CoverInstance, chosen: readonly number[]): boolean {
  const hit = new Uint8Array(inst.demandCount);
  for (const j of chosen)
    for (let k = inst.candidateStart[j]!; k < inst.candidateStart[j + 1]!; k++) hit[inst.byCandidate[k]!] = 1;
  for (let i = 0; i < inst.demandCount; i++)
    if (hit[i] === 0 && inst.demandStart[i + 1]! > inst.demandStart[i]!) return false;
  return true;
}
