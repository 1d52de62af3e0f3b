/**
 * Mean Earth radius R1 = (2a + b) / 3 of GRS 80 / WGS-84 in metres (IUGG; Moritz, "Geodetic Reference
 * System 1980", Bulletin Géodésique 54, 1980). Issue #3 fixes it for every edge length and snap distance.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two WGS-84 points by the haversine formula.
 * @param lng1 longitude of the first point, degrees
 * @param lat1 latitude of the first point, degrees
 * @param lng2 longitude of the second point, degrees
 * @param lat2 latitude of the second point, degrees
 * @returns the distance in metres (R = 6,371,008.8 m)
 * @example haversineM(121.47, 31.23, 121.48, 31.23) // ≈ 951.6
 */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinDLat = Math.sin((lat2 - lat1) * RAD * 0.5);
  const sinDLng = Math.sin((lng2 - lng1) * RAD * 0.5);
  const a = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLng * sinDLng;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, a)));
}
