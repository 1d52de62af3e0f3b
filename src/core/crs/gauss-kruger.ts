/**
 * CGCS2000 Gauss–Krüger projections, generated from the EPSG code instead of 64 hard-coded strings.
 *
 * The EPSG registry (epsg.io/4491 … epsg.io/4554, checked against the WKT there) numbers them as:
 * - 4491–4501 “CGCS2000 / Gauss-Kruger zone 13 … 23”: 6° zones, central meridian 6·zone − 3
 *   (75°E … 135°E), false easting zone·10⁶ + 500 000 (the zone number prefixed to the easting);
 * - 4502–4512 “CGCS2000 / Gauss-Kruger CM 75E … CM 135E”: the same zones, false easting 500 000;
 * - 4513–4533 “CGCS2000 / 3-degree Gauss-Kruger zone 25 … 45”: 3° zones, central meridian 3·zone
 *   (75°E … 135°E), false easting zone·10⁶ + 500 000;
 * - 4534–4554 “CGCS2000 / 3-degree Gauss-Kruger CM 75E … CM 135E”: false easting 500 000.
 * All are Transverse Mercator, latitude of origin 0, scale 1, false northing 0, on the CGCS2000
 * ellipsoid (a = 6 378 137, 1/f = 298.257222101, i.e. GRS80 to 0.1 mm). CGCS2000 and WGS-84 agree to a
 * few centimetres, far below what estate planning needs, so no datum shift is applied.
 */
export interface GaussKrugerZone {
  /** The EPSG code. */
  code: number;
  /** Zone width in degrees. */
  width: 3 | 6;
  /** Zone number (13–23 for 6°, 25–45 for 3°). */
  zone: number;
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** Whether the zone number is prefixed to the easting (false easting zone·10⁶ + 500 000). */
  prefixed: boolean;
  /** False easting in metres. */
  falseEasting: number;
}

/** For error messages: the EPSG ranges handled here. */
export const SUPPORTED_EPSG_RANGES =
  'EPSG:4491–4512 (CGCS2000 6° Gauss–Krüger), EPSG:4513–4554 (CGCS2000 3° Gauss–Krüger)';

/**
 * Describe the CGCS2000 Gauss–Krüger projection behind an EPSG code.
 * @param code EPSG code
 * @returns the zone, or null when the code is not one of 4491–4554
 * @example gaussKrugerZone(4548) // { width: 3, zone: 39, centralMeridian: 117, prefixed: false, … }
 */
export function gaussKrugerZone(code: number): GaussKrugerZone | null {
  if (!Number.isInteger(code)) return null;
  const make = (width: 3 | 6, zone: number, prefixed: boolean): GaussKrugerZone => {
    const centralMeridian = width === 6 ? 6 * zone - 3 : 3 * zone;
    return {
      code,
      width,
      zone,
      centralMeridian,
      prefixed,
      falseEasting: (prefixed ? zone * 1e6 : 0) + 500_000,
    };
  };
  if (code >= 4491 && code <= 4501) return make(6, code - 4491 + 13, true);
  if (code >= 4502 && code <= 4512) return make(6, code - 4502 + 13, false);
  if (code >= 4513 && code <= 4533) return make(3, code - 4513 + 25, true);
  if (code >= 4534 && code <= 4554) return make(3, code - 4534 + 25, false);
  return null;
}

/**
 * The proj4 definition of a CGCS2000 Gauss–Krüger zone (as published on epsg.io for the same code).
 * @param zone from gaussKrugerZone
 * @returns e.g. `+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`
 */
export function gaussKrugerProj4(zone: GaussKrugerZone): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=1 +x_0=${zone.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/**
 * The EPSG code of the CGCS2000 Gauss–Krüger zone with the given parameters, for `.prj` files and hints.
 * @param width 3 or 6 degrees
 * @param centralMeridian degrees east
 * @param prefixed whether the easting carries the zone number
 * @returns the EPSG code, or null when no zone matches
 */
export function gaussKrugerEpsg(width: 3 | 6, centralMeridian: number, prefixed: boolean): number | null {
  const zone = width === 6 ? (centralMeridian + 3) / 6 : centralMeridian / 3;
  if (!Number.isInteger(zone)) return null;
  if (width === 6 && zone >= 13 && zone <= 23) return (prefixed ? 4491 : 4502) + zone - 13;
  if (width === 3 && zone >= 25 && zone <= 45) return (prefixed ? 4513 : 4534) + zone - 25;
  return null;
}
