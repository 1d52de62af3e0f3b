/** Coverage: per-estate reach, capacity-aware allocation (2SFCA), service areas and underserved zones. */
export { computeCoverage } from './compute-coverage';
export { createCoverageSession, type CoverageSession } from './coverage-session';
export { underservedZones } from './underserved-zones';
export * from './types';
