/** The core's public API: the only import path for the worker and the CLI. */
export * from './model';
export * from './geo/units';
