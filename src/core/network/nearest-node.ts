import type KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineM } from './haversine';

const RAD = Math.PI / 180;

const hav = (theta: number): number => {
  const s = Math.sin(theta / 2);
  return s * s;
};

/** A kd-tree cell waiting in the queue: its items [left, right], split axis and lon/lat box. */
interface Entry {
  key: number;
  left: number;
  right: number;
  axis: number;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Lower bound of the haversine term from the query to any point of a lon/lat box (geokdbush). */
function boxKey(lng: number, lat: number, cosLat: number, e: Entry): number {
  if (lng >= e.minLng && lng <= e.maxLng) {
    if (lat < e.minLat) return hav((lat - e.minLat) * RAD);
    if (lat > e.maxLat) return hav((lat - e.maxLat) * RAD);
    return 0;
  }
  const havDLng = Math.min(hav((lng - e.minLng) * RAD), hav((lng - e.maxLng) * RAD));
  const partial = (lat2: number) => cosLat * Math.cos(lat2 * RAD) * havDLng + hav((lat - lat2) * RAD);
  const cosDLng = 1 - 2 * havDLng;
  const extremum = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  if (extremum > e.minLat && extremum < e.maxLat) return partial(extremum);
  return Math.min(partial(e.minLat), partial(e.maxLat));
}

function push(queue: Entry[], entry: Entry): void {
  let i = queue.length;
  queue.push(entry);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const other = queue[parent] as Entry;
    if (other.key <= entry.key) break;
    queue[i] = other;
    i = parent;
  }
  queue[i] = entry;
}

function pop(queue: Entry[]): Entry {
  const top = queue[0] as Entry;
  const last = queue.pop() as Entry;
  if (queue.length === 0) return top;
  let i = 0;
  const half = queue.length >> 1;
  while (i < half) {
    let child = 2 * i + 1;
    if (child + 1 < queue.length && (queue[child + 1] as Entry).key < (queue[child] as Entry).key) child++;
    if ((queue[child] as Entry).key >= last.key) break;
    queue[i] = queue[child] as Entry;
    i = child;
  }
  queue[i] = last;
  return top;
}

/** First radius of the box search; it grows ×4 (most points lie within tens of metres of a street). */
const FIRST_RADIUS_M = 64;
/** Beyond this the box search hands over to the best-first walk (a wide box holds too many points). */
const BOX_SEARCH_MAX_M = 256;

/**
 * The nearest point within a growing box: every point within r metres (haversine) lies inside the
 * lon/lat box of half-sides r/R and the Δλ bound below, so once the best point found is within r no
 * point outside the box can be nearer (or as near). Null when the box search does not apply.
 */
