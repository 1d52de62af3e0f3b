import { describe, expect, it } from 'vitest';
import { importEstates, importKml } from '../../../src/core/io';
import { errorRows } from './fixtures';
import { parseXml } from './mini-xml';

// Hand-written KML 2.2 in the shape Google Earth and 2-bit map exporters write.
const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <name>设施</name>
  <Placemark id="p1">
    <name>包河日间照料中心</name>
    <ExtendedData>
      <Data name="类型"><value>日间照料中心</value></Data>
      <Data name="床位数"><value>20</value></Data>
    </ExtendedData>
    <Point><coordinates>117.30,31.84,0</coordinates></Point>
  </Placemark>
  <Placemark>
    <name>托育 &amp; 早教</name>
    <ExtendedData><Data name="类型"><value>托育机构</value></Data></ExtendedData>
    <MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>117.30,31.80 117.31,31.80 117.31,31.81 117.30,31.81 117.30,31.80</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>117.32,31.80 117.33,31.80 117.33,31.81 117.32,31.81 117.32,31.80</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </MultiGeometry>
  </Placemark>
  <Placemark>
    <name>只有线</name>
    <ExtendedData><Data name="类型"><value>养老院</value></Data></ExtendedData>
    <LineString><coordinates>117.3,31.8 117.4,31.9</coordinates></LineString>
  </Placemark>
</Document>
</kml>`;

describe('importKml (XML parser injected)', () => {
  const result = importKml(KML, { fileName: 'sites.kml', target: 'facilities' }, parseXml);

  it('reads placemarks, ExtendedData fields and MultiGeometry polygons', () => {
    expect(result).toMatchObject({ format: 'kml', crs: 'wgs84', rowCount: 3 });
    expect(result.facilities.map((f) => [f.id, f.name, f.kind, f.capacity.beds])).toEqual([
      ['p1', '包河日间照料中心', 'elderly-daycare', 20],
      ['2', '托育 & 早教', 'nursery', null],
    ]);
    expect(result.facilities[0]?.location).toEqual([117.3, 31.84]);
    // Two equal squares 117.30–117.31 and 117.32–117.33 become one MultiPolygon, centroid at 117.315.
    expect(result.facilities[1]?.location[0]).toBeCloseTo(117.315, 9);
  });

  it('refuses a LineString placemark on its row', () => {
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'unsupported-geometry']]);
    expect(result.facilities.length + errorRows(result.errors)).toBe(result.rowCount);
  });

  it('reads GCJ-02 KML when told', () => {
    const gcj = importKml(KML, { fileName: 'sites.kml', target: 'facilities', crs: 'gcj02' }, parseXml);
    expect(gcj.facilities[0]?.location[0]).toBeLessThan(117.3);
    expect(gcj.warnings.map((w) => w.code)).toContain('crs-override');
  });

  it('reports malformed XML and a missing parser as file-level errors', () => {
    const broken = importKml('<kml><Document>', { fileName: 'b.kml', target: 'estates' }, parseXml);
    expect(broken.errors[0]).toMatchObject({ row: 0, code: 'bad-xml' });
    const noParser = importEstates({ data: KML, fileName: 'a.kml' });
    expect(noParser.errors[0]).toMatchObject({ row: 0, code: 'needs-xml-parser' });
  });
});
