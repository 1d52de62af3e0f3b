/**
 * A long coverage run is a job: no bar for the first moments, then progress with Cancel; Cancel stops
 * the run in the worker without replacing it, keeps the scenario and compliance, does not start the
 * run again by itself, and the next edit does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { AnalysisRunner, COVERAGE_JOB_DELAY_MS } from '../../src/ui/app/runner';
import { createHandlers } from '../../src/worker/handlers';
import type { Handler, HandlerContext } from '../../src/worker/host';
import { fakeWorkerFactory, type FakeWorker } from '../worker/harness';
import { loadOneEstate } from './runner-fixtures';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SLOW_MS = 1200;

describe('AnalysisRunner and a slow coverage run', () => {
  it('shows a job after the delay, with progress; Cancel stops it until the next edit', async () => {
    const store = createAppStore();
    const made: FakeWorker[] = [];
    let runs = 0;
    const real = createHandlers();
    const handlers: Record<string, Handler> = {
      ...real,
      'coverage/run': (async (req: never, ctx: HandlerContext) => {
        runs++;
        ctx.progress(0.1, 'coverage');
        await wait(SLOW_MS);
        return (real['coverage/run'] as (r: never, c: HandlerContext) => unknown)(req, ctx);
      }) as Handler,
    };
    const runner = new AnalysisRunner(store, fakeWorkerFactory(handlers, made), () =>
      Promise.reject(new Error('no demo network here')),
    );
    loadOneEstate(store, 'slow');
    stops.push(runner.start());
    await wait(COVERAGE_JOB_DELAY_MS / 4);
    expect(store.getState().results.jobs).toEqual([]);
    await wait(COVERAGE_JOB_DELAY_MS);
    const job = store.getState().results.jobs[0]!;
    expect(job).toMatchObject({ label: 'jobs.coverage', progress: 0.1, phase: 'coverage' });
    runner.jobs.cancel(job.id);
    await runner.idle();
    await wait(50);
    await runner.idle();
    const { results } = store.getState();
    expect(results.jobs).toEqual([]);
    expect(results.notice).toEqual({ key: 'jobs.cancelled.coverage' });
    expect(results.coverage).toBeNull();
    expect(results.evaluation?.estates).toHaveLength(1); // compliance still answered
    // The worker stopped the run at its next slice and was kept (no replacement).
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    expect(runs).toBe(1);
    // The next edit runs coverage again, to the end.
    store.getState().dispatch({ type: 'facility/remove', id: 'F1' });
    await wait(50);
    await runner.idle();
    expect(runs).toBe(2);
    expect(store.getState().results.coverage?.byKind.nursery?.estates).toHaveLength(1);
  });
});
