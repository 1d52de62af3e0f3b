import type { Point, Polygon, MultiPolygon } from 'geojson';
import type { ImportWarning } from '../model/diagnostics';
import type { Estate } from '../model/estate';
import { warning, type MessageContext } from './diagnostic';
import { repeatedKeys } from './repeated-keys';
import { ESTATE_ALIASES } from './field-aliases';
import type { EstateField, EstateImport, ImportInput, StreamImportInput } from './import-types';
import { ESTATE_STATUS_TEXT, parseEstateStatus } from './parse-status';
import { parseNumber } from './parse-number';
import type { RowReader } from './row-reader';
import { setOwn } from './set-own';
import {
  runImport,
  runImportChunks,
  runImportStream,
  type ChunkedImport,
  type ImportSpec,
} from './run-import';

/**
 * Households above this are implausible for one estate (issue #2): the largest compounds in the Hefei
 * and Shanghai lists have about 12,000 dwellings (中远两湾城 11,927).
 */
const MAX_PLAUSIBLE_HOUSEHOLDS = 30_000;

function mapEstate(r: RowReader<EstateField>, properties: () => Record<string, unknown>): Estate | null {
  const row = r.record.row;
  const households = r.number('households', ['the number of households', '户数'], {
    integer: true,
    required: true,
  });
  const residents = r.number('residents', ['the number of residents', '常住人口'], { integer: true });
  const elderlyCareFloorArea = r.number('elderlyCareFloorArea', [
    'the elderly-care floor area in m²',
    '养老服务用房面积（平方米）',
  ]);
  const elderlyCareFacilityAreas = r.numberList('elderlyCareFacilityAreas', [
    'each elderly-care facility’s area in m²',
    '各养老设施面积（平方米）',
  ]);
  const nurseryPlaces = r.number('nurseryPlaces', ['the number of nursery places', '托位数'], {
    integer: true,
  });
  const childcareFloorArea = r.number('childcareFloorArea', [
    'the childcare floor area in m²',
    '托育用房面积（平方米）',
  ]);
  const statusText = r.text('status');
  const status = statusText === null ? null : parseEstateStatus(statusText);
  if (statusText !== null && status === null) {
    r.fail(
      r.header('status'),
      'bad-status',
      `found "${statusText}", expected ${ESTATE_STATUS_TEXT}`,
      `值为“${statusText}”，应为 ${ESTATE_STATUS_TEXT}`,
    );
  }
  const { location, geometry } = r.location('lng', 'lat', 'coordinates');
  if (r.failed) return null;
  const year = parseNumber(r.cell('buildYear'));
  const id = r.mapping.id !== null ? r.text('id') : null;
  const featureId = r.record.featureId;
  const resolvedId = id ?? (featureId !== null ? String(featureId) : null) ?? String(row);
  const estate: Estate = {
    id: resolvedId,
    row,
    name: r.text('name') ?? resolvedId,
    location,
    geometry: geometry as Point | Polygon | MultiPolygon | null,
    households,
    residents,
    status,
    elderlyCareFloorArea,
    elderlyCareFacilityAreas,
    nurseryPlaces,
    childcareFloorArea,
    district: r.text('district'),
    properties: properties(),
  };
  // Build year is informative only (no rule uses it): an unreadable one stays in properties.
  const yearOk = year.kind === 'ok' && Number.isInteger(year.value);
  estate.buildYear = year.kind === 'ok' && yearOk ? year.value : null;
  if (year.kind === 'bad') setOwn(estate.properties, r.header('buildYear'), r.cell('buildYear'));
  return estate;
}

/** What the file-wide estate warnings read of an estate (kept per row while the rest is streamed). */
type EstateDigest = Pick<Estate, 'id' | 'row' | 'name' | 'location' | 'households'>;

