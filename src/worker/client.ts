/**
 * The app side of the worker protocol: `send(type, data, { signal })` returns a typed promise
 * (MapLibre actor_messages style). Aborting rejects with an `AbortError` at once, never leaving a
 * promise pending. A crashed worker, or one silent for longer than its timeout, is terminated and
 * replaced; every request in flight rejects with WorkerRestartedError and `onRestart` tells the app,
 * which re-sends its state (the scenario lives in the store, so nothing is lost).
 */
import type { Endpoint, FromWorker, ToWorker } from './messages';
import { collectTransferables } from './transfer';

/** A Worker, or anything shaped like one (tests wrap a MessagePort). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent | Event) => void): void;
}

export type RequestMapShape = Record<string, [unknown, unknown]>;
export type RestartReason = 'crash' | 'stuck' | 'cancel';

export class WorkerRestartedError extends Error {
  override name = 'WorkerRestartedError';
  constructor(
    readonly reason: RestartReason,
    message: string,
  ) {
    super(message);
  }
}

/** Progress of a request: 0–1 or null (indeterminate), and the phase the worker named, if any. */
export type ProgressListener = (value: number | null, phase?: string) => void;

export interface SendOptions<R = unknown> {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** An answer the worker sent ahead of the final one (also counts as a sign of life). */
  onPartial?: (data: R) => void;
  /** Silence (no result, no progress) longer than this means the worker is stuck. */
  timeoutMs?: number;
  /**
   * The user's Cancel of long work: the worker is asked to stop (its long work checks between slices,
   * and a shared flag inside the core's loops) and keeps its state; if the cancelled request has not
   * ended within this many ms, the worker is replaced (its state is re-sent). Without it an abort
   * only drops the answer.
   */
  cancelGraceMs?: number;
}

/** A shared cancel flag for a request, where SharedArrayBuffer is available (cross-origin isolated pages, Node). */
function abortFlag(): Int32Array | undefined {
  if (typeof SharedArrayBuffer === 'undefined') return undefined;
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false) return undefined;
  return new Int32Array(new SharedArrayBuffer(4));
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressListener;
  onPartial?: (data: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  timeoutMs: number;
  unlisten(): void;
}

export interface ClientOptions {
  /** Default silence limit per request, ms. */
  timeoutMs?: number;
  onRestart?: (reason: RestartReason, detail: string) => void;
}

export const abortError = (): DOMException => new DOMException('The request was cancelled', 'AbortError');

export class AnalysisClient<M extends RequestMapShape> {
  private worker: WorkerLike;
  private readonly pending = new Map<number, Pending>();
  /** Cancelled requests still running in the worker: their grace timers. */
  private readonly stopping = new Map<number, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  constructor(
    private readonly factory: () => WorkerLike,
    private readonly options: ClientOptions = {},
  ) {
    this.worker = this.start();
  }

  /**
   * Sends one request.
   * @param type request type, a key of the request map
   * @param data its payload; typed arrays in it are transferred (the sender's copies become empty)
   * @param options abort signal, progress callback, timeout
   * @returns the typed response
   */
  send<T extends keyof M & string>(
    type: T,
    data: M[T][0],
    options: SendOptions<M[T][1]> = {},
  ): Promise<M[T][1]> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    const flag = options.cancelGraceMs === undefined ? undefined : abortFlag();
    return new Promise<M[T][1]>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.has(id)) return;
        this.settle(id);
        reject(abortError());
        if (flag) Atomics.store(flag, 0, 1);
        this.post({ id, type: '$abort' }, []);
        const grace = options.cancelGraceMs;
        if (grace === undefined) return;
        this.stopping.set(
          id,
          setTimeout(() => {
            if (this.stopping.delete(id)) this.restart('cancel', type);
          }, grace),
        );
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const entry: Pending = {
        resolve: resolve as (v: unknown) => void,
        reject,
        timer: undefined,
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? 60_000,
        unlisten: () => signal?.removeEventListener('abort', onAbort),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.onPartial ? { onPartial: options.onPartial as (data: unknown) => void } : {}),
      };
      this.pending.set(id, entry);
      this.arm(id, entry);
      this.post({ id, type, data, ...(flag ? { abortFlag: flag } : {}) }, collectTransferables(data));
    });
  }

  /** Number of requests awaiting an answer. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Stops the worker; pending requests reject. */
  terminate(): void {
    for (const timer of this.stopping.values()) clearTimeout(timer);
    this.stopping.clear();
    this.worker.terminate();
    this.rejectAll(new WorkerRestartedError('cancel', 'terminated'));
  }

  /** Replaces the worker (crash, stuck, or a hard cancel). */
  restart(reason: RestartReason, detail: string): void {
    for (const timer of this.stopping.values()) clearTimeout(timer);
    this.stopping.clear();
    this.worker.terminate();
    this.rejectAll(new WorkerRestartedError(reason, detail));
    this.worker = this.start();
    this.options.onRestart?.(reason, detail);
  }

  private start(): WorkerLike {
    const worker = this.factory();
    worker.addEventListener('message', (event: MessageEvent) => {
      if (worker === this.worker) this.receive(event.data as FromWorker);
    });
    worker.addEventListener('error', (event: ErrorEvent | Event) => {
      if (worker !== this.worker) return;
      if ('preventDefault' in event) event.preventDefault();
      this.restart('crash', 'message' in event ? String(event.message) : 'worker error');
    });
    return worker;
  }

  private post(message: ToWorker, transfer: Transferable[]): void {
    this.worker.postMessage(message, transfer);
  }

  private arm(id: number, entry: Pending): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (this.pending.get(id) === entry) this.restart('stuck', `no answer for ${entry.timeoutMs} ms`);
    }, entry.timeoutMs);
  }

  private receive(msg: FromWorker): void {
    if (msg.kind !== 'progress' && msg.kind !== 'partial' && this.stopping.has(msg.id)) {
      clearTimeout(this.stopping.get(msg.id));
      this.stopping.delete(msg.id); // the cancelled work ended: the worker is free again
    }
    const entry = this.pending.get(msg.id);
    if (!entry) return; // aborted or from before a restart
    if (msg.kind === 'progress') {
      this.arm(msg.id, entry);
      entry.onProgress?.(msg.value, msg.phase);
      return;
    }
    if (msg.kind === 'partial') {
      this.arm(msg.id, entry);
      entry.onPartial?.(msg.data);
      return;
    }
    this.settle(msg.id);
    if (msg.kind === 'result') entry.resolve(msg.data);
    else entry.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
  }

  private settle(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.unlisten();
    this.pending.delete(id);
  }

  private rejectAll(error: Error): void {
    for (const [id, entry] of [...this.pending]) {
      this.settle(id);
      entry.reject(error);
    }
  }
}
