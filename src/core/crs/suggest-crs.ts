import type { CrsId } from './crs-id';
import { inChina } from './china-bounds';
import { projectorFor } from './projector';

/**
 * Guess which projected CRS a pair of metres is in, for error hints. A Gauss–Krüger easting with a zone
 * prefix names its zone (39 512 345 → 3° zone 39 → EPSG:4527); prefixes 13–23 are 6° zones
 * (EPSG:4491–4501), 25–45 are 3° zones (EPSG:4513–4533). Web Mercator (EPSG:3857) is offered too when
 * the pair lands in China read that way. An easting without prefix cannot tell its central meridian,
 * so it gets no suggestion.
 * @param x easting as given (the larger, zone-prefixed number when swapped columns are not suspected)
 * @param y northing as given
 * @returns candidate CRS ids whose conversion lands in China, best first (possibly empty)
 * @example suggestProjectedCrs(39_512_345, 3_530_000) // ['EPSG:4527']
 */
export function suggestProjectedCrs(x: number, y: number): CrsId[] {
  const candidates: CrsId[] = [];
  const prefix = Math.floor(x / 1e6);
  if (prefix >= 25 && prefix <= 45) candidates.push(`EPSG:${4513 + prefix - 25}`);
  if (prefix >= 13 && prefix <= 23) candidates.push(`EPSG:${4491 + prefix - 13}`);
  candidates.push('EPSG:3857');
  return candidates.filter((crs) => {
    const [lng, lat] = projectorFor(crs)(x, y);
    return inChina(lng, lat);
  });
}
