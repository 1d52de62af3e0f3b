/** Runs the worker host and the client over a real MessageChannel, in Node, without a Worker. */
import { serve, type Handler } from '../../src/worker/host';
import type { WorkerLike } from '../../src/worker/client';

export interface FakeWorker extends WorkerLike {
  /** Simulates an uncaught exception inside the worker. */
  crash(message: string): void;
  terminated: boolean;
}

/** A factory for the client: each call makes a fresh channel served by `handlers`. */
export function fakeWorkerFactory(handlers: Record<string, Handler>, made: FakeWorker[] = []) {
  return (): FakeWorker => {
    const channel = new MessageChannel();
    const errors = new EventTarget();
    serve(channel.port2 as unknown as WorkerLike, handlers);
    channel.port1.start();
    channel.port2.start();
    const worker: FakeWorker = {
      terminated: false,
      postMessage: (message, transfer) => channel.port1.postMessage(message, transfer),
      addEventListener: ((type: string, listener: (event: Event) => void) => {
        if (type === 'message')
          channel.port1.addEventListener('message', listener as (e: MessageEvent) => void);
        else errors.addEventListener(type, listener);
      }) as WorkerLike['addEventListener'],
      terminate: () => {
        worker.terminated = true;
        channel.port1.close();
        channel.port2.close();
      },
      crash: (message) => errors.dispatchEvent(Object.assign(new Event('error'), { message })),
    };
    made.push(worker);
    return worker;
  };
}
