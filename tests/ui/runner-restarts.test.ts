/**
 * A scenario that crashes the worker every time: the runner restarts it and re-sends a bounded number
 * of times, then stops, says so, and tries again after the next edit (nothing is lost).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { AnalysisRunner } from '../../src/ui/app/runner';
import { MAX_RESTARTS_IN_A_ROW } from '../../src/ui/app/restart-limit';
import { createHandlers } from '../../src/worker/handlers';
import type { Handler } from '../../src/worker/host';
import { fakeWorkerFactory, type FakeWorker } from '../worker/harness';
import { loadOneEstate } from './runner-fixtures';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('AnalysisRunner and a worker that crashes on every coverage run', () => {
  it(`restarts it ${MAX_RESTARTS_IN_A_ROW} times, then pauses with a notice until the scenario changes`, async () => {
    const store = createAppStore();
    const made: FakeWorker[] = [];
    let runs = 0;
    const handlers: Record<string, Handler> = {
      ...createHandlers(),
      // An uncaught error inside the worker, as a bug in the engine would raise.
      'coverage/run': () => {
        runs++;
        setTimeout(() => made[made.length - 1]!.crash('boom'));
        return new Promise<never>(() => undefined);
      },
    };
    const runner = new AnalysisRunner(store, fakeWorkerFactory(handlers, made), () =>
      Promise.reject(new Error('no demo network here')),
    );
    loadOneEstate(store, 'crashing');
    stops.push(runner.start());
    for (let k = 0; k < 20 && store.getState().results.notice?.key !== 'notice.workerGaveUp'; k++) {
      await settle();
      await runner.idle();
    }
    expect(store.getState().results.notice).toEqual({
      key: 'notice.workerGaveUp',
      detail: String(MAX_RESTARTS_IN_A_ROW),
    });
    expect(runs).toBe(MAX_RESTARTS_IN_A_ROW);
    expect(made).toHaveLength(MAX_RESTARTS_IN_A_ROW + 1); // the first worker and its replacements
    // Nothing more happens on its own.
    await settle();
    await runner.idle();
    expect(runs).toBe(MAX_RESTARTS_IN_A_ROW);
    // An edit is a new scenario: it gets the full number of tries again (it crashes too), and the
    // scenario is intact.
    store.getState().dispatch({ type: 'results/notice', notice: null });
    store.getState().dispatch({ type: 'facility/remove', id: 'F1' });
    for (let k = 0; k < 20 && store.getState().results.notice?.key !== 'notice.workerGaveUp'; k++) {
      await settle();
      await runner.idle();
    }
    expect(runs).toBe(2 * MAX_RESTARTS_IN_A_ROW);
    expect(store.getState().results.notice?.detail).toBe(String(MAX_RESTARTS_IN_A_ROW));
    expect(store.getState().scenario.estates).toHaveLength(1);
  });
});
