/** The envelope of every message between the app and its analysis worker. */

/** What can carry messages: a Worker, the worker's global scope, or a MessagePort in tests. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (event: MessageEvent) => void): void;
}

export type ToWorker =
  | {
      id: number;
      type: string;
      data: unknown;
      /** Set to 1 by the client on cancel (an Int32Array on a SharedArrayBuffer, where available). */
      abortFlag?: Int32Array;
    }
  | { id: number; type: '$abort' };

/** A serialisable error: its name survives (e.g. `AbortError`, `ImportFileError`). */
export interface WireError {
  name: string;
  message: string;
}

export type FromWorker =
  | { id: number; kind: 'result'; data: unknown }
  | { id: number; kind: 'error'; error: WireError }
  | { id: number; kind: 'progress'; value: number | null; phase?: string }
  /** An answer before the final one (e.g. siting's first heuristic proposal); the request goes on. */
  | { id: number; kind: 'partial'; data: unknown };
