/**
 * The worker side of the protocol: dispatches requests to handlers, reports progress, transfers
 * typed arrays in results, and turns exceptions into messages (a request never goes unanswered).
 */
import type { Endpoint, FromWorker, ToWorker } from './messages';
import { collectTransferables } from './transfer';

export interface HandlerContext {
  /**
   * Reports progress 0–1 (null = indeterminate) and optionally the phase (e.g. the core's 'read',
   * 'build', 'rows'); also tells the client the worker is alive. Callers report at a bounded rate
   * (the core's taskProgress: 1 % steps), as each call is one message.
   */
  progress(value: number | null, phase?: string): void;
  /** Aborted when the client cancels the request (heard while the handler awaits). */
  signal: AbortSignal;
  /**
   * A slice boundary of long work: lets the worker read its messages (a cancel among them), then
   * throws an AbortError if the request was cancelled.
   */
  checkpoint(): Promise<void>;
  /** Sends an answer ahead of the final one (the client's `onPartial`); typed arrays in it are transferred. */
  partial(data: unknown): void;
}

/** The error a cancelled request ends with (its name crosses the boundary). */
export const cancelled = (): Error =>
  Object.assign(new Error('The request was cancelled'), { name: 'AbortError' });

/** One turn of the event loop (a message, e.g. `$abort`, is handled before it resolves). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export type Handler = (data: never, ctx: HandlerContext) => unknown;

/**
 * Serves requests arriving on `endpoint`.
 * @param endpoint the worker global scope (or a MessagePort in tests)
 * @param handlers request type → handler
 * @returns a function that stops serving
 */
export function serve(endpoint: Endpoint, handlers: Record<string, Handler>): () => void {
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker, transfer: Transferable[] = []) =>
    endpoint.postMessage(message, transfer);
  const listener = (event: MessageEvent) => {
    const msg = event.data as ToWorker;
    if (msg.type === '$abort') {
      running.get(msg.id)?.abort();
      return;
    }
    const handler = handlers[msg.type];
    const controller = new AbortController();
    running.set(msg.id, controller);
    // The client's shared cancel flag (where SharedArrayBuffer exists) is seen even inside a synchronous
    // core loop: the core reports progress from its loops, and a report after a cancel throws.
    const flag = (msg as { abortFlag?: Int32Array }).abortFlag;
    const aborted = () => controller.signal.aborted || (flag !== undefined && Atomics.load(flag, 0) !== 0);
    const ctx: HandlerContext = {
      progress: (value, phase) => {
        if (aborted()) throw cancelled();
        post({ id: msg.id, kind: 'progress', value, ...(phase === undefined ? {} : { phase }) });
      },
      signal: controller.signal,
      partial: (data) => {
        if (aborted()) throw cancelled();
        post({ id: msg.id, kind: 'partial', data }, collectTransferables(data));
      },
      checkpoint: async () => {
        await nextTurn();
        if (aborted()) throw cancelled();
      },
    };
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`Unknown request type "${msg.type}"`);
        return handler((msg as { data?: unknown }).data as never, ctx);
      })
      .then(
        (data) => post({ id: msg.id, kind: 'result', data }, collectTransferables(data)),
        (error: unknown) => {
          const e = error instanceof Error ? error : new Error(String(error));
          post({ id: msg.id, kind: 'error', error: { name: e.name, message: e.message } });
        },
      )
      .finally(() => running.delete(msg.id));
  };
  endpoint.addEventListener('message', listener);
  return () => endpoint.removeEventListener?.('message', listener);
}
