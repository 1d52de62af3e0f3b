/** The analysis Web Worker: serves the request map of protocol.ts with the core's functions. */
import { createHandlers } from './handlers';
import { serve } from './host';
import type { Endpoint } from './messages';

serve(self as unknown as Endpoint, createHandlers());
