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
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
}

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
    const ctx: HandlerContext = {
      progress: (value, phase) =>
        post({ id: msg.id, kind: 'progress', value, ...(phase === undefined ? {} : { phase }) }),
      signal: controller.signal,
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
