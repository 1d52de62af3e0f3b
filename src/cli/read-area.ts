import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { UsageError } from './errors';

/**
 * Reads the area that limits automatic candidate sites (`site --area`): a GeoJSON Polygon or
 * MultiPolygon, a Feature of one, or a FeatureCollection of them (merged), in WGS-84 lon/lat.
 * @param path the GeoJSON file
 * @returns the area as one (Multi)Polygon
 * @throws UsageError naming the file and what was expected
 * @example await readArea('district.geojson')
 */
export async function readArea(path: string): Promise<Polygon | MultiPolygon> {
  const fail = (what: string): never => {
    throw new UsageError(
      `${path}: ${what}; --area expects a GeoJSON Polygon or MultiPolygon (WGS-84 lon/lat)`,
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code) throw error;
    fail('not valid JSON');
  }
  const polygons: Position[][][] = [];
  const take = (g: unknown, where: string): void => {
    const geometry = g as { type?: unknown; coordinates?: unknown } | null;
    if (geometry?.type === 'Polygon') polygons.push(geometry.coordinates as Position[][]);
    else if (geometry?.type === 'MultiPolygon') polygons.push(...(geometry.coordinates as Position[][][]));
    else fail(`${where} is ${geometry === null ? 'null' : `a ${String(geometry?.type)}`}, not a polygon`);
  };
  const root = value as { type?: unknown; features?: unknown[]; geometry?: unknown };
  if (root?.type === 'FeatureCollection' && Array.isArray(root.features))
    root.features.forEach((f, k) => take((f as { geometry?: unknown }).geometry ?? null, `feature ${k + 1}`));
  else if (root?.type === 'Feature') take(root.geometry ?? null, 'the feature');
  else take(root, 'the geometry');
  for (const ring of polygons.flat())
    for (const p of ring)
      if (!Array.isArray(p) || !(Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90))
        fail(`coordinate ${JSON.stringify(p)} is not a lon/lat pair`);
  if (polygons.length === 0) fail('no polygon found');
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}
