import KDBush from 'kdbush';
import type { LngLat } from '../geo/units';
import type { ImportWarning } from '../model/diagnostics';
import { warning, type MessageContext } from './diagnostic';

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

function sharedCoordinates(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    if (!item.location) continue;
    const key = `${fmt(item.location[0])},${fmt(item.location[1])}`;
    const rows = groups.get(key);
    if (rows) rows.push(item.row);
    else groups.set(key, [item.row]);
  }
  const out: ImportWarning[] = [];
  for (const [key, rows] of groups) {
    if (rows.length < SHARED_MIN) continue;
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
  return out;
}

function duplicateNames(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const name = item.name.trim();
    if (name === '') continue;
    const rows = groups.get(name);
    if (rows) rows.push(item.row);
    else groups.set(name, [item.row]);
  }
  const out: ImportWarning[] = [];
  for (const [name, rows] of groups) {
    if (rows.length < 2) continue;
    out.push(
      warning(
        ctx,
        rows,
        'duplicate-name',
        `the name "${name}" appears ${rows.length} times`,
        `名称“${name}”出现 ${rows.length} 次`,
      ),
    );
  }
  return out;
}

function isolatedPoints(items: readonly QualityItem[], ctx: MessageContext): ImportWarning[] {
  const located = items.filter((i) => i.location !== null);
  if (located.length < 3) return [];
  // Local equirectangular frame in km, scaled at the median latitude: accurate to a few per cent over
  // a city, which is plenty for a 20 km threshold.
  const lats = located.map((i) => i.location?.[1] ?? 0).sort((a, b) => a - b);
  const kx = KM_PER_DEGREE * Math.cos(((lats[lats.length >> 1] ?? 0) * Math.PI) / 180);
  const index = new KDBush(located.length);
  for (const item of located)
    index.add((item.location?.[0] ?? 0) * kx, (item.location?.[1] ?? 0) * KM_PER_DEGREE);
  index.finish();
  const out: ImportWarning[] = [];
  located.forEach((item, i) => {
    const x = (item.location?.[0] ?? 0) * kx;
    const y = (item.location?.[1] ?? 0) * KM_PER_DEGREE;
    if (index.within(x, y, ISOLATED_KM).some((j) => j !== i)) return;
    out.push(
      warning(
        ctx,
        [item.row],
        'isolated-point',
        `"${item.name}" has no other point within ${ISOLATED_KM} km: check its coordinates and the coordinate system`,
        `“${item.name}”周围 ${ISOLATED_KM} 公里内没有其他点：请检查坐标及坐标系`,
      ),
    );
  });
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
