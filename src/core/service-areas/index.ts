/** Service areas: the 5/10/15-minute walking areas of facilities, along the streets or straight-line. */
export { serviceAreaGeometry, serviceAreaPolygons, type ServiceAreaOptions } from './service-area-polygons';
export { straightLineServiceAreaGeometry, straightLineServiceAreas } from './straight-line-service-areas';
export { type FlatServiceAreas } from './flat-service-areas';
export { serviceAreasToGeoJSON } from './service-areas-to-geojson';
export { serviceAreaStyle } from './service-area-style';