function boxNearest(
  index: KDBush,
  coordsOf: ArrayLike<number>,
  lng: number,
  lat: number,
  maxDistanceM: number,
): { id: number; distanceM: number } | null {
  let r = Math.min(FIRST_RADIUS_M, maxDistanceM);
  for (;;) {
    if (r > BOX_SEARCH_MAX_M) return null;
    const dLat = (r / EARTH_RADIUS_M / RAD) * (1 + 1e-9) + 1e-12;
    const farLat = Math.min(90, Math.abs(lat) + dLat);
    // hav(d/R) ≥ cos φ1 cos φ2 hav(Δλ): the widest Δλ at which a point can still be within r.
    const bound = hav(r / EARTH_RADIUS_M) / (Math.cos(lat * RAD) * Math.cos(farLat * RAD));
    if (!(bound < 0.25)) return null;
    const dLng = ((2 * Math.asin(Math.sqrt(bound))) / RAD) * (1 + 1e-9) + 1e-12;
    const found = index.range(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
    let bestId = -1;
    let bestM = Infinity;
    for (let k = 0; k < found.length; k++) {
      const id = found[k] as number;
      const d = haversineM(lng, lat, coordsOf[2 * id] as number, coordsOf[2 * id + 1] as number);
      if (d < bestM || (d === bestM && id < bestId)) {
        bestM = d;
        bestId = id;
      }
    }
    if (bestId >= 0 && bestM <= r) return { id: bestId, distanceM: bestM };
    if (r >= maxDistanceM) return { id: -1, distanceM: Infinity };
    r = Math.min(maxDistanceM, r * 4);
  }
}

/**
 * Nearest point of a kdbush index of [lng, lat] points by haversine distance, with exact ties going
 * to the lowest id. With the points' coordinates by id (`coordsOf`), a growing box search answers
 * first (most queries lie near a point); otherwise, or beyond 256 m, a best-first walk of the kd-tree whose cells are ordered by a great-circle lower
 * bound (the `around` search of mourner/geokdbush, ISC), stopping once every remaining cell is
 * farther than the best point found.
 * @param index kdbush index whose item ids are the node indices
 * @param lng query longitude
 * @param lat query latitude
 * @param maxDistanceM ignore points farther than this
 * @param coordsOf [lng0, lat0, lng1, lat1, …] of the indexed points by id (enables the box search)
 * @returns the nearest id and its distance in metres, or id -1 when none is within maxDistanceM
 * @example nearestIndexedPoint(index, 121.47, 31.23, 500) // { id: 812, distanceM: 23.4 }
 */
export function nearestIndexedPoint(
  index: KDBush,
  lng: number,
  lat: number,
  maxDistanceM: number,
  coordsOf?: ArrayLike<number>,
): { id: number; distanceM: number } {
  const boxed = coordsOf === undefined ? null : boxNearest(index, coordsOf, lng, lat, maxDistanceM);
  if (boxed !== null) return boxed;
  const { ids, coords, nodeSize } = index;
  const cosLat = Math.cos(lat * RAD);
  let bestId = -1;
  let bestM = maxDistanceM;
  // Cells are expanded while their bound could still hold a point at the best distance; the
  // relative slack absorbs rounding differences between the bound and haversineM.
  const limit = () =>
    Math.min(1, hav(Math.min(bestM, Math.PI * EARTH_RADIUS_M) / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-300;
  let keyLimit = limit();
  const queue: Entry[] = [];
  const consider = (i: number) => {
    const id = ids[i] as number;
    const d = haversineM(lng, lat, coords[2 * i] as number, coords[2 * i + 1] as number);
    if (d < bestM || (d === bestM && (bestId < 0 || id < bestId))) {
      bestM = d;
      bestId = id;
      keyLimit = limit();
    }
  };
  let cell: Entry | undefined = {
    key: 0,
    left: 0,
    right: ids.length - 1,
    axis: 0,
    minLng: -180,
    minLat: -90,
    maxLng: 180,
    maxLat: 90,
  };
  while (cell !== undefined && cell.key <= keyLimit) {
    if (cell.right - cell.left <= nodeSize) {
      for (let i = cell.left; i <= cell.right; i++) consider(i);
    } else {
      const m = (cell.left + cell.right) >> 1;
      const midLng = coords[2 * m] as number;
      const midLat = coords[2 * m + 1] as number;
      consider(m);
      const axis = 1 - cell.axis;
      const low: Entry = { ...cell, key: 0, right: m - 1, axis };
      const high: Entry = { ...cell, key: 0, left: m + 1, axis };
      if (cell.axis === 0) {
        low.maxLng = midLng;
        high.minLng = midLng;
      } else {
        low.maxLat = midLat;
        high.minLat = midLat;
      }
      low.key = boxKey(lng, lat, cosLat, low);
      high.key = boxKey(lng, lat, cosLat, high);
      if (low.left <= low.right) push(queue, low);
      if (high.left <= high.right) push(queue, high);
    }
    cell = queue.length > 0 ? pop(queue) : undefined;
  }
  return bestId < 0 ? { id: -1, distanceM: Infinity } : { id: bestId, distanceM: bestM };
}
