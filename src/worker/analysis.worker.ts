/** The analysis Web Worker: serves the request map of protocol.ts with the core's functions. */
import { createHandlers } from './handlers';
import { serve } from './host';
import type { Endpoint } from './messages';
import { TEST_HOOKS_WORKER_NAME } from './protocol';
import { testHookHandlers } from './test-hooks';

const scope = self as unknown as Endpoint & { name?: string };
const handlers = createHandlers();
serve(scope, scope.name === TEST_HOOKS_WORKER_NAME ? { ...handlers, ...testHookHandlers() } : handlers);
