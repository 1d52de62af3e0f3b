import gcoord from 'gcoord';
import { lngLat, type LngLat, type LngLatBd09, type LngLatGcj02 } from '../geo/units';

/**
 * BD-09 (Baidu; Beike / Lianjia crawls) → WGS-84.
 * @param point BD-09 longitude, latitude
 * @returns WGS-84 longitude, latitude
 * @example bd09ToWgs84(lngLatBd09(121.452047, 31.259769)) // ≈ [121.44102, 31.25528]
 */
export function bd09ToWgs84(point: LngLatBd09): LngLat {
  const [lng, lat] = gcoord.transform([point[0], point[1]], gcoord.BD09, gcoord.WGS84);
  return lngLat(lng, lat);
}

/**
 * GCJ-02 (AMap, Tencent, DataV) → WGS-84.
 * @param point GCJ-02 longitude, latitude
 * @returns WGS-84 longitude, latitude
 */
export function gcj02ToWgs84(point: LngLatGcj02): LngLat {
  const [lng, lat] = gcoord.transform([point[0], point[1]], gcoord.GCJ02, gcoord.WGS84);
  return lngLat(lng, lat);
}
