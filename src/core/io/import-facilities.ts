import type { Facility, FacilityStatus } from '../model/facility';
import { FACILITY_ALIASES } from './field-aliases';
import type { FacilityField, FacilityImport, FacilityImportInput } from './import-types';
import { FACILITY_KIND_TEXT, parseFacilityKind } from './parse-facility-kind';
import { FACILITY_STATUS_TEXT, parseFacilityStatus } from './parse-status';
import type { RowReader } from './row-reader';
import { runImport, type ImportSpec } from './run-import';

function facilitySpec(input: FacilityImportInput): ImportSpec<FacilityField, Facility> {
  const defaultKind = input.defaultKind ?? null;
  return {
    aliases: FACILITY_ALIASES,
    // Without a kind column every row needs the default kind.
    requiredColumns: defaultKind ? {} : { kind: ['the facility kind', '设施类型'] },
    needsCoordinates: true,
    map(r: RowReader<FacilityField>, properties) {
      const row = r.record.row;
      const kindText = r.text('kind');
      const kind = kindText === null ? defaultKind : parseFacilityKind(kindText);
      if (kind === null) {
        const found = kindText === null ? 'an empty cell' : `"${kindText}"`;
        r.fail(
          r.header('kind'),
          kindText === null ? 'missing-kind' : 'bad-kind',
          `found ${found}, expected ${FACILITY_KIND_TEXT}`,
          `值为${kindText ?? '空'}，应为 ${FACILITY_KIND_TEXT}`,
        );
      }
      const statusText = r.text('status');
      const status: FacilityStatus | null =
        statusText === null ? 'existing' : parseFacilityStatus(statusText);
      if (status === null) {
        r.fail(
          r.header('status'),
          'bad-status',
          `found "${statusText}", expected ${FACILITY_STATUS_TEXT}`,
          `值为“${statusText}”，应为 ${FACILITY_STATUS_TEXT}`,
        );
      }
      const places = r.number('places', ['the number of nursery places', '托位数'], { integer: true });
      const beds = r.number('beds', ['the number of beds', '床位数'], { integer: true });
      const floorArea = r.number('floorArea', ['the floor area in m²', '建筑面积（平方米）']);
      const { location } = r.location('lng', 'lat', 'coordinates');
      if (location === null && !r.failed) {
        r.fail(
          null,
          'missing-coordinate',
          'found no coordinates, expected a location (facilities need one)',
          '缺少坐标：设施必须有位置',
        );
      }
      if (r.failed || kind === null || status === null || location === null) return null;
      const id =
        (r.mapping.id !== null ? r.text('id') : null) ??
        (r.record.featureId !== null ? String(r.record.featureId) : String(row));
      return {
        id,
        row,
        name: r.text('name') ?? id,
        kind,
        location,
        status,
        capacity: { places, beds, floorArea },
        properties: properties(),
      };
    },
  };
}

/**
 * Import care facilities (elderly day-care centres, stations, homes, nurseries) from CSV/TSV, GeoJSON,
 * a zipped shapefile or KML, with the same reading, mapping and coordinate checks as importEstates.
 * Kinds are read from words (日间照料中心 → elderly-daycare, 托育 → nursery …) or the English ids;
 * rows without one take `defaultKind`. Every facility needs coordinates; status defaults to existing.
 * @param input as importEstates, plus defaultKind
 * @returns facilities, errors, warnings and the mapping used; facilities.length + error rows = rowCount
 * @example importFacilities({ data: text, fileName: 'daycare.csv', defaultKind: 'elderly-daycare' }).facilities
 */
export function importFacilities(input: FacilityImportInput): FacilityImport {
  const { items, report } = runImport(input, facilitySpec(input));
  return { ...report, facilities: items };
}
