import { parseCrs, type CrsId } from '../crs/crs-id';
import { emptySourceTable } from './empty-source-table';
import { rowError, type MessageContext } from './diagnostic';
import type { SourceTable, TextEncodingName } from './import-types';
import { tableFromFeatures } from './table-from-features';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The legacy (2008) GeoJSON `crs` member, still written by QGIS and ArcGIS exports, e.g.
 * `urn:ogc:def:crs:EPSG::4490` or `urn:ogc:def:crs:OGC:1.3:CRS84`. RFC 7946 dropped it (WGS-84 only),
 * but Chinese exports in CGCS2000 Gauss–Krüger still carry it, and it is the best evidence there is.
 */
function declaredCrs(root: Record<string, unknown>): CrsId | null {
  const crs = root.crs;
  if (!isObject(crs) || !isObject(crs.properties) || typeof crs.properties.name !== 'string') return null;
  const name = crs.properties.name;
  if (/crs84$/i.test(name)) return 'wgs84';
  const code = /(\d{4,5})\s*$/.exec(name)?.[1];
  if (!code) return null;
  try {
    return parseCrs(`EPSG:${code}`);
  } catch {
    return null;
  }
}

/** What a JSON root that is not GeoJSON is, in Chinese (for the not-geojson message). */
const KIND_ZH: Record<string, string> = {
  null: 'null',
  array: '数组',
  object: '对象',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
};

/**
 * Read GeoJSON text: a FeatureCollection or a single Feature. Each feature is one row; a malformed
 * feature is an error on its row, not the end of the file.
 * @param text decoded file text
 * @param ctx file name and format, for messages
 * @param encoding how the text was decoded
 * @returns the rows, per-feature errors, or a file-level error (bad JSON, not GeoJSON)
 * @example readGeoJson('{"type":"FeatureCollection","features":[]}', ctx, 'utf-8').rowCount // 0
 */
export function readGeoJson(
  text: string,
  ctx: MessageContext,
  encoding: TextEncodingName | null,
): SourceTable {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const table = emptySourceTable(ctx.format, encoding);
    const reason = e instanceof Error ? e.message : String(e);
    table.fatal = rowError(
      ctx,
      0,
      null,
      'bad-json',
      `not valid JSON (${reason})`,
      `不是有效的 JSON（${reason}）`,
    );
    return table;
  }
  if (isObject(root) && root.type === 'FeatureCollection' && Array.isArray(root.features)) {
    return tableFromFeatures(root.features, ctx, encoding, declaredCrs(root));
  }
  if (isObject(root) && root.type === 'Feature') return tableFromFeatures([root], ctx, encoding, null);
  const table = emptySourceTable(ctx.format, encoding);
  const kind = root === null ? 'null' : Array.isArray(root) ? 'array' : typeof root;
  const named = isObject(root) && typeof root.type === 'string' ? root.type : null;
  const found = named !== null ? `type "${named}"` : `a JSON ${kind}`;
  const foundZh = named !== null ? `type 为“${named}”` : `JSON ${KIND_ZH[kind] ?? kind}`;
  table.fatal = rowError(
    ctx,
    0,
    null,
    'not-geojson',
    `found ${found}; expected a GeoJSON FeatureCollection (with a "features" array) or a Feature`,
    `内容为${foundZh}；应为 GeoJSON FeatureCollection（含 features 数组）或 Feature`,
  );
  return table;
}
