/**
 * Cancelling the build of the scenario's own street network (a restored demo rebuilds it from the OSM
 * file): the runner goes on with straight-line distances and does not start the build again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { AnalysisRunner } from '../../src/ui/app/runner';
import { createHandlers } from '../../src/worker/handlers';
import { gridOsm } from '../core/network/grid-osm';
import { fakeWorkerFactory, type FakeWorker } from '../worker/harness';
import { loadOneEstate } from './runner-fixtures';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('AnalysisRunner and a cancelled network build', () => {
  it('falls back to straight-line distances, says so, and does not rebuild', async () => {
    const store = createAppStore();
    const made: FakeWorker[] = [];
    let fetched = 0;
    const osm = new TextEncoder().encode(gridOsm(120, 3));
    const runner = new AnalysisRunner(store, fakeWorkerFactory(createHandlers(), made), () => {
      fetched++;
      return Promise.resolve(osm);
    });
    // Cancel the first job as soon as it reports progress, as a user pressing Cancel would.
    let cancelled = 0;
    stops.push(
      store.subscribe((s) => {
        const job = s.results.jobs[0];
        if (job && job.progress !== null && cancelled === 0) {
          cancelled++;
          runner.jobs.cancel(job.id);
        }
      }),
    );
    loadOneEstate(store, 'restored-demo', {
      source: 'demo',
      fileName: 'demo-streets.osm',
      key: 'demo',
      report: null,
    });
    stops.push(runner.start());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runner.idle();
    await runner.idle();
    expect(cancelled).toBe(1);
    expect(made).toHaveLength(1); // the build stopped in the worker, which was kept
    expect(made[0]!.terminated).toBe(false);
    const { results } = store.getState();
    expect(results.jobs).toEqual([]);
    expect(results.notice).toEqual({ key: 'notice.networkDeclined', detail: 'demo-streets.osm' });
    expect(results.error ?? null).toBeNull();
    expect(results.coverage?.byKind.nursery?.parameters.mode).toBe('straight-line');
    expect(fetched).toBe(1);
  });
});
