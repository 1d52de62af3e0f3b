import type KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineM } from './haversine';

const RAD = Math.PI / 180;

const hav = (theta: number): number => {
  const s = Math.sin(theta / 2);
  return s * s;
};

/** Fields of one kd-tree cell in the scratch pool (stride CELL): its items [left, right], split axis, box. */
const CELL = 7;
const C_LEFT = 0;
const C_RIGHT = 1;
const C_AXIS = 2;
const C_MIN_LNG = 3;
const C_MIN_LAT = 4;
const C_MAX_LNG = 5;
const C_MAX_LAT = 6;

/**
 * Reused scratch of the best-first walk: cells in a flat pool, a binary heap of cell slots ordered by
 * their key. One walk runs at a time (the core is single-threaded), so no query allocates.
 */
const scratch = {
  cells: new Float64Array(CELL * 256),
  keys: new Float64Array(256),
  heap: new Int32Array(256),
};

/** Makes room for `slots` cells. */
function reserve(slots: number): void {
  if (slots <= scratch.keys.length) return;
  const size = Math.max(slots, 2 * scratch.keys.length);
  const cells = new Float64Array(CELL * size);
  cells.set(scratch.cells);
  const keys = new Float64Array(size);
  keys.set(scratch.keys);
  const heap = new Int32Array(size);
  heap.set(scratch.heap);
  scratch.cells = cells;
  scratch.keys = keys;
  scratch.heap = heap;
}

/** Lower bound of the haversine term from the query to any point of cell `c`'s lon/lat box (geokdbush). */
function boxKey(lng: number, lat: number, cosLat: number, c: number): number {
  const cells = scratch.cells;
  const o = c * CELL;
  const minLng = cells[o + C_MIN_LNG]!;
  const minLat = cells[o + C_MIN_LAT]!;
  const maxLng = cells[o + C_MAX_LNG]!;
  const maxLat = cells[o + C_MAX_LAT]!;
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return hav((lat - minLat) * RAD);
    if (lat > maxLat) return hav((lat - maxLat) * RAD);
    return 0;
  }
  const havDLng = Math.min(hav((lng - minLng) * RAD), hav((lng - maxLng) * RAD));
  const cosDLng = 1 - 2 * havDLng;
  const extremum = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  if (extremum > minLat && extremum < maxLat) {
    return cosLat * Math.cos(extremum * RAD) * havDLng + hav((lat - extremum) * RAD);
  }
  return Math.min(
    cosLat * Math.cos(minLat * RAD) * havDLng + hav((lat - minLat) * RAD),
    cosLat * Math.cos(maxLat * RAD) * havDLng + hav((lat - maxLat) * RAD),
  );
}

/** Pushes cell slot `c` onto the heap of `size` entries; returns the new size. */
function push(c: number, size: number): number {
  const { heap, keys } = scratch;
  const key = keys[c]!;
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const other = heap[parent]!;
    if (keys[other]! <= key) break;
    heap[i] = other;
    i = parent;
  }
  heap[i] = c;
  return size + 1;
}

/** Removes the heap's top (read it as heap[0] before); returns the new size. */
function pop(size: number): number {
  const { heap, keys } = scratch;
  const last = heap[size - 1]!;
  const n = size - 1;
  if (n === 0) return 0;
  const lastKey = keys[last]!;
  let i = 0;
  const half = n >> 1;
  while (i < half) {
    let child = 2 * i + 1;
    if (child + 1 < n && keys[heap[child + 1]!]! < keys[heap[child]!]!) child++;
    if (keys[heap[child]!]! >= lastKey) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return n;
}

/** Writes a child of cell `parent` into slot `c` with items [left, right] and the split applied. */
function childCell(parent: number, c: number, left: number, right: number, low: boolean, mid: number): void {
  const cells = scratch.cells;
  const p = parent * CELL;
  const o = c * CELL;
  const axis = cells[p + C_AXIS]!;
  cells.copyWithin(o, p, p + CELL);
  cells[o + C_LEFT] = left;
  cells[o + C_RIGHT] = right;
  cells[o + C_AXIS] = 1 - axis;
  if (axis === 0) cells[o + (low ? C_MAX_LNG : C_MIN_LNG)] = mid;
  else cells[o + (low ? C_MAX_LAT : C_MIN_LAT)] = mid;
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
  const limitOf = (m: number): number =>
    Math.min(1, hav(Math.min(m, Math.PI * EARTH_RADIUS_M) / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-300;
  let keyLimit = limitOf(bestM);
  // Slot 0 is the root; each expansion adds two slots, so a walk needs at most 2 × cells + 1.
  reserve(Math.min(2 * ids.length + 1, 4096));
  let used = 1;
  let size = 0;
  let cell = 0;
  const root = scratch.cells;
  root.set([0, ids.length - 1, 0, -180, -90, 180, 90], 0);
  scratch.keys[0] = 0;
  for (;;) {
    const cells = scratch.cells;
    const left = cells[cell * CELL + C_LEFT]!;
    const right = cells[cell * CELL + C_RIGHT]!;
    const m = right - left <= nodeSize ? -1 : (left + right) >> 1;
    const from = m < 0 ? left : m;
    const to = m < 0 ? right : m;
    for (let i = from; i <= to; i++) {
      const id = ids[i]!;
      const d = haversineM(lng, lat, coords[2 * i]!, coords[2 * i + 1]!);
      if (d < bestM || (d === bestM && (bestId < 0 || id < bestId))) {
        bestM = d;
        bestId = id;
        keyLimit = limitOf(bestM);
      }
    }
    if (m >= 0) {
      reserve(used + 2);
      const mid = cells[cell * CELL + C_AXIS] === 0 ? coords[2 * m]! : coords[2 * m + 1]!;
      if (left <= m - 1) {
        childCell(cell, used, left, m - 1, true, mid);
        scratch.keys[used] = boxKey(lng, lat, cosLat, used);
        size = push(used++, size);
      }
      if (m + 1 <= right) {
        childCell(cell, used, m + 1, right, false, mid);
        scratch.keys[used] = boxKey(lng, lat, cosLat, used);
        size = push(used++, size);
      }
    }
    if (size === 0) break;
    cell = scratch.heap[0]!;
    size = pop(size);
    if (scratch.keys[cell]! > keyLimit) break;
  }
  return bestId < 0 ? { id: -1, distanceM: Infinity } : { id: bestId, distanceM: bestM };
}
