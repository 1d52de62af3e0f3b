import { crsUnits, type CrsId } from './crs-id';
import { gaussKrugerZone } from './gauss-kruger';

/** The geographic systems people confuse (EPSG:4490 reads exactly like WGS-84, so it is left out). */
const GEOGRAPHIC: CrsId[] = ['wgs84', 'gcj02', 'bd09'];

/**
 * The other readings of a file worth trying when its points land in the wrong place: the other
 * geographic systems for degrees, and for a Gauss–Krüger zone the other zones of the same family, nearest first (same
 * width, same zone-prefix convention: an easting without prefix does not say its central meridian, so a
 * wrong zone moves every point by a multiple of the zone width) plus Web Mercator.
 * @param crs the CRS the file was read in
 * @returns candidate CRS ids, not including `crs`
 * @example crsAlternatives('EPSG:4550') // ['EPSG:4549', 'EPSG:4551', 'EPSG:4548', …, 'EPSG:3857']
 */
export function crsAlternatives(crs: CrsId): CrsId[] {
  if (crsUnits(crs) === 'degrees')
    return GEOGRAPHIC.filter((c) => c !== crs && !(crs === 'EPSG:4490' && c === 'wgs84'));
  const zone = gaussKrugerZone(Number(crs.slice(5)));
  if (!zone) return [];
  const first = zone.width === 6 ? (zone.prefixed ? 4491 : 4502) : zone.prefixed ? 4513 : 4534;
  const size = zone.width === 6 ? 11 : 21;
  const codes: number[] = [];
  for (let code = first; code < first + size; code++) if (code !== zone.code) codes.push(code);
  // Nearest zones first: a file is most often one zone off, and a far zone can land on some other land.
  codes.sort((a, b) => Math.abs(a - zone.code) - Math.abs(b - zone.code) || a - b);
  return [...codes.map((code): CrsId => `EPSG:${code}`), 'EPSG:3857'];
}
