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
  fail: [{ name: string }, never];
};

let kept: Float32Array | null = null;
let sawAbort = false;
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

  it('a hard cancel replaces the worker so long work really stops', async () => {
    const onRestart = vi.fn();
    const made: FakeWorker[] = [];
    const client = make({ onRestart }, made);
    const controller = new AbortController();
    const answer = client.send('never', {}, { signal: controller.signal, hardCancel: true });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0]!.terminated).toBe(true);
    expect(onRestart).toHaveBeenCalledWith('cancel', 'never');
  });
});
