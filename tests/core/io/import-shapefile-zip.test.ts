import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importShapefileZip } from '../../../src/core/io';
import { errorRows } from './fixtures';
import { ascii, writeDbf, writeShp, zipShapefile, type DbfField } from './shapefile-writer';

// GBK bytes, checked with `echo -n 户数 | iconv -f utf-8 -t gbk | xxd -p`.
const GBK = {
  户数: [0xbb, 0xa7, 0xca, 0xfd],
  金地: [0xbd, 0xf0, 0xb5, 0xd8],
  花园: [0xbb, 0xa8, 0xd4, 0xb0],
  类型: [0xc0, 0xe0, 0xd0, 0xcd],
  养老院: [0xd1, 0xf8, 0xc0, 0xcf, 0xd4, 0xba],
};
const gbk = (...parts: number[][]) => new Uint8Array(parts.flat());

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GK117_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const estateFields: DbfField[] = [
  { name: ascii('NAME'), type: 'C', length: 20 },
  { name: gbk(GBK.户数), type: 'N', length: 8 },
];
const estateRecords = [
  [gbk(GBK.金地), ascii('3637')],
  [gbk(GBK.花园), ascii('1200')],
  [ascii('none'), ascii('50')],
];
const points = writeShp(
  [{ type: 'point', x: 117.3, y: 31.84 }, { type: 'point', x: 117.25, y: 31.85 }, null],
  1,
);

describe('importShapefileZip', () => {
  it('reads GBK attributes without a .cpg (detected) and maps the Chinese field name', () => {
    const zip = zipShapefile('estates', {
      shp: points,
      dbf: writeDbf(estateFields, estateRecords),
      prj: WGS84_PRJ,
    });
    const result = importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' });
    expect(result).toMatchObject({ format: 'shapefile', encoding: 'gb18030', crs: 'wgs84', rowCount: 3 });
    expect(result.mapping.households).toBe('户数');
    expect(result.estates.map((e) => [e.name, e.households, e.location])).toEqual([
      ['金地', 3637, [117.3, 31.84]],
      ['花园', 1200, [117.25, 31.85]],
    ]);
    // The null shape is a row without coordinates in a file that has them.
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'missing-coordinate']]);
    expect(result.estates.length + errorRows(result.errors)).toBe(result.rowCount);
  });

  it('honours a .cpg', () => {
    const zip = zipShapefile('estates', {
      shp: points,
      dbf: writeDbf(estateFields, estateRecords),
      prj: WGS84_PRJ,
      cpg: '936',
    });
    const result = importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' });
    expect(result.encoding).toBe('gb18030');
    expect(result.estates[0]?.name).toBe('金地');
  });

  it('reads a CGCS2000 Gauss–Krüger .prj and converts polygons, taking the centroid', () => {
    // A 200 m square centred on easting 500 000 (the central meridian, 117°E) and northing 3 523 000.
    const square: [number, number][] = [
      [499_900, 3_522_900],
      [499_900, 3_523_100],
      [500_100, 3_523_100],
      [500_100, 3_522_900],
      [499_900, 3_522_900],
    ];
    const shp = writeShp([{ type: 'polygon', rings: [square] }], 5);
    const dbf = writeDbf(estateFields, [[ascii('sq'), ascii('10')]]);
    const result = importShapefileZip(zipShapefile('gk', { shp, dbf, prj: GK117_PRJ }), {
      fileName: 'gk.zip',
      target: 'estates',
    });
    expect(result.crs).toBe('EPSG:4548');
    const estate = result.estates[0];
    expect(estate?.geometry?.type).toBe('Polygon');
    // On the central meridian the longitude is exactly 117°; 3 523 km north of the equator is about 31.8°N.
    expect(estate?.location?.[0]).toBeCloseTo(117, 7);
    expect(estate?.location?.[1]).toBeGreaterThan(31.7);
    expect(estate?.location?.[1]).toBeLessThan(31.9);
  });

  it('refuses a .prj it cannot convert exactly, unless --crs is given', () => {
    const xian = GK117_PRJ.replace('CGCS2000_3_Degree', 'Xian_1980_3_Degree').replace(
      /China_Geodetic_Coordinate_System_2000|China_2000|CGCS2000/g,
      'Xian_1980',
    );
    const zip = zipShapefile('x', { shp: points, dbf: writeDbf(estateFields, estateRecords), prj: xian });
    const refused = importShapefileZip(zip, { fileName: 'x.zip', target: 'estates' });
    expect(refused.fatal).toBe(true);
    expect(refused.errors[0]).toMatchObject({ row: 0, code: 'unknown-prj' });
    expect(refused.errors[0]?.message).toContain('Xian_1980_3_Degree_GK_CM_117E');
    const forced = importShapefileZip(zip, { fileName: 'x.zip', target: 'estates', crs: 'wgs84' });
    expect(forced.estates).toHaveLength(2);
    expect(forced.warnings.map((w) => w.code)).toContain('crs-override');
  });

  it('imports facilities with a GBK kind field', () => {
    const fields: DbfField[] = [
      { name: ascii('NAME'), type: 'C', length: 10 },
      { name: gbk(GBK.类型), type: 'C', length: 10 },
    ];
    const dbf = writeDbf(fields, [[ascii('home'), gbk(GBK.养老院)]]);
    const shp = writeShp([{ type: 'point', x: 117.3, y: 31.84 }], 1);
    const result = importShapefileZip(zipShapefile('f', { shp, dbf, cpg: 'GBK' }), {
      fileName: 'f.zip',
      target: 'facilities',
    });
    expect(result.facilities.map((f) => [f.name, f.kind])).toEqual([['home', 'elderly-home']]);
  });

  it('reports a file that is not a zip, and a zip without a .shp', () => {
    expect(
      importShapefileZip(ascii('not a zip'), { fileName: 'a.zip', target: 'estates' }).errors[0]?.code,
    ).toBe('bad-zip');
    const noShp = zipSync({ 'readme.txt': ascii('hello') });
    const result = importShapefileZip(noShp, { fileName: 'b.zip', target: 'estates' });
    expect(result.errors[0]).toMatchObject({ row: 0, code: 'no-shapefile' });
    expect(result.errors[0]?.message).toContain('readme.txt');
  });
});
