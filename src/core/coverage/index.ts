/** Coverage: per-estate reach of the nearest facility, catchments and capacity-aware allocation (2SFCA). */
export { computeCoverage } from './compute-coverage';
export { createCoverageSession, type CoverageSession } from './coverage-session';
export * from './types';
export { coverageOptionsForKind } from './coverage-options-for-kind';
export { type ServingFacility } from './served-by';
export { DEFAULT_MAX_SNAP_M } from './resolve-options';
