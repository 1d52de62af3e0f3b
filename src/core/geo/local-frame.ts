import { EARTH_RADIUS_M } from '../network/haversine';

const RAD = Math.PI / 180;

/**
 * An equirectangular local metric frame around (lng0, lat0): x east and y north in metres. Over the few
 * kilometres of a service area or an estates' grid its scale error is well under 0.1 % (cos φ varies by
 * about 1e-4 per kilometre of latitude at 31° N), far below the raster cell sizes it is used with.
 */
export interface LocalFrame {
  lng0: number;
  lat0: number;
  /** Metres per degree of longitude / latitude. */
  mPerLng: number;
  mPerLat: number;
}

/**
 * @param lng0 origin longitude, degrees
 * @param lat0 origin latitude, degrees (sets the longitude scale)
 * @returns the frame
 * @example const f = localFrame(121.47, 31.23); (121.48 - f.lng0) * f.mPerLng // ≈ 951 m
 */
export function localFrame(lng0: number, lat0: number): LocalFrame {
  const mPerLat = EARTH_RADIUS_M * RAD;
  return { lng0, lat0, mPerLng: mPerLat * Math.cos(lat0 * RAD), mPerLat };
}
