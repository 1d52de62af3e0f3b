/** Coverage: per-estate reach, capacity-aware allocation (2SFCA), service areas and underserved zones. */
export { computeCoverage } from './compute-coverage';
export { createCoverageSession, type CoverageSession } from './coverage-session';
export { underservedZones } from './underserved-zones';
export { serviceAreaPolygons, type ServiceAreaOptions } from './service-area-polygons';
export { straightLineServiceAreas } from './straight-line-service-areas';
export { serviceAreaStyle } from './service-area-style';
export * from './types';
export { coverageOptionsForKind } from './coverage-options-for-kind';
