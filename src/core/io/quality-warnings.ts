import KDBush from 'kdbush';
import type { LngLat } from '../geo/units';
import type { ImportWarning } from '../model/diagnostics';
import { warning, type MessageContext } from './diagnostic';
import { repeatedKeys } from './repeated-keys';

/** The part of an estate or facility the data-quality checks look at. */
export interface QualityItem {
  row: number;
  name: string;
  location: LngLat | null;
}

/**
 * Crawled compound lists geocode many compounds to one point (an area or road centre). Two on one point
 * happen with adjacent phases of one estate; three or more is the pattern worth flagging.
 */
const SHARED_MIN = 3;
/**
 * A point with no other point within 20 km is likely a geocoding or CRS slip: estates and facilities
 * of one planning area lie in one city, and 20 km is larger than a central district's extent.
 */
const ISOLATED_KM = 20;
/** Kilometres per degree of latitude (WGS-84 mean meridian degree, 111.13 km; rounded is enough here). */
const KM_PER_DEGREE = 111.13;

const fmt = (v: number): string => v.toFixed(6);

/** The located rows' coordinates in flat typed arrays (index k ↔ items[ids[k]]). */
function flatten(items: readonly QualityItem[]): {
  ids: Uint32Array;
  lngs: Float64Array;
  lats: Float64Array;
} {
  const ids = new Uint32Array(items.length);
  const lngs = new Float64Array(items.length);
  const lats = new Float64Array(items.length);
  let n = 0;
  items.forEach((item, i) => {
    if (!item.location) return;
    ids[n] = i;
    lngs[n] = item.location[0];
    lats[n] = item.location[1];
    n++;
  });
  return { ids: ids.subarray(0, n), lngs: lngs.subarray(0, n), lats: lats.subarray(0, n) };
}

function sharedCoordinates(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  // Sort the located rows by (lng, lat) and scan for runs of equal points: no per-row keys or arrays,
  // which matters at 100k rows.
  const { ids, lngs, lats } = flatten(items);
  const order = Array.from({ length: ids.length }, (_, k) => k);
  order.sort((a, b) => (lngs[a] ?? 0) - (lngs[b] ?? 0) || (lats[a] ?? 0) - (lats[b] ?? 0));
  const out: ImportWarning[] = [];
  for (let start = 0; start < order.length;) {
    const first = order[start] ?? 0;
    let end = start + 1;
    while (
      end < order.length &&
      lngs[order[end] ?? 0] === lngs[first] &&
      lats[order[end] ?? 0] === lats[first]
    )
      end++;
    if (end - start >= SHARED_MIN) {
      const rows = order
        .slice(start, end)
        .map((k) => items[ids[k] ?? 0]?.row ?? 0)
        .sort((a, b) => a - b);
      const key = `${fmt(lngs[first] ?? 0)},${fmt(lats[first] ?? 0)}`;
      out.push(
        warning(
          ctx,
          rows,
          'shared-coordinate',
          `${rows.length} rows share one coordinate (${key} WGS-84): probably geocoded to an area centre rather than each estate's own position`,
          `${rows.length} 行坐标完全相同（WGS-84 ${key}）：可能是按片区中心地理编码，而非各自的位置`,
        ),
      );
    }
    start = end;
  }
  return out;
}

function duplicateNames(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  const groups = repeatedKeys(
    items,
    (i) => i.name.trim() || null,
    (i) => i.row,
  );
  return [...groups].map(([name, rows]) =>
    warning(
      ctx,
      rows,
      'duplicate-name',
      `the name "${name}" appears ${rows.length} times`,
      `名称“${name}”出现 ${rows.length} 次`,
    ),
  );
}

/**
 * Radii tried in turn, in km, up to ISOLATED_KM: a query returns every point within its radius, so dense
 * data (a million estates over one city: over a thousand within 0.5 km of each) is answered by a 50 m
 * query holding a few points, and only sparse points pay for the wide ones.
 */
const RADII_KM = [0.05, 0.5, 2, 5, ISOLATED_KM];

/** Whether another point lies within ISOLATED_KM (the radii only make the answer cheaper, never different). */
function hasNeighbour(index: KDBush, x: number, y: number, self: number): boolean {
  for (const r of RADII_KM) {
    if (index.within(x, y, r).some((j) => j !== self)) return true;
  }
  return false;
}

function isolatedPoints(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  const { ids, lngs, lats } = flatten(items);
  if (ids.length < 3) return [];
  // Local equirectangular frame in km, scaled at the median latitude: accurate to a few per cent over
  // a city, which is plenty for a 20 km threshold.
  const sorted = Float64Array.from(lats).sort();
  const kx = KM_PER_DEGREE * Math.cos(((sorted[sorted.length >> 1] ?? 0) * Math.PI) / 180);
  const index = new KDBush(ids.length);
  for (let k = 0; k < ids.length; k++) index.add((lngs[k] ?? 0) * kx, (lats[k] ?? 0) * KM_PER_DEGREE);
  index.finish();
  const out: ImportWarning[] = [];
  for (let k = 0; k < ids.length; k++) {
    if (hasNeighbour(index, (lngs[k] ?? 0) * kx, (lats[k] ?? 0) * KM_PER_DEGREE, k)) continue;
    const item = items[ids[k] ?? 0];
    if (!item) continue;
    out.push(
      warning(
        ctx,
        [item.row],
        'isolated-point',
        `"${item.name}" has no other point within ${ISOLATED_KM} km: check its coordinates and the coordinate system`,
        `“${item.name}”周围 ${ISOLATED_KM} 公里内没有其他点：请检查坐标及坐标系`,
      ),
    );
  }
  return out;
}

/**
 * Data-quality warnings shared by estates and facilities: groups of ≥ 3 rows on one coordinate, duplicate
 * names, and points with no other point within 20 km (kdbush neighbour search).
 * @param items the imported rows' row number, name and WGS-84 location
 * @param ctx file name and format, for messages
 * @returns the warnings (rows never change because of them)
 * @example qualityWarnings(estates, { file: 'a.csv', format: 'csv' })
 */
export function qualityWarnings(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  return [...sharedCoordinates(items, ctx), ...duplicateNames(items, ctx), ...isolatedPoints(items, ctx)];
}
