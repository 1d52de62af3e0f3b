/**
 * Progress and Cancel across the worker boundary with the real handlers: 'network/load' and
 * 'import/estates' forward the core's determinate progress with its phase; a JobRunner job's Cancel
 * terminates the worker (hard cancel), rejects with AbortError, clears the job and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { JobRunner } from '../../src/ui/app/jobs';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { gridOsm } from '../core/network/grid-osm';
import { fakeWorkerFactory, type FakeWorker } from './harness';

const clients: AnalysisClient<RequestMap>[] = [];
const make = (made: FakeWorker[] = []) => {
  const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers(), made));
  clients.push(client);
  return client;
};
afterEach(() => clients.splice(0).forEach((c) => c.terminate()));

type Seen = [number | null, string | undefined];

function expectDeterminate(seen: Seen[], phases: string[]): void {
  const values = seen.map(([v]) => v);
  expect(values.every((v) => v !== null && v >= 0 && v <= 1)).toBe(true);
  for (let k = 1; k < values.length; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
  expect(values.at(-1)).toBe(1);
  expect([...new Set(seen.map(([, p]) => p))]).toEqual(phases);
  expect(seen.length).toBeLessThanOrEqual(110);
}

describe('progress through the worker', () => {
  it('network/load reports reading then building, up to 1', async () => {
    const client = make();
    const seen: Seen[] = [];
    const bytes = new TextEncoder().encode(gridOsm(120, 2));
    const loaded = await client.send(
      'network/load',
      { bytes, fileName: 'grid.osm' },
      { onProgress: (v, p) => seen.push([v, p]) },
    );
    expect(loaded.report.nodes).toBe(120 * 120);
    expectDeterminate(seen, ['read', 'build']);
    expect(seen.filter(([, p]) => p === 'read').length).toBeGreaterThan(20);
  });

  it('import/estates reports reading then rows, up to 1', async () => {
    const client = make();
    const seen: Seen[] = [];
    const lines = ['小区名称,房屋总数'];
    for (let i = 0; i < 3000; i++) lines.push(`小区${i},${100 + i}`);
    const result = await client.send(
      'import/estates',
      { data: lines.join('\n'), fileName: 'estates.csv' },
      { onProgress: (v, p) => seen.push([v, p]) },
    );
    expect(result.estates).toHaveLength(3000);
    expectDeterminate(seen, ['read', 'rows']);
  });

  it('Cancel on a job rejects with AbortError at once, ends the job, says so, and keeps the worker', async () => {
    const made: FakeWorker[] = [];
    const client = make(made);
    const store = createAppStore();
    const jobs = new JobRunner(store);
    const bytes = new TextEncoder().encode(gridOsm(120, 3));
    const phases: (string | undefined)[] = [];
    const answer = jobs.run('jobs.network', (signal, onProgress) =>
      client.send(
        'network/load',
        { bytes, fileName: 'grid.osm' },
        {
          signal,
          cancelGraceMs: 1000,
          onProgress: (value, phase) => {
            onProgress(value, phase);
            phases.push(phase);
            // Cancel at the first report, as a user would while the bar moves.
            const job = store.getState().results.jobs[0];
            if (job && job.progress !== null) jobs.cancel(job.id);
          },
        },
      ),
    );
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(phases).toEqual(['read']); // nothing after the cancel reached the app
    expect(made[0]!.terminated).toBe(false);
    expect(made).toHaveLength(1);
    expect(store.getState().results.jobs).toEqual([]);
    expect(store.getState().results.notice).toEqual({ key: 'jobs.cancelled.network' });
    await expect(client.send('ping', {})).resolves.toEqual({ ok: true });
  });
});
