/** Coverage: per-estate reach, capacity-aware allocation (2SFCA), service areas and underserved zones. */
export { computeCoverage } from './compute-coverage';
export { createCoverageSession, type CoverageSession } from './coverage-session';
export { underservedZones } from './underserved-zones';
export {
  createUnderservedZoneTracker,
  type UnderservedZoneFeature,
  type UnderservedZonePatch,
  type UnderservedZoneTracker,
} from './underserved-zone-tracker';
export { serviceAreaGeometry, serviceAreaPolygons, type ServiceAreaOptions } from './service-area-polygons';
export { straightLineServiceAreaGeometry, straightLineServiceAreas } from './straight-line-service-areas';
export { type FlatServiceAreas } from './flat-service-areas';
export { serviceAreasToGeoJSON } from './service-areas-to-geojson';
export { serviceAreaStyle } from './service-area-style';
export * from './types';
export { coverageOptionsForKind } from './coverage-options-for-kind';
export { type ServingFacility } from './served-by';
