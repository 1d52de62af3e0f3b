/** The core's public API: the only import path for the worker and the CLI. */
export * from './model';
export * from './geo/units';
export * from './crs';
export * from './io';
export * from './rules';
export * from './network';
export * from './coverage';
export * from './service-areas';
export * from './underserved';
export * from './report';
export * from './siting';
export * from './publish';
