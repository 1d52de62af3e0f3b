import { featureCollection, lineIntersect, polygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { convertCoordinate, type CoordinateProblem } from '../crs/convert-coordinate';
import type { CrsId } from '../crs/crs-id';
import { lngLat, type LngLat } from '../geo/units';
import { polygonCentroid } from './polygon-centroid';

/**
 * A geometry converted to WGS-84 with its representative point (and a doubt about the geometry that
 * does not stop it from being used), or the first vertex that failed.
 */
export type ConvertedGeometry =
  | {
      geometry: Point | Polygon | MultiPolygon;
      location: LngLat;
      problem: null;
      warning: CoordinateProblem | null;
    }
  | { geometry: null; location: null; problem: CoordinateProblem; warning?: null };

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * The first place where a polygon's rings cross (turf's sweep-line lineIntersect; edges that share a
 * vertex in one ring do not count), with the polygon's 1-based number, or null for simple polygons.
 */
function firstCrossing(polygons: readonly Position[][][]): { polygon: number; at: Position } | null {
  for (let k = 0; k < polygons.length; k++) {
    const rings = polygons[k] ?? [];
    const found = lineIntersect(featureCollection([polygon(rings)]), featureCollection<Polygon>([]), {
      ignoreSelfIntersections: false,
    });
    const at = found.features[0]?.geometry.coordinates;
    if (at) return { polygon: k + 1, at };
  }
  return null;
}

function crossingWarning(geometry: Geometry, crossing: { polygon: number; at: Position }): CoordinateProblem {
  const [lng = NaN, lat = NaN] = crossing.at;
  const which = geometry.type === 'MultiPolygon' ? `polygon ${crossing.polygon}` : 'the polygon';
  const whichZh = geometry.type === 'MultiPolygon' ? `第 ${crossing.polygon} 个多边形` : '多边形';
  return {
    code: 'self-intersecting',
    message: `${which} crosses itself near [${round(lng)}, ${round(lat)}]; expected a simple polygon whose edges do not cross (vertices out of order, or read in the wrong coordinate system?); located by the mean of its vertices`,
    messageZh: `${whichZh}的边在 [${round(lng)}, ${round(lat)}] 附近自相交；多边形的边不应相交（顶点顺序错误或坐标系不对？）；位置取其顶点的平均值`,
  };
}

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
 * pick its representative point (the point itself, or the polygon's area-weighted centroid). A polygon
 * whose edges cross (a ring drawn out of order, or read in the wrong CRS) is still used, located by the
 * mean of its vertices, with a warning: never silently.
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
        warning: null,
      };
    }
    const polygons =
      geometry.type === 'Polygon'
        ? [convertRings(geometry.coordinates, crs)]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates.map((rings) => convertRings(rings, crs))
          : null;
    const crossing = polygons ? firstCrossing(polygons) : null;
    const centroid = polygons ? polygonCentroid(polygons, crossing === null) : null;
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
    const warning = crossing ? crossingWarning(geometry, crossing) : null;
    return { geometry: converted, location: lngLat(centroid[0], centroid[1]), problem: null, warning };
  } catch (e) {
    if (e instanceof VertexProblem) return { geometry: null, location: null, problem: e.problem };
    throw e;
  }
}
