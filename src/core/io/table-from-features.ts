import type { Geometry } from 'geojson';
import gjv from 'geojson-validation';
import type { ImportError } from '../model/diagnostics';
import type { CrsId } from '../crs/crs-id';
import { rowError, type MessageContext } from './diagnostic';
import { geojsonTraceZh } from './geojson-trace-zh';
import type { SourceRecord, SourceTable, TextEncodingName } from './import-types';

/** Geometry types an estate or facility can have. */
const SUPPORTED = new Set(['Point', 'Polygon', 'MultiPolygon']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const samePosition = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];

/** The first ring (of a Polygon's or MultiPolygon's) whose last position is not its first, if any. */
function unclosedRing(
  geometry: unknown,
): { polygon: number; ring: number; first: unknown; last: unknown } | null {
  if (!isObject(geometry) || !Array.isArray(geometry.coordinates)) return null;
  const polygons: unknown[] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    if (!Array.isArray(rings)) continue;
    for (let r = 0; r < rings.length; r++) {
      const ring: unknown = rings[r];
      if (!Array.isArray(ring) || ring.length < 2) continue;
      const first: unknown = ring[0];
      const last: unknown = ring[ring.length - 1];
      if (!samePosition(first, last)) return { polygon: p + 1, ring: r + 1, first, last };
    }
  }
  return null;
}

function featureProblem(ctx: MessageContext, row: number, feature: unknown): ImportError | null {
  const open = isObject(feature) ? unclosedRing(feature.geometry) : null;
  if (open) {
    const where = `ring ${open.ring}${open.polygon > 1 ? ` of polygon ${open.polygon}` : ''}`;
    const show = (p: unknown): string => JSON.stringify(Array.isArray(p) ? p.slice(0, 3) : p);
    const ends = `${show(open.first)} … ${show(open.last)}`;
    return rowError(
      ctx,
      row,
      'geometry',
      'unclosed-ring',
      `${where} is not closed (it runs ${ends}); expected a ring whose last position repeats its first`,
      `第 ${open.ring} 个环未闭合（${ends}）；环的最后一个点应与第一个点相同`,
    );
  }
  let trace: string[];
  let traceZh: string[] | null = null;
  try {
    trace = gjv.isFeature(feature, true);
  } catch (e) {
    // The validator recurses into nested arrays: a stack overflow means absurdly deep nesting.
    const deep = e instanceof RangeError;
    trace = [
      deep
        ? 'its arrays are nested too deeply to be coordinates (expected [lng, lat] positions in at most 4 levels)'
        : e instanceof Error
          ? e.message
          : String(e),
    ];
    if (deep) traceZh = ['数组嵌套过深，不是坐标（应为至多 4 层嵌套的 [经度, 纬度] 位置）'];
  }
  if (trace.length) {
    const zh = traceZh ?? trace.slice(0, 2).map(geojsonTraceZh);
    return rowError(
      ctx,
      row,
      null,
      'bad-feature',
      `not a valid GeoJSON Feature: ${trace.slice(0, 2).join('; ')}`,
      `不是有效的 GeoJSON 要素：${zh.join('；')}`,
    );
  }
  const geometry = (feature as { geometry: Geometry | null }).geometry;
  if (geometry !== null && !SUPPORTED.has(geometry.type)) {
    return rowError(
      ctx,
      row,
      'geometry',
      'unsupported-geometry',
      `geometry type ${geometry.type} is not supported; expected Point, Polygon or MultiPolygon`,
      `不支持的几何类型 ${geometry.type}；应为 Point、Polygon 或 MultiPolygon`,
    );
  }
  return null;
}

/**
 * Turn GeoJSON-like features (from a GeoJSON file, a shapefile or KML) into rows: each feature is
 * validated with geojson-validation, its properties become cells under the union of all property names
 * (in first-seen order), and its geometry is kept in the source CRS.
 * @param features the features, as parsed (anything: each is checked)
 * @param ctx file name and format, for messages
 * @param encoding how the file's text was decoded, if it was text
 * @param declaredCrs the CRS the file declares, if any
 * @returns the rows and the per-feature errors
 * @example tableFromFeatures(fc.features, { file: 'a.geojson', format: 'geojson' }, 'utf-8', null)
 */
export function tableFromFeatures(
  features: readonly unknown[],
  ctx: MessageContext,
  encoding: TextEncodingName | null,
  declaredCrs: CrsId | null,
): SourceTable {
  const headerIndex = new Map<string, number>();
  const accepted: { row: number; properties: Record<string, unknown>; feature: Record<string, unknown> }[] =
    [];
  const rowErrors: ImportError[] = [];
  features.forEach((feature, i) => {
    const problem = featureProblem(ctx, i + 1, feature);
    if (problem) {
      rowErrors.push(problem);
      return;
    }
    const f = feature as Record<string, unknown>;
    const properties = isObject(f.properties) ? f.properties : {};
    for (const key of Object.keys(properties))
      if (!headerIndex.has(key)) headerIndex.set(key, headerIndex.size);
    accepted.push({ row: i + 1, properties, feature: f });
  });
  const headers = [...headerIndex.keys()];
  const records: SourceRecord[] = accepted.map(({ row, properties, feature }) => {
    const id = feature.id;
    return {
      row,
      cells: headers.map((h) => properties[h]),
      geometry: (feature.geometry as Geometry | null) ?? null,
      featureId: typeof id === 'string' || typeof id === 'number' ? id : null,
    };
  });
  return {
    format: ctx.format,
    encoding,
    headers,
    records,
    rowErrors,
    rowCount: features.length,
    hasGeometry: records.some((r) => r.geometry !== null),
    declaredCrs,
    fatal: null,
    warnings: [],
  };
}
