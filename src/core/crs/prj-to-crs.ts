import { isSupportedEpsg, type CrsId } from './crs-id';
import { gaussKrugerEpsg } from './gauss-kruger';

/** What a `.prj` file says, as far as LifeCircle can use it. */
export interface PrjReading {
  /** The CRS, or null when the file names one the importer cannot convert exactly. */
  crs: CrsId | null;
  /** The PROJCS or GEOGCS name in the file, for messages. */
  name: string;
}

const numberParam = (wkt: string, name: string): number | null => {
  const match = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+]+)`, 'i').exec(wkt);
  return match ? Number(match[1]) : null;
};

/** The outermost AUTHORITY / ID of a WKT1 or WKT2 text is the last one in it. */
function outerEpsg(wkt: string): number | null {
  const all = [...wkt.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : null;
}

const isCgcs2000 = (wkt: string): boolean =>
  /china[_ ]?2000|cgcs[_ ]?2000|china geodetic coordinate system 2000/i.test(wkt);
const isWgs84 = (wkt: string): boolean => /wgs[_ ]?(19)?84/i.test(wkt);

function gaussKruger(wkt: string, name: string): CrsId | null {
  if (!/transverse_mercator|gauss_kruger|gauss-kruger|transverse mercator/i.test(wkt)) return null;
  const cm = numberParam(wkt, 'central_meridian') ?? numberParam(wkt, 'longitude of natural origin');
  const fe = numberParam(wkt, 'false_easting') ?? numberParam(wkt, 'false easting');
  const k = numberParam(wkt, 'scale_factor') ?? numberParam(wkt, 'scale factor at natural origin') ?? 1;
  const fn = numberParam(wkt, 'false_northing') ?? numberParam(wkt, 'false northing') ?? 0;
  const lat0 = numberParam(wkt, 'latitude_of_origin') ?? numberParam(wkt, 'latitude of natural origin') ?? 0;
  if (cm === null || fe === null || k !== 1 || fn !== 0 || lat0 !== 0) return null;
  const prefixed = fe !== 500_000;
  const zone = (fe - 500_000) / 1e6;
  let width: 3 | 6;
  if (prefixed) {
    if (!Number.isInteger(zone)) return null;
    width = zone >= 25 ? 3 : 6;
    if ((width === 3 ? cm / 3 : (cm + 3) / 6) !== zone) return null;
  } else {
    // A 6° zone's central meridian is also a 3° one and the projections are then the same formula;
    // the name says which the author meant (ESRI: CGCS2000_3_Degree_GK_CM_117E vs CGCS2000_GK_CM_117E).
    width = /3[_ -]?degree/i.test(name) || (cm + 3) % 6 !== 0 ? 3 : 6;
  }
  const code = gaussKrugerEpsg(width, cm, prefixed);
  return code === null ? null : `EPSG:${code}`;
}

/**
 * Read the coordinate system of a shapefile's `.prj` (ESRI WKT1, OGC WKT1 or WKT2).
 * Recognises WGS-84, CGCS2000 geographic (EPSG:4490), Web Mercator and the CGCS2000 Gauss–Krüger zones
 * (by their EPSG code, or by central meridian and false easting). Other datums (Beijing 1954, Xi'an
 * 1980) differ from WGS-84 by up to about 100 m with no published exact transformation, so they are
 * reported as unrecognised rather than guessed.
 * @param wkt the text of the .prj file
 * @returns the CRS (null when unrecognised) and the name found in the file
 * @example prjToCrs('PROJCS["CGCS2000_3_Degree_GK_CM_117E", …]').crs // 'EPSG:4548'
 */
export function prjToCrs(wkt: string): PrjReading {
  const nameMatch = /^\s*(?:PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  const name = nameMatch?.[1] ?? wkt.trim().slice(0, 60);
  const projected = /^\s*(PROJCS|PROJCRS)/i.test(wkt);
  const epsg = outerEpsg(wkt);
  if (epsg === 4326) return { crs: 'wgs84', name };
  if (epsg !== null && isSupportedEpsg(epsg)) return { crs: `EPSG:${epsg}`, name };
  if (!projected) {
    if (isCgcs2000(wkt)) return { crs: 'EPSG:4490', name };
    if (isWgs84(wkt)) return { crs: 'wgs84', name };
    return { crs: null, name };
  }
  if (/pseudo[_ -]?mercator|web[_ ]mercator|mercator_auxiliary_sphere/i.test(wkt))
    return { crs: 'EPSG:3857', name };
  if (isCgcs2000(wkt)) return { crs: gaussKruger(wkt, name), name };
  return { crs: null, name };
}