function estateWarnings(estates: readonly EstateDigest[], ctx: MessageContext): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (const e of estates) {
    if (e.households === null || (e.households > 0 && e.households <= MAX_PLAUSIBLE_HOUSEHOLDS)) continue;
    const why =
      e.households === 0
        ? 'zero households'
        : `more than ${MAX_PLAUSIBLE_HOUSEHOLDS.toLocaleString('en')} households`;
    out.push(
      warning(
        ctx,
        [e.row],
        'implausible-households',
        `"${e.name}" has ${e.households} households (${why}); check the value`,
        `“${e.name}”户数为 ${e.households}，不合常理，请核对`,
      ),
    );
  }
  for (const [id, rows] of repeatedKeys(
    estates,
    (e) => e.id,
    (e) => e.row,
  )) {
    out.push(
      warning(
        ctx,
        rows,
        'duplicate-id',
        `the id "${id}" is used ${rows.length} times`,
        `编号“${id}”重复 ${rows.length} 次`,
      ),
    );
  }
  return out;
}

const ESTATE_SPEC: ImportSpec<EstateField, Estate, EstateDigest> = {
  aliases: ESTATE_ALIASES,
  requiredColumns: { households: ['households', '户数（房屋总数）'] },
  needsCoordinates: false,
  map: mapEstate,
  digest: (e) => ({ id: e.id, row: e.row, name: e.name, location: e.location, households: e.households }),
  extraWarnings: estateWarnings,
};

/**
 * Import residential estates from CSV/TSV, GeoJSON, a zipped shapefile or KML. Headers are matched to
 * canonical fields by alias (小区名称, 房屋总数, 经度/纬度 …) or by `fieldMap`; coordinates are converted
 * from `crs` to WGS-84 and checked. Bad rows become errors (one per row) and never stop the import;
 * data-quality observations become warnings. A file without coordinate columns gives estates with a
 * null location and no error (the compliance check does not need coordinates).
 * @param input data (bytes or text), fileName, and optionally format, crs, fieldMap, parseXml (KML)
 * @returns estates, errors, warnings and the mapping used; estates.length + errors rows = rowCount
 * @example importEstates({ data: bytes, fileName: 'compounds.csv', crs: 'bd09' }).estates.length
 */
export function importEstates(input: ImportInput): EstateImport {
  const { items, report } = runImport(input, ESTATE_SPEC);
  return { ...report, estates: items };
}

/**
 * importEstates a chunk of rows at a time, for files too large to hold every estate at once (the CLI's
 * check of a million rows): the same estates, errors and warnings, in the same order. The report's
 * mapping, encoding, format, CRS, rowCount and fatal are known at once; its errors and warnings are
 * complete once every chunk has been taken.
 * @param input as importEstates
 * @param chunkRows estates per chunk (the last may be shorter)
 * @returns the report and the chunks of estates (consumed once)
 * @example const { report, chunks } = importEstateChunks(input, 10_000); for (const c of chunks) use(c);
 */
export function importEstateChunks(
  input: ImportInput,
  chunkRows: number,
): ChunkedImport<EstateField, Estate> {
  return runImportChunks(input, ESTATE_SPEC, chunkRows);
}

/**
 * importEstateChunks for a CSV/TSV file given in pieces (isStreamableCsv), read a piece at a time as the
 * chunks are taken: the same estates, errors and warnings, in the same order, as importEstateChunks on
 * the file's bytes, while only a piece of the file and a chunk of estates are held. The report's
 * rowCount is known at once with `rowsFirst` (a first pass counts the rows), else once every chunk
 * has been taken.
 * @param input the file in pieces (`chunks()` reads it again from its first byte), name, CRS, mapping
 * @param chunkRows estates per chunk (the last may be shorter)
 * @returns the report and the chunks of estates (consumed once)
 * @example const { chunks } = importEstateStream({ chunks: () => pieces, fileName: 'a.csv' }, 100);
 */
export function importEstateStream(
  input: StreamImportInput,
  chunkRows: number,
): ChunkedImport<EstateField, Estate> {
  return runImportStream(input, ESTATE_SPEC, chunkRows);
}
