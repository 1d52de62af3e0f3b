import type { LngLat } from '../geo/units';
import { CrsError, type CrsId } from './crs-id';
import { convertCoordinate } from './convert-coordinate';

/**
 * Convert one coordinate pair to WGS-84 after the plausibility checks of convertCoordinate.
 * For many points prefer convertCoordinate, which reports problems without throwing.
 * @param x longitude (degrees) or easting (metres) in `crs`
 * @param y latitude or northing in `crs`
 * @param crs the source coordinate system
 * @returns WGS-84 longitude, latitude
 * @throws CrsError when the pair is swapped, out of range, outside China or in the wrong units
 * @example toWgs84(121.452047, 31.259769, 'bd09') // ≈ [121.44102, 31.25528]
 */
export function toWgs84(x: number, y: number, crs: CrsId): LngLat {
  const result = convertCoordinate(x, y, crs);
  if (result.problem) throw new CrsError(result.problem.message, result.problem.messageZh);
  return result.point;
}
