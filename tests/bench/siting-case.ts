/**
 * Timing of `proposeSites` for the siting benchmarks (siting.bench.ts): one call timed from its start
 * to the first answer (`onFirstAnswer`) and to the final proposal, the phase lengths from its
 * `onProgress` events, the growth of heap + array buffers, the checks a proposal must pass, and
 * `sitingCase`, which registers a bench case around all of that and records it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { proposeSites } from '../../src/core/siting/propose-sites';
import type { SitingInput, SitingProposal, SitingRequest } from '../../src/core/siting/siting-types';
import {
  benchAndRecord,
  memoryMB,
  recordBench,
  recordedCase,
  summarizeSamples,
  type Json,
} from './bench-results';

/** x rounded to `digits` decimals, for the record. */
export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** The median of durations (ms). */
export const median = (xs: readonly number[]): number => summarizeSamples(xs).medianMs;

/** V8's collector, exposed at run time (vitest starts node without --expose-gc). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Heap + array buffers in MiB (HiGHS's WebAssembly memory is an array buffer, so it counts).
 * @param collect run a full collection first (outside the timed proposal, inside the bench sample)
 */
function heldMB(collect = false): number {
  if (collect) collectGarbage();
  const m = memoryMB();
  return m.heapUsed + m.arrayBuffers;
}

/** One timed proposeSites call: the proposal, first-answer ms, total ms, and when each phase ended. */
interface SitingRun {
  proposal: SitingProposal;
  firstMs: number;
  finalMs: number;
  phaseMs: Record<string, number>;
  peakMB: number;
}

/**
 * Calls proposeSites and times it: the first answer (onFirstAnswer) and the phases (onProgress) are
 * measured from the call's start; memory is sampled at every progress event.
 */
async function timedProposal(input: SitingInput, req: SitingRequest, heldBefore: number): Promise<SitingRun> {
  const t0 = performance.now();
  let firstMs = NaN;
  let peak = 0;
  const marks: Record<string, number> = {};
  const proposal = await proposeSites(input, req, {
    onFirstAnswer: () => {
      firstMs = performance.now() - t0;
      peak = Math.max(peak, heldMB() - heldBefore);
    },
    onProgress: (phase, done, total) => {
      const t = performance.now() - t0;
      marks[`${phase}Start`] ??= t;
      if (done === total) marks[`${phase}End`] = t;
      peak = Math.max(peak, heldMB() - heldBefore);
    },
  });
  const finalMs = performance.now() - t0;
  peak = Math.max(peak, heldMB() - heldBefore);
  // Phase lengths: coverage, then candidates (placement, zones), matrix + instance, solve, recount.
  const at = (k: string): number => marks[k] ?? NaN;
  const phaseMs = {
    coverage: round(at('coverageEnd'), 2),
    candidates: round(at('candidatesEnd') - at('coverageEnd'), 2),
    matrixAndInstance: round(at('solveStart') - at('candidatesEnd'), 2),
    solve: round(at('solveEnd') - at('solveStart'), 2),
    recount: round(finalMs - at('solveEnd'), 2),
  };
  return { proposal, firstMs, finalMs, phaseMs, peakMB: peak };
}

/** Throws when the proposal breaks what siting promises (objective above its bound, too large a gap). */
function checkProposal(name: string, p: SitingProposal, maxGapPct: number | null): void {
  if (p.bound !== null && p.objective > p.bound * (1 + 1e-9) + 1e-9)
    throw new Error(`${name}: objective ${p.objective} above the bound ${p.bound}`);
  if (maxGapPct !== null && !(p.gapPct !== null && p.gapPct <= maxGapPct))
    throw new Error(`${name}: gap ${p.gapPct} % (bound ${p.bound}, method ${p.method}) above ${maxGapPct} %`);
}

/** The figures a proposal carries, for the record. */
function proposalFigures(run: SitingRun): Record<string, Json> {
  const p = run.proposal;
  return {
    objective: round(p.objective, 3),
    bound: p.bound === null ? null : round(p.bound, 3),
    gapPct: p.gapPct === null ? null : round(p.gapPct, 4),
    method: p.method,
    solverStatus: p.solverStatus,
    unit: p.unit,
    coveredBefore: round(p.coveredBefore, 3),
    coveredAfter: round(p.coveredAfter, 3),
    sites: p.sites.length,
    candidatesGiven: p.candidates.given,
    candidatesUsable: p.candidates.usable,
    candidatesReduced: p.candidates.reduced,
    demandEstates: p.demand.estates,
    unreachableEstates: p.demand.unreachable,
    seconds: { ...p.seconds },
    phaseMs: run.phaseMs,
    warnings: p.warnings,
  };
}

/**
 * A proposeSites case: times every call (benchAndRecord), then re-records with the medians of the
 * first-answer and final times over the measured calls and the last proposal's figures.
 */
export function sitingCase(
  name: string,
  make: () => { input: SitingInput; req: SitingRequest },
  options: {
    iterations: number;
    baseline: string;
    maxGapPct: number | null;
    /** Collect garbage before each call, so the memory growth starts from what is live. */
    collect?: boolean;
    extra: () => Record<string, Json>;
  },
): void {
  const runs: SitingRun[] = [];
  benchAndRecord(
    name,
    async () => {
      const { input, req } = make();
      const run = await timedProposal(input, req, heldMB(options.collect === true));
      checkProposal(name, run.proposal, options.maxGapPct);
      runs.push(run);
    },
    {
      iterations: options.iterations,
      time: 0,
      warmupIterations: 0,
      warmupTime: 0,
      onRecorded: (r) => {
        const measured = runs.slice(-(r.samples ?? 1));
        const last = measured[measured.length - 1]!;
        const base = recordedCase(options.baseline);
        const firstMs = median(measured.map((m) => m.firstMs));
        const finalMs = median(measured.map((m) => m.finalMs));
        recordBench(name, r, {
          entry: 'proposeSites',
          firstAnswerMs: round(firstMs, 1),
          finalMs: round(finalMs, 1),
          ...proposalFigures(last),
          memoryMB: Math.round(Math.max(...measured.map((m) => m.peakMB))),
          baseline: options.baseline,
          ratioVsBaseline: base === undefined ? null : round(r.medianMs / base.medianMs, 1),
          ...options.extra(),
        });
        const p = last.proposal;
        console.log(
          `${name}: first answer ${firstMs.toFixed(0)} ms, final ${finalMs.toFixed(0)} ms ` +
            `(${p.method}, gap ${p.gapPct?.toFixed(3)} %), objective ${p.objective.toFixed(1)} ≤ bound ` +
            `${p.bound?.toFixed(1)}, candidates ${p.candidates.given} → ${p.candidates.reduced}; ` +
            `phases ${JSON.stringify(last.phaseMs)}; ` +
            `${base ? `${(r.medianMs / base.medianMs).toFixed(0)}× ${options.baseline}` : ''}`,
        );
      },
    },
  );
}
