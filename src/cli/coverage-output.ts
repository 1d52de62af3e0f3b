import type { Feature, FeatureCollection } from 'geojson';
import {
  csvChunks,
  walkingMinutesColour,
  type CoverageResult,
  type Estate,
  type Facility,
  type ImportError,
} from '../core';

const ESTATE_COLUMNS = [
  'id',
  'name',
  'households',
  'residents',
  'nearestFacility',
  'networkM',
  'accessM',
  'distanceM',
  'minutes',
  'covered',
  'offNetwork',
  'snapM',
  'supplyDemandRatio',
  'underserved',
] as const;

const round = (v: number | null, digits = 1) => (v === null ? null : Number(v.toFixed(digits)));

/**
 * One CSV row per estate with its walking distance and coverage.
 * @param result the coverage result
 * @param errors rejected rows, listed after the estates
 * @returns CSV text in pieces (UTF-8 with BOM for Excel)
 */
export function coverageCsv(result: CoverageResult, errors: ImportError[] = []): Iterable<string> {
  const rows = result.estates.map((e) =>
    ESTATE_COLUMNS.map((c) => {
      const v = e[c];
      return typeof v === 'number'
        ? round(v, c === 'supplyDemandRatio' ? 4 : 1)
        : typeof v === 'boolean'
          ? String(v)
          : (v ?? null);
    }),
  );
  // Rejected rows follow the estates (never dropped), then the parameters used.
  for (const e of errors)
    rows.push(
      [`${e.file ?? ''}:${e.row}`, 'rejected', ...ESTATE_COLUMNS.slice(2).map(() => null)]
        .slice(0, -1)
        .concat(e.message),
    );
  rows.push(
    [],
    ...Object.entries(result.parameters).map(([k, v]) => [
      'parameter',
      k,
      typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
  return csvChunks([...ESTATE_COLUMNS], rows);
}

/**
 * One GeoJSON file that opens in QGIS or geojson.io: estates coloured by walking minutes, facilities and
 * underserved zones, each feature tagged with `layer`.
 * @param result the coverage result
 * @param estates the imported estates (for their locations)
 * @param facilities the facilities used
 * @returns a FeatureCollection
 */
export function coverageGeojson(
  result: CoverageResult,
  estates: Estate[],
  facilities: Facility[],
): FeatureCollection {
  const features: Feature[] = [];
  for (const zone of result.underserved.features) {
    features.push({ ...zone, properties: { layer: 'underserved-zone', ...zone.properties } });
  }
  estates.forEach((estate, i) => {
    const row = result.estates[i];
    if (!estate.location || !row) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [estate.location[0], estate.location[1]] },
      properties: {
        layer: 'estate',
        mode: result.mode,
        ...row,
        minutes: round(row.minutes),
        distanceM: round(row.distanceM),
        networkM: round(row.networkM),
        accessM: round(row.accessM),
        'marker-color': walkingMinutesColour(row.minutes, row.offNetwork),
        'marker-size': 'small',
      },
    });
  });
  const load = new Map(result.facilities.map((f) => [f.id, f]));
  for (const facility of facilities) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [facility.location[0], facility.location[1]] },
      properties: {
        layer: 'facility',
        ...load.get(facility.id),
        kind: facility.kind,
        'marker-color': '#3f007d',
        'marker-symbol': 'hospital',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
