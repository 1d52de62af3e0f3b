import type { Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { convertCoordinate, type CoordinateProblem } from '../crs/convert-coordinate';
import type { CrsId } from '../crs/crs-id';
import { lngLat, type LngLat } from '../geo/units';
import { polygonCentroid } from './polygon-centroid';

/** A geometry converted to WGS-84 with its representative point, or the first vertex that failed. */
export type ConvertedGeometry =
  | { geometry: Point | Polygon | MultiPolygon; location: LngLat; problem: null }
  | { geometry: null; location: null; problem: CoordinateProblem };

class VertexProblem extends Error {
  constructor(readonly problem: CoordinateProblem) {
    super(problem.message);
  }
}

function convertPosition(p: Position, crs: CrsId): Position {
  const result = convertCoordinate(p[0] ?? NaN, p[1] ?? NaN, crs);
  if (result.problem) throw new VertexProblem(result.problem);
  return [result.point[0], result.point[1]];
}

const convertRings = (rings: Position[][], crs: CrsId): Position[][] =>
  rings.map((ring) => ring.map((p) => convertPosition(p, crs)));

/**
 * Convert a Point, Polygon or MultiPolygon from the source CRS to WGS-84, checking every vertex, and
 * pick its representative point (the point itself, or the polygon's area-weighted centroid).
 * @param geometry a validated GeoJSON geometry in `crs`
 * @param crs the source coordinate system
 * @returns the WGS-84 geometry and location, or the problem of the first bad vertex
 * @example geometryToWgs84({ type: 'Point', coordinates: [117.3, 31.8] }, 'wgs84').location // [117.3, 31.8]
 */
export function geometryToWgs84(geometry: Geometry, crs: CrsId): ConvertedGeometry {
  try {
    if (geometry.type === 'Point') {
      const [lng = NaN, lat = NaN] = convertPosition(geometry.coordinates, crs);
      return {
        geometry: { type: 'Point', coordinates: [lng, lat] },
        location: lngLat(lng, lat),
        problem: null,
      };
    }
    const polygons =
      geometry.type === 'Polygon'
        ? [convertRings(geometry.coordinates, crs)]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates.map((rings) => convertRings(rings, crs))
          : null;
    const centroid = polygons ? polygonCentroid(polygons) : null;
    if (!polygons || !centroid) {
      const problem = {
        code: 'unsupported-geometry',
        message: `geometry type ${geometry.type} is not supported; expected Point, Polygon or MultiPolygon`,
        messageZh: `不支持的几何类型 ${geometry.type}；应为 Point、Polygon 或 MultiPolygon`,
      };
      return { geometry: null, location: null, problem };
    }
    const converted: Polygon | MultiPolygon =
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return { geometry: converted, location: lngLat(centroid[0], centroid[1]), problem: null };
  } catch (e) {
    if (e instanceof VertexProblem) return { geometry: null, location: null, problem: e.problem };
    throw e;
  }
}
