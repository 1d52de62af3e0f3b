/**
 * Shared benchmark results: every bench case merges its figures into the git-ignored
 * `tests/bench/results/latest.json`, so one `npm run bench` leaves one machine-readable file.
 *
 * API (Vitest 4 `bench`, tinybench 2 underneath)
 * - `benchAndRecord(name, fn, options?)`: registers `bench(name, …)` in the current describe, times
 *   every call of `fn` itself (sync, or async when `fn` returns a promise) and, when the run phase
 *   ends, records `{ medianMs, minMs, maxMs, meanMs, samples }` plus `options.extra()` under `name`.
 *   `options`: `iterations`, `time` (ms), `warmupIterations`, `warmupTime` (tinybench options),
 *   `extra: () => Record<string, Json>` (evaluated after the run, so it may read results),
 *   `onRecorded(record)` (e.g. to print or compare).
 * - `recordBench(name, figures, extra?)`: merges one case; `figures` is `{ medianMs, minMs, maxMs,
 *   meanMs?, samples? }`, `{ latency: { p50, min, max, mean?, samplesCount? } }` (a tinybench-style
 *   result), or an array of sample durations in ms. Returns the stored record.
 * - `summarizeSamples(samplesMs)`: median/min/max/mean of durations.
 * - `recordedCase(name)`: the record this process stored last for `name` (e.g. a baseline ratio).
 * - `readBenchResults()`: the whole file `{ updatedAt, machine, cases }` (empty when absent).
 * - `memoryMB()`: `process.memoryUsage()` in MiB (rss, heapUsed, arrayBuffers, external).
 * - `BENCH_RESULTS_PATH`: the file's absolute path.
 *
 * Each record also carries `file` (the calling bench file) and `recordedAt`. Bench files run in
 * parallel workers, so every update takes a lock directory and replaces the file atomically.
 *
 * @example
 * describe('network', () => {
 *   benchAndRecord('network: build roads.osm', () => buildWalkingGraph(bytes), {
 *     iterations: 15,
 *     extra: () => ({ nodes: 20702, targetMs: 1000 }),
 *   });
 * });
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench } from 'vitest';

export const BENCH_RESULTS_PATH = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const LOCK = `${BENCH_RESULTS_PATH}.lock`;
/** A lock older than this is left over from a killed run and is broken. */
const STALE_LOCK_MS = 30_000;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What a tinybench 3 / Vitest 5 result carries: latency statistics in ms. */
export interface BenchLatency {
  p50: number;
  min: number;
  max: number;
  mean?: number;
  samplesCount?: number;
}

export interface BenchFigures {
  medianMs: number;
  minMs: number;
  maxMs: number;
  meanMs?: number | null;
  samples?: number | null;
}

export interface BenchRecord {
  medianMs: number;
  minMs: number;
  maxMs: number;
  meanMs: number | null;
  samples: number | null;
  file: string | null;
  recordedAt: string;
  [extra: string]: Json;
}

export interface BenchResults {
  updatedAt: string | null;
  machine: { node: string; platform: string; cpu: string; cores: number };
  cases: Record<string, BenchRecord>;
}

const machine = () => ({
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
});

/** The current results file, or an empty one. */
export function readBenchResults(): BenchResults {
  try {
    return JSON.parse(readFileSync(BENCH_RESULTS_PATH, 'utf8')) as BenchResults;
  } catch {
    return { updatedAt: null, machine: machine(), cases: {} };
  }
}

