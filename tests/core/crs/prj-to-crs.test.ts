import { describe, expect, it } from 'vitest';
import { prjToCrs, suggestProjectedCrs } from '../../../src/core/crs';

// ESRI WKT as ArcGIS writes it in .prj files (ArcGIS's CGCS2000 definitions).
const esriGk = (name: string, fe: number, cm: number) =>
  `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('prjToCrs', () => {
  it('recognises ESRI CGCS2000 Gauss–Krüger zones by their parameters', () => {
    expect(prjToCrs(esriGk('CGCS2000_3_Degree_GK_CM_117E', 500000.0, 117.0)).crs).toBe('EPSG:4548');
    expect(prjToCrs(esriGk('CGCS2000_3_Degree_GK_Zone_39', 39500000.0, 117.0)).crs).toBe('EPSG:4527');
    expect(prjToCrs(esriGk('CGCS2000_GK_Zone_20', 20500000.0, 117.0)).crs).toBe('EPSG:4498');
    expect(prjToCrs(esriGk('CGCS2000_GK_CM_111E', 500000.0, 111.0)).crs).toBe('EPSG:4508');
    expect(prjToCrs(esriGk('CGCS2000_3_Degree_GK_CM_117E', 500000.0, 117.0)).name).toBe(
      'CGCS2000_3_Degree_GK_CM_117E',
    );
  });

  it('refuses a zone whose central meridian contradicts its prefix', () => {
    expect(prjToCrs(esriGk('odd', 39500000.0, 120.0)).crs).toBeNull();
  });

  it('uses the EPSG authority of an OGC WKT', () => {
    const wkt = `PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","4528"]]`;
    expect(prjToCrs(wkt).crs).toBe('EPSG:4528');
  });

  it('recognises geographic WGS-84 and CGCS2000', () => {
    const wgs =
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(prjToCrs(wgs).crs).toBe('wgs84');
    const cgcs =
      'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(prjToCrs(cgcs).crs).toBe('EPSG:4490');
  });

  it("leaves Xi'an 1980 and Beijing 1954 unrecognised (no exact transformation)", () => {
    const xian = esriGk('Xian_1980_3_Degree_GK_CM_117E', 500000.0, 117.0)
      .replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Xian_1980')
      .replace('D_China_2000', 'D_Xian_1980')
      .replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Xian_1980",6378140.0,298.257]');
    expect(prjToCrs(xian)).toEqual({ crs: null, name: 'Xian_1980_3_Degree_GK_CM_117E' });
  });
});

describe('suggestProjectedCrs', () => {
  it('reads the zone from a prefixed easting', () => {
    expect(suggestProjectedCrs(39_512_345, 3_530_000)).toEqual(['EPSG:4527']);
    expect(suggestProjectedCrs(20_400_000, 3_500_000)[0]).toBe('EPSG:4498');
  });
  it('offers Web Mercator when that lands in China, and nothing for an unprefixed easting', () => {
    expect(suggestProjectedCrs(13_060_000, 3_740_000)).toContain('EPSG:3857');
    expect(suggestProjectedCrs(512_345, 3_530_000)).toEqual([]);
  });
});
