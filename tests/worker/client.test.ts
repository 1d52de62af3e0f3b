/**
 * The worker boundary: typed request/response, transfer (not copy) of typed arrays both ways,
 * abort → AbortError, crash and stuck worker → restart and a notice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisClient, WorkerRestartedError } from '../../src/worker/client';
import type { HandlerContext } from '../../src/worker/host';
import { fakeWorkerFactory, type FakeWorker } from './harness';

type ToyMap = {
  sum: [{ values: Float64Array }, { total: number; received: number }];
  double: [{ n: number }, { out: Float32Array }];
  wait: [{ ms: number }, { done: boolean; aborted: boolean }];
  never: [Record<string, never>, never];
  slices: [{ n: number }, { done: number }];
  fail: [{ name: string }, never];
  early: [{ n: number }, { n: number; final: boolean }];
};

let kept: Float32Array | null = null;
let sawAbort = false;
/** Slices the `slices` handler has run, and how it ended. */
let sliced = { done: 0, ended: '' };
const handlers = {
  sum: (d: { values: Float64Array }) => ({
    total: d.values.reduce((a, b) => a + b, 0),
    received: d.values.byteLength,
  }),
  double: (d: { n: number }, ctx: HandlerContext) => {
    ctx.progress(0.5);
    kept = Float32Array.from({ length: d.n }, (_, k) => 2 * k);
    return { out: kept };
  },
  wait: async (d: { ms: number }, ctx: HandlerContext) => {
    await new Promise((r) => setTimeout(r, d.ms));
    sawAbort = ctx.signal.aborted;
    return { done: true, aborted: ctx.signal.aborted };
  },
  never: () => new Promise(() => undefined),
  /** Long work in 1 ms slices, each ending at a checkpoint (as coverage/run does between kinds). */
  slices: async (d: { n: number }, ctx: HandlerContext) => {
    sliced = { done: 0, ended: '' };
    try {
      for (let k = 0; k < d.n; k++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        sliced.done++;
        await ctx.checkpoint();
      }
      sliced.ended = 'done';
    } catch (error) {
      sliced.ended = (error as Error).name;
      throw error;
    }
    return { done: sliced.done };
  },
  /** An early answer, then the final one (as siting sends its first proposal). */
  early: async (d: { n: number }, ctx: HandlerContext) => {
    ctx.partial({ n: d.n, final: false });
    await ctx.checkpoint();
    return { n: d.n + 1, final: true };
  },
  fail: (d: { name: string }) => {
    throw Object.assign(new Error('bad input in row 3'), { name: d.name });
  },
};

const clients: AnalysisClient<ToyMap>[] = [];
const make = (options: ConstructorParameters<typeof AnalysisClient>[1] = {}, made: FakeWorker[] = []) => {
  const client = new AnalysisClient<ToyMap>(fakeWorkerFactory(handlers, made), options);
  clients.push(client);
  return client;
};
afterEach(() => clients.splice(0).forEach((c) => c.terminate()));

describe('AnalysisClient', () => {
  it('answers a typed request', async () => {
    const client = make();
    const values = Float64Array.of(1, 2, 3.5);
    await expect(client.send('sum', { values })).resolves.toEqual({ total: 6.5, received: 24 });
  });

  it('transfers typed arrays to the worker: the sender keeps an empty (detached) buffer', async () => {
    const client = make();
    const values = new Float64Array(1000).fill(1);
    const answer = client.send('sum', { values });
    expect(values.byteLength).toBe(0);
    expect((await answer).received).toBe(8000);
  });

  it('transfers typed arrays back: the worker side is detached, the app gets the data', async () => {
    const client = make();
    const progress: (number | null)[] = [];
    const { out } = await client.send('double', { n: 1000 }, { onProgress: (v) => progress.push(v) });
    expect(out).toBeInstanceOf(Float32Array);
    expect(out[999]).toBe(1998);
    expect(kept!.byteLength).toBe(0);
    expect(progress).toEqual([0.5]);
  });

  it('rejects with AbortError at once when aborted, and tells the worker', async () => {
    const client = make();
    const controller = new AbortController();
    sawAbort = false;
    const answer = client.send('wait', { ms: 50 }, { signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.inFlight).toBe(0);
    await vi.waitFor(() => expect(sawAbort).toBe(true));
    await expect(
      client.send('sum', { values: Float64Array.of(2) }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('delivers an early answer through onPartial before the final one', async () => {
    const client = make();
    const seen: unknown[] = [];
    const final = await client.send('early', { n: 1 }, { onPartial: (p) => seen.push(p) });
    expect(seen).toEqual([{ n: 1, final: false }]);
    expect(final).toEqual({ n: 2, final: true });
    expect(client.inFlight).toBe(0);
  });

  it('keeps the error name of a failed request', async () => {
    const client = make();
    await expect(client.send('fail', { name: 'ImportFileError' })).rejects.toMatchObject({
      name: 'ImportFileError',
      message: 'bad input in row 3',
    });
  });

  it('restarts a stuck worker, rejects what was in flight and says so', async () => {
    const onRestart = vi.fn();
    const made: FakeWorker[] = [];
    const client = make({ timeoutMs: 40, onRestart }, made);
    await expect(client.send('never', {})).rejects.toBeInstanceOf(WorkerRestartedError);
    expect(onRestart).toHaveBeenCalledWith('stuck', expect.stringContaining('40 ms'));
    expect(made).toHaveLength(2);
    expect(made[0]!.terminated).toBe(true);
    await expect(client.send('sum', { values: Float64Array.of(4) })).resolves.toMatchObject({ total: 4 });
  });

  it('restarts a crashed worker and carries on', async () => {
    const onRestart = vi.fn();
    const made: FakeWorker[] = [];
    const client = make({ onRestart }, made);
    const answer = client.send('never', {});
    made[0]!.crash('out of memory');
    await expect(answer).rejects.toMatchObject({ name: 'WorkerRestartedError', reason: 'crash' });
    expect(onRestart).toHaveBeenCalledWith('crash', 'out of memory');
    await expect(client.send('sum', { values: Float64Array.of(1) })).resolves.toMatchObject({ total: 1 });
  });

  it('a cancel stops sliced work at its next checkpoint and keeps the worker', async () => {
    const onRestart = vi.fn();
    const made: FakeWorker[] = [];
    const client = make({ onRestart }, made);
    const controller = new AbortController();
    const started = performance.now();
    const answer = client.send('slices', { n: 5000 }, { signal: controller.signal, cancelGraceMs: 200 });
    setTimeout(() => controller.abort(), 30);
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(client.send('sum', { values: Float64Array.of(2, 3) })).resolves.toMatchObject({ total: 5 });
    // The sliced work sees the cancel at its next checkpoint, which may come after the next answer.
    await vi.waitFor(() => expect(sliced.ended).toBe('AbortError'), { timeout: 150 });
    expect(sliced.done).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the grace period
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    expect(onRestart).not.toHaveBeenCalled();
  });

  it('a cancel that the work does not heed within the grace period replaces the worker', async () => {
    const onRestart = vi.fn();
    const made: FakeWorker[] = [];
    const client = make({ onRestart }, made);
    const controller = new AbortController();
    const answer = client.send('never', {}, { signal: controller.signal, cancelGraceMs: 20 });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0]!.terminated).toBe(false); // asked to stop first
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(made[0]!.terminated).toBe(true);
    expect(onRestart).toHaveBeenCalledWith('cancel', 'never');
  });
});