function withLock<T>(fn: () => T): T {
  mkdirSync(dirname(BENCH_RESULTS_PATH), { recursive: true });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // The lock vanished between the two calls: simply try again.
      }
      if (Date.now() > deadline) throw new Error(`bench-results: could not lock ${LOCK} within 10 s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Caller's bench file, for the record (the first stack frame outside this module). */
function callerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const line = new Error().stack?.split('\n').find((l) => l.includes('.bench.') && !l.includes(here));
  return line?.match(/(tests\/bench\/[^:)]+)/)?.[1] ?? null;
}

/** Median (mean of the two middle values for an even count), min, max and mean of durations in ms. */
export function summarizeSamples(samplesMs: readonly number[]): Required<BenchFigures> {
  const sorted = [...samplesMs].sort((x, y) => x - y);
  const n = sorted.length;
  if (n === 0) throw new Error('bench-results: no samples to summarize');
  const mid = n >> 1;
  const median =
    n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    medianMs: median,
    minMs: sorted[0] as number,
    maxMs: sorted[n - 1] as number,
    meanMs: sorted.reduce((sum, v) => sum + v, 0) / n,
    samples: n,
  };
}

const recorded = new Map<string, BenchRecord>();

/** The record this process last stored for `name`, if any. */
export function recordedCase(name: string): BenchRecord | undefined {
  return recorded.get(name);
}

/**
 * Merges one case into tests/bench/results/latest.json.
 * @param name the case name (e.g. `w1`)
 * @param figures median/min/max (ms), or the raw sample durations in ms
 * @param extra further figures to store with the case
 * @returns the stored record
 */
export function recordBench(
  name: string,
  figures: BenchFigures | { latency: BenchLatency } | readonly number[],
  extra: Record<string, Json> = {},
): BenchRecord {
  let f: BenchFigures;
  if (Array.isArray(figures)) f = summarizeSamples(figures);
  else if ('latency' in figures) {
    const l = figures.latency;
    f = {
      medianMs: l.p50,
      minMs: l.min,
      maxMs: l.max,
      meanMs: l.mean ?? null,
      samples: l.samplesCount ?? null,
    };
  } else f = figures as BenchFigures;
  const record: BenchRecord = {
    medianMs: f.medianMs,
    minMs: f.minMs,
    maxMs: f.maxMs,
    meanMs: f.meanMs ?? null,
    samples: f.samples ?? null,
    file: callerFile(),
    recordedAt: new Date().toISOString(),
    ...extra,
  };
  recorded.set(name, record);
  withLock(() => {
    const all = readBenchResults();
    all.cases[name] = record;
    all.updatedAt = record.recordedAt;
    all.machine = machine();
    const temporary = `${BENCH_RESULTS_PATH}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(all, null, 2)}\n`);
    renameSync(temporary, BENCH_RESULTS_PATH);
  });
  return record;
}

export interface BenchAndRecordOptions {
  iterations?: number;
  time?: number;
  warmupIterations?: number;
  warmupTime?: number;
  extra?: () => Record<string, Json>;
  onRecorded?: (record: BenchRecord) => void;
}

/**
 * Registers a Vitest bench case that times each call of `fn` and records the run's figures.
 * @param name case name, shown by Vitest and used as the key in latest.json
 * @param fn the work to time (may return a promise)
 * @param options tinybench iteration/time options, extra figures and a callback
 */
export function benchAndRecord(name: string, fn: () => unknown, options: BenchAndRecordOptions = {}): void {
  const samples: number[] = [];
  let measuring = false;
  const timed = (): void | Promise<void> => {
    const start = performance.now();
    const out = fn();
    if (out instanceof Promise) {
      return out.then(() => {
        if (measuring) samples.push(performance.now() - start);
      });
    }
    if (measuring) samples.push(performance.now() - start);
  };
  const { extra, onRecorded, ...tinybench } = options;
  bench(name, timed, {
    ...tinybench,
    setup: (_task, mode) => {
      measuring = mode === 'run';
      samples.length = 0;
    },
    teardown: (_task, mode) => {
      if (mode !== 'run' || samples.length === 0) return;
      measuring = false;
      const record = recordBench(name, samples, extra?.() ?? {});
      onRecorded?.(record);
    },
  });
}

/** process.memoryUsage() in MiB, rounded to 0.1. */
export function memoryMB(): { rss: number; heapUsed: number; arrayBuffers: number; external: number } {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    rss: mb(m.rss),
    heapUsed: mb(m.heapUsed),
    arrayBuffers: mb(m.arrayBuffers),
    external: mb(m.external),
  };
}
