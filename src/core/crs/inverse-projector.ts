import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { CrsId } from './crs-id';
import { gaussKrugerProj4, gaussKrugerZone } from './gauss-kruger';
import type { Projector } from './projector';

const identity: Projector = (x, y) => [x, y];
const toGcj02: Projector = (x, y) => gcoord.transform([x, y], gcoord.WGS84, gcoord.GCJ02) as [number, number];
const toBd09: Projector = (x, y) => gcoord.transform([x, y], gcoord.WGS84, gcoord.BD09) as [number, number];

/** proj4 converters are costly to build: one per CRS, reused for every point. */
const cache = new Map<CrsId, Projector>();

function build(crs: CrsId): Projector {
  if (crs === 'wgs84' || crs === 'EPSG:4490') return identity;
  if (crs === 'gcj02') return toGcj02;
  if (crs === 'bd09') return toBd09;
  const code = Number(crs.slice(5));
  const zone = gaussKrugerZone(code);
  // The same definitions as projectorFor, run the other way.
  const definition = zone ? gaussKrugerProj4(zone) : code === 3857 ? 'EPSG:3857' : null;
  if (definition === null) throw new Error(`No projection for ${crs}`);
  const converter = proj4(definition, 'WGS84');
  return (x, y) => converter.inverse([x, y]) as [number, number];
}

/**
 * The raw converter from WGS-84 to a CRS: the inverse of projectorFor, built once and cached. Used to
 * recover what a file said from what it was read as, so another reading can be tried.
 * @param crs a CrsId from parseCrs
 * @returns (lng, lat) in WGS-84 → [x, y] in `crs` (longitude/easting, latitude/northing)
 * @example inverseProjectorFor('EPSG:4548')(117, 31.6) // ≈ [500000, 3497000]
 */
export function inverseProjectorFor(crs: CrsId): Projector {
  let projector = cache.get(crs);
  if (!projector) {
    projector = build(crs);
    cache.set(crs, projector);
  }
  return projector;
}
