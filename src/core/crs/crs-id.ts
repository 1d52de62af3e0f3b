import { gaussKrugerZone, SUPPORTED_EPSG_RANGES } from './gauss-kruger';

/**
 * A coordinate reference system the importer understands. `wgs84` is EPSG:4326 (GPS, OpenStreetMap);
 * `gcj02` is China's offset “Mars” system (AMap, Tencent, DataV); `bd09` is Baidu's (also Beike / Lianjia
 * crawls); `EPSG:n` is CGCS2000 (4490) or one of its Gauss–Krüger projections (4491–4554), or Web Mercator
 * (3857).
 */
export type CrsId = 'wgs84' | 'gcj02' | 'bd09' | `EPSG:${number}`;

/** Thrown for a CRS name the importer does not understand; its message lists what it accepts. */
export class CrsError extends Error {
  readonly messageZh: string;
  constructor(message: string, messageZh: string) {
    super(message);
    this.name = 'CrsError';
    this.messageZh = messageZh;
  }
}

/** Spellings people use for the three geographic systems (compared lower-case, without spaces, `-`, `_`). */
const NAMED: Record<string, CrsId> = {
  wgs84: 'wgs84',
  epsg4326: 'wgs84',
  '4326': 'wgs84',
  gps: 'wgs84',
  gcj02: 'gcj02',
  gcj: 'gcj02',
  amap: 'gcj02',
  gaode: 'gcj02',
  mars: 'gcj02',
  bd09: 'bd09',
  bd09ll: 'bd09',
  baidu: 'bd09',
  cgcs2000: 'EPSG:4490',
};

/** EPSG codes accepted besides the generated Gauss–Krüger range: CGCS2000 geographic, Web Mercator. */
const OTHER_EPSG = new Set([4490, 3857]);

/** Human list of what parseCrs accepts, used in error messages. */
export const ACCEPTED_CRS_TEXT = `wgs84, gcj02, bd09, cgcs2000 (EPSG:4490), EPSG:3857, ${SUPPORTED_EPSG_RANGES}`;

/** True when the EPSG code is one this module can convert. */
export function isSupportedEpsg(code: number): boolean {
  return OTHER_EPSG.has(code) || gaussKrugerZone(code) !== null;
}

/**
 * Read a CRS name as typed on a command line or in a form.
 * @param text e.g. `bd09`, `BD-09`, `WGS 84`, `EPSG:4547`, `4547`, `cgcs2000`
 * @returns the canonical CrsId (`EPSG:4326` becomes `wgs84`)
 * @throws CrsError naming the accepted values when the text is not understood
 * @example parseCrs('BD-09') // 'bd09'
 */
export function parseCrs(text: string): CrsId {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s\-_:]/g, '');
  const named = NAMED[key];
  if (named) return named;
  const match = /^(?:epsg)?(\d{4,5})$/.exec(key);
  if (match) {
    const code = Number(match[1]);
    if (isSupportedEpsg(code)) return `EPSG:${code}`;
    throw new CrsError(
      `Unsupported coordinate system EPSG:${code}. Accepted: ${ACCEPTED_CRS_TEXT}.`,
      `不支持的坐标系 EPSG:${code}。可用：${ACCEPTED_CRS_TEXT}。`,
    );
  }
  throw new CrsError(
    `Unknown coordinate system "${text}". Accepted: ${ACCEPTED_CRS_TEXT}.`,
    `无法识别的坐标系“${text}”。可用：${ACCEPTED_CRS_TEXT}。`,
  );
}

/** Whether a CRS's coordinates are degrees (lng, lat) or projected metres (easting, northing). */
export function crsUnits(crs: CrsId): 'degrees' | 'metres' {
  if (crs === 'wgs84' || crs === 'gcj02' || crs === 'bd09' || crs === 'EPSG:4490') return 'degrees';
  return 'metres';
}
