/**
 * Requests only the browser tests send (the worker named `TEST_HOOKS_WORKER_NAME`); kept out of the
 * production handlers so no page can crash its worker on request.
 */
import type { Handler } from './host';

export function testHookHandlers(): Record<string, Handler> {
  return {
    /** Throws inside the worker as an uncaught error would (the page must restart it). */
    'debug/crash': () => {
      setTimeout(() => {
        throw new Error('debug crash');
      });
      return new Promise<never>(() => undefined);
    },
  };
}
