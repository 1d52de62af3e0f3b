import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { CrsId } from './crs-id';
import { gaussKrugerProj4, gaussKrugerZone } from './gauss-kruger';

/** Converts one coordinate pair of a given CRS to WGS-84 [lng, lat]; no checks. */
export type Projector = (x: number, y: number) => [number, number];

const identity: Projector = (x, y) => [x, y];
const fromGcj02: Projector = (x, y) =>
  gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) as [number, number];
const fromBd09: Projector = (x, y) => gcoord.transform([x, y], gcoord.BD09, gcoord.WGS84) as [number, number];

/** proj4 converters are costly to build: one per CRS, reused for every point. */
const cache = new Map<CrsId, Projector>();

function build(crs: CrsId): Projector {
  if (crs === 'wgs84' || crs === 'EPSG:4490') return identity;
  if (crs === 'gcj02') return fromGcj02;
  if (crs === 'bd09') return fromBd09;
  const code = Number(crs.slice(5));
  const zone = gaussKrugerZone(code);
  // EPSG:3857 is built into proj4 (Web Mercator); the Gauss–Krüger zones are generated.
  const definition = zone ? gaussKrugerProj4(zone) : code === 3857 ? 'EPSG:3857' : null;
  if (definition === null) throw new Error(`No projection for ${crs}`);
  const converter = proj4(definition, 'WGS84');
  return (x, y) => converter.forward([x, y]) as [number, number];
}

/**
 * The raw converter from a CRS to WGS-84, built once and cached. It does no plausibility checks: use
 * convertCoordinate for user data.
 * @param crs a CrsId from parseCrs
 * @returns (x, y) → [lng, lat] in WGS-84; x is longitude or easting, y latitude or northing
 * @example projectorFor('EPSG:4548')(39_500_000 - 39_000_000, 3_500_000) // ≈ [117, 31.6]
 */
export function projectorFor(crs: CrsId): Projector {
  let projector = cache.get(crs);
  if (!projector) {
    projector = build(crs);
    cache.set(crs, projector);
  }
  return projector;
}
