import { importEstates } from './import-estates';
import { importFacilities } from './import-facilities';
import type { EstateImport, FacilityImport, FacilityImportInput, ParseXml } from './import-types';

/** Options for importShapefileZip / importKml: everything of an import input except the data. */
export type GeoFileOptions = Omit<FacilityImportInput, 'data' | 'format' | 'parseXml'> & {
  /** What the file holds. */
  target: 'estates' | 'facilities';
};

/**
 * Import a zipped shapefile (.shp + .dbf, with .prj and .cpg when present) as estates or facilities.
 * The .prj gives the CRS (CGCS2000 Gauss–Krüger zones, CGCS2000, WGS-84, Web Mercator; anything else is
 * an error unless `crs` is given); the .cpg gives the attribute encoding (GBK is detected without one).
 * @param bytes the .zip file
 * @param options fileName, target, and optionally crs, fieldMap, defaultKind
 * @returns an EstateImport or FacilityImport, as importEstates / importFacilities
 * @example importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' }).estates
 */
export function importShapefileZip(
  bytes: Uint8Array,
  options: GeoFileOptions & { target: 'estates' },
): EstateImport;
export function importShapefileZip(
  bytes: Uint8Array,
  options: GeoFileOptions & { target: 'facilities' },
): FacilityImport;
export function importShapefileZip(
  bytes: Uint8Array,
  options: GeoFileOptions,
): EstateImport | FacilityImport {
  const input = { ...options, data: bytes, format: 'shapefile' as const };
  return options.target === 'estates' ? importEstates(input) : importFacilities(input);
}

/**
 * Import KML placemarks as estates or facilities through @tmcw/togeojson. The core has no DOM: pass an
 * XML parser (`(t) => new DOMParser().parseFromString(t, 'text/xml')` in the browser).
 * @param text the KML text
 * @param options fileName, target, and optionally crs (KML is WGS-84 unless told), fieldMap, defaultKind
 * @param parseXml text → DOM Document
 * @returns an EstateImport or FacilityImport
 * @example importKml(text, { fileName: 'sites.kml', target: 'facilities', defaultKind: 'nursery' }, parse)
 */
export function importKml(
  text: string,
  options: GeoFileOptions & { target: 'estates' },
  parseXml: ParseXml,
): EstateImport;
export function importKml(
  text: string,
  options: GeoFileOptions & { target: 'facilities' },
  parseXml: ParseXml,
): FacilityImport;
export function importKml(
  text: string,
  options: GeoFileOptions,
  parseXml: ParseXml,
): EstateImport | FacilityImport {
  const input = { ...options, data: text, format: 'kml' as const, parseXml };
  return options.target === 'estates' ? importEstates(input) : importFacilities(input);
}
