import type { Geometry } from 'geojson';
import { convertCoordinate } from '../crs/convert-coordinate';
import type { CrsId } from '../crs/crs-id';
import type { LngLat } from '../geo/units';
import type { ImportHint } from '../model/diagnostics';
import { showValue } from './diagnostic';
import { geometryToWgs84 } from './geometry-to-wgs84';
import { cellText, parseNumber } from './parse-number';

/** A mapped cell: the user's header (null when unmapped) and its value. */
export interface CellRef {
  header: string | null;
  value: unknown;
}

export interface LocationProblem {
  field: string | null;
  code: string;
  message: string;
  messageZh: string;
  hint?: ImportHint;
}

export interface LocationResult {
  location: LngLat | null;
  /** The feature's geometry in WGS-84; null for coordinates from columns. */
  geometry: Geometry | null;
  problem: LocationProblem | null;
  /** A doubt about a usable location (a self-intersecting polygon), else null. */
  warning?: LocationProblem | null;
}

const NONE: LocationResult = { location: null, geometry: null, problem: null };

/** Split a “117.3,31.8” / “117.3 31.8” / [117.3, 31.8] cell into two values. */
function splitPair(value: unknown): [unknown, unknown] | null {
  if (Array.isArray(value)) return value.length === 2 ? [value[0], value[1]] : null;
  const text = cellText(value)?.normalize('NFKC');
  if (!text) return null;
  const parts = text.replace(/^[[(]|[\])]$/g, '').split(/\s*[,;\s]\s*/);
  return parts.length === 2 ? [parts[0], parts[1]] : null;
}

function fromNumbers(x: unknown, y: unknown, field: string, crs: CrsId): LocationResult {
  const px = parseNumber(x);
  const py = parseNumber(y);
  if (px.kind === 'missing' && py.kind === 'missing') return NONE;
  if (px.kind !== 'ok' || py.kind !== 'ok') {
    const found = `${showValue(cellText(x) ?? '')}, ${showValue(cellText(y) ?? '')}`;
    const half = px.kind === 'missing' || py.kind === 'missing';
    const problem = {
      field,
      code: half ? 'missing-coordinate' : 'bad-coordinate',
      message: `found ${found}, expected two numbers (longitude/easting, latitude/northing)`,
      messageZh: `值为 ${found}，应为两个数字（经度/横坐标，纬度/纵坐标）`,
    };
    return { location: null, geometry: null, problem };
  }
  const result = convertCoordinate(px.value, py.value, crs);
  if (result.problem) {
    return { location: null, geometry: null, problem: { field, ...result.problem } };
  }
  return { location: result.point, geometry: null, problem: null };
}

/**
 * Find a row's location: the feature's geometry when it has one, else the longitude and latitude
 * columns, else a combined coordinates column (“117.3,31.8”). Converts to WGS-84 and checks it.
 * @param geometry the feature's geometry in the source CRS, or null
 * @param lng longitude / easting column
 * @param lat latitude / northing column
 * @param coordinates combined coordinates column
 * @param crs the source coordinate system
 * @returns the WGS-84 location (null when the row has none) and geometry, or the problem
 * @example readLocation(null, { header: '经度', value: '117.3' }, { header: '纬度', value: '31.8' }, { header: null, value: undefined }, 'wgs84').location // [117.3, 31.8]
 */
export function readLocation(
  geometry: Geometry | null,
  lng: CellRef,
  lat: CellRef,
  coordinates: CellRef,
  crs: CrsId,
): LocationResult {
  if (geometry) {
    const converted = geometryToWgs84(geometry, crs);
    if (converted.problem)
      return { location: null, geometry: null, problem: { field: 'geometry', ...converted.problem } };
    const warning = converted.warning ? { field: 'geometry', ...converted.warning } : null;
    return { location: converted.location, geometry: converted.geometry, problem: null, warning };
  }
  if (lng.header !== null && lat.header !== null) {
    const result = fromNumbers(lng.value, lat.value, `${lng.header}/${lat.header}`, crs);
    if (result.location !== null || result.problem !== null || coordinates.header === null) return result;
  }
  if (coordinates.header !== null && cellText(coordinates.value) !== null) {
    const pair = splitPair(coordinates.value);
    if (!pair) {
      const problem = {
        field: coordinates.header,
        code: 'bad-coordinate',
        message: `found ${showValue(cellText(coordinates.value) ?? '')}, expected "longitude,latitude" (e.g. 117.3,31.8)`,
        messageZh: `值为${showValue(cellText(coordinates.value) ?? '')}，应为“经度,纬度”（如 117.3,31.8）`,
      };
      return { location: null, geometry: null, problem };
    }
    return fromNumbers(pair[0], pair[1], coordinates.header, crs);
  }
  return NONE;
}
