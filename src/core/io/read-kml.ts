import { kml } from '@tmcw/togeojson';
import type { Geometry } from 'geojson';
import { rowError, type MessageContext } from './diagnostic';
import type { ParseXml, SourceTable } from './import-types';
import { tableFromFeatures } from './table-from-features';

/** The few DOM members this module touches on the parsed document. */
interface XmlDocumentLike {
  getElementsByTagName(name: string): ArrayLike<unknown>;
}

const isDocument = (doc: unknown): doc is XmlDocumentLike =>
  typeof doc === 'object' &&
  doc !== null &&
  typeof (doc as XmlDocumentLike).getElementsByTagName === 'function';

/** KML's MultiGeometry becomes a GeometryCollection; one made only of polygons is a MultiPolygon. */
function simplify(geometry: Geometry | null): Geometry | null {
  if (geometry?.type !== 'GeometryCollection') return geometry;
  const parts = geometry.geometries;
  if (parts.length === 1 && parts[0]) return parts[0];
  if (parts.length > 0 && parts.every((g) => g.type === 'Polygon')) {
    return {
      type: 'MultiPolygon',
      coordinates: parts.map((g) => (g.type === 'Polygon' ? g.coordinates : [])),
    };
  }
  return geometry;
}

/**
 * Read KML (Google Earth, 2-bit map exports) into rows through @tmcw/togeojson. The core has no DOM, so
 * the XML parser comes in as a parameter (DOMParser in the browser). KML is WGS-84 by specification,
 * which becomes the declared CRS (an explicit `crs` still overrides it, for GCJ-02 exports).
 * @param text the KML text
 * @param ctx file name and format, for messages
 * @param parseXml text → DOM Document
 * @returns one row per Placemark; name, description and ExtendedData fields as cells
 * @example readKml(text, { file: 'sites.kml', format: 'kml' }, (t) => new DOMParser().parseFromString(t, 'text/xml'))
 */
export function readKml(text: string, ctx: MessageContext, parseXml: ParseXml): SourceTable {
  let doc: unknown;
  let problem: string | null = null;
  try {
    doc = parseXml(text);
    if (!isDocument(doc)) problem = 'the XML parser returned no document';
    else if (doc.getElementsByTagName('parsererror').length > 0) problem = 'the XML is malformed';
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  let features: unknown[] = [];
  if (problem === null) {
    try {
      features = kml(doc as Parameters<typeof kml>[0]).features.map((f) => ({
        ...f,
        geometry: simplify(f.geometry),
      }));
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
  }
  const table = tableFromFeatures(features, ctx, null, 'wgs84');
  if (problem !== null) {
    table.fatal = rowError(
      ctx,
      0,
      null,
      'bad-xml',
      `not readable KML (${problem})`,
      `不是可读取的 KML（${problem}）`,
    );
  }
  return table;
}
