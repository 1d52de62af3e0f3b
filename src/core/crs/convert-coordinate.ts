import { lngLat, type LngLat } from '../geo/units';
import type { ImportHint } from '../model/diagnostics';
import { CHINA_BOUNDS, inChina } from './china-bounds';
import { crsUnits, type CrsId } from './crs-id';
import { gaussKrugerZone } from './gauss-kruger';
import { projectorFor } from './projector';
import { suggestProjectedCrs } from './suggest-crs';

/** Why a coordinate pair was refused. */
export interface CoordinateProblem {
  /** `bad-coordinate`, `swapped-coordinate`, `projected-not-degrees`, `degrees-not-projected`,
   * `coordinate-out-of-range`, `outside-china` or `gauss-kruger-zone`. */
  code: string;
  message: string;
  messageZh: string;
  /** The coordinate systems that would read it (worded by each front end: `--crs`, the CRS list). */
  hint?: ImportHint;
}

export type CoordinateResult = { point: LngLat; problem: null } | { point: null; problem: CoordinateProblem };

const fmt = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const pair = (x: number, y: number): string => `(${fmt(x)}, ${fmt(y)})`;
/** The projected systems that would put (x, y) in China, as a hint (none when there are none). */
const tryCrs = (x: number, y: number): ImportHint | undefined => {
  const candidates = suggestProjectedCrs(x, y);
  return candidates.length ? { kind: 'crs', crs: candidates } : undefined;
};
const problem = (code: string, message: string, messageZh: string, hint?: ImportHint): CoordinateResult => ({
  point: null,
  problem: { code, message, messageZh, ...(hint ? { hint } : {}) },
});

function checkDegrees(x: number, y: number, crs: CrsId): CoordinateResult {
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    if (Math.max(Math.abs(x), Math.abs(y)) >= 1000) {
      return problem(
        'projected-not-degrees',
        `${pair(x, y)} looks like projected metres, but the coordinate system ${crs} expects degrees`,
        `${pair(x, y)} 像是投影坐标（米），但坐标系 ${crs} 需要经纬度（度）`,
        tryCrs(x, y),
      );
    }
    return problem(
      'coordinate-out-of-range',
      `${pair(x, y)} is out of range: longitude must be within ±180 and latitude within ±90`,
      `${pair(x, y)} 超出范围：经度应在 ±180 之内，纬度应在 ±90 之内`,
    );
  }
  if (!inChina(x, y)) return outsideChina(x, y);
  const [lng, lat] = projectorFor(crs)(x, y);
  return { point: lngLat(lng, lat), problem: null };
}

function outsideChina(x: number, y: number): CoordinateResult {
  const box = `${CHINA_BOUNDS.west}–${CHINA_BOUNDS.east}°E, ${CHINA_BOUNDS.south}–${CHINA_BOUNDS.north}°N`;
  return problem(
    'outside-china',
    `${pair(x, y)} lies outside China (expected longitude, latitude within ${box})`,
    `${pair(x, y)} 不在中国境内（经度、纬度应在 ${box} 之内）`,
  );
}

function checkGaussKruger(x: number, y: number, crs: CrsId): CoordinateResult | null {
  const zone = gaussKrugerZone(Number(crs.slice(5)));
  if (!zone) return null;
  if (zone.prefixed && Math.floor(x / 1e6) !== zone.zone) {
    return problem(
      'gauss-kruger-zone',
      `easting ${fmt(x)} does not start with zone number ${zone.zone}, which ${crs} expects (e.g. ${zone.zone}500000)`,
      `横坐标 ${fmt(x)} 未以 ${crs} 要求的带号 ${zone.zone} 开头（例如 ${zone.zone}500000）`,
      tryCrs(x, y),
    );
  }
  if (!zone.prefixed && (x < 0 || x >= 1e6)) {
    return problem(
      'gauss-kruger-zone',
      `easting ${fmt(x)} is not within 0–1,000,000 m as ${crs} (no zone prefix) expects`,
      `横坐标 ${fmt(x)} 不在 ${crs}（不带带号）要求的 0–1,000,000 米之内`,
      tryCrs(x, y),
    );
  }
  return null;
}

function checkMetres(x: number, y: number, crs: CrsId): CoordinateResult {
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    return problem(
      'degrees-not-projected',
      `${pair(x, y)} looks like degrees, but the coordinate system ${crs} expects projected metres`,
      `${pair(x, y)} 像是经纬度（度），但坐标系 ${crs} 需要投影坐标（米）`,
      { kind: 'crs', crs: ['wgs84', 'gcj02', 'bd09'] },
    );
  }
  const zoneProblem = checkGaussKruger(x, y, crs);
  if (zoneProblem) return zoneProblem;
  const [lng, lat] = projectorFor(crs)(x, y);
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || !inChina(lng, lat)) {
    const where = Number.isFinite(lng) && Number.isFinite(lat) ? ` = ${pair(lng, lat)} in WGS-84` : '';
    return problem(
      'outside-china',
      `${pair(x, y)} in ${crs}${where} lies outside China`,
      `${pair(x, y)}（${crs}）${where ? `换算为 WGS-84 ${pair(lng, lat)}，` : ''}不在中国境内`,
    );
  }
  return { point: lngLat(lng, lat), problem: null };
}

function attempt(x: number, y: number, crs: CrsId): CoordinateResult {
  return crsUnits(crs) === 'degrees' ? checkDegrees(x, y, crs) : checkMetres(x, y, crs);
}

/**
 * Check a coordinate pair for plausibility and convert it to WGS-84. Refuses (with a bilingual reason)
 * non-numbers, swapped pairs, projected metres where degrees are expected and the reverse, a
 * Gauss–Krüger easting whose zone prefix does not match the CRS, and points outside China.
 * @param x longitude (degrees) or easting (metres) as given in the source
 * @param y latitude or northing
 * @param crs the source's coordinate system
 * @returns the WGS-84 point, or the problem
 * @example convertCoordinate(31.84, 117.31, 'bd09').problem?.code // 'swapped-coordinate'
 */
export function convertCoordinate(x: number, y: number, crs: CrsId): CoordinateResult {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return problem(
      'bad-coordinate',
      `${pair(x, y)} is not a pair of finite numbers`,
      `${pair(x, y)} 不是有效的数字坐标`,
    );
  }
  const first = attempt(x, y, crs);
  if (first.problem === null) return first;
  if (attempt(y, x, crs).problem === null) {
    const [a, b] = crsUnits(crs) === 'degrees' ? ['longitude', 'latitude'] : ['easting', 'northing'];
    const [za, zb] = crsUnits(crs) === 'degrees' ? ['经度', '纬度'] : ['横坐标（东）', '纵坐标（北）'];
    return problem(
      'swapped-coordinate',
      `${pair(x, y)} looks swapped: the ${a} and ${b} columns seem to be the other way round (${crs})`,
      `${pair(x, y)} 似乎${za}与${zb}颠倒了（${crs}）`,
    );
  }
  return first;
}
