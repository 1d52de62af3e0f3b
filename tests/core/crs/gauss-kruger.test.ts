import { describe, expect, it } from 'vitest';
import { gaussKrugerEpsg, gaussKrugerProj4, gaussKrugerZone, projectorFor } from '../../../src/core/crs';

describe('gaussKrugerZone', () => {
  it('numbers the zones as the EPSG registry names them', () => {
    // Names from epsg.io: 4491 “CGCS2000 / Gauss-Kruger zone 13”, 4502 “… CM 75E”,
    // 4513 “CGCS2000 / 3-degree Gauss-Kruger zone 25”, 4527 “… zone 39”, 4548 “… CM 117E”, 4554 “… CM 135E”.
    expect(gaussKrugerZone(4491)).toMatchObject({
      width: 6,
      zone: 13,
      centralMeridian: 75,
      falseEasting: 13_500_000,
    });
    expect(gaussKrugerZone(4501)).toMatchObject({ width: 6, zone: 23, centralMeridian: 135, prefixed: true });
    expect(gaussKrugerZone(4502)).toMatchObject({ width: 6, centralMeridian: 75, falseEasting: 500_000 });
    expect(gaussKrugerZone(4513)).toMatchObject({
      width: 3,
      zone: 25,
      centralMeridian: 75,
      falseEasting: 25_500_000,
    });
    expect(gaussKrugerZone(4527)).toMatchObject({
      width: 3,
      zone: 39,
      centralMeridian: 117,
      falseEasting: 39_500_000,
    });
    expect(gaussKrugerZone(4548)).toMatchObject({
      width: 3,
      centralMeridian: 117,
      prefixed: false,
      falseEasting: 500_000,
    });
    expect(gaussKrugerZone(4554)).toMatchObject({ width: 3, centralMeridian: 135, prefixed: false });
    expect(gaussKrugerZone(4490)).toBeNull();
    expect(gaussKrugerZone(4555)).toBeNull();
  });

  it('writes the proj4 definition epsg.io publishes for EPSG:4528', () => {
    const zone = gaussKrugerZone(4528);
    expect(zone && gaussKrugerProj4(zone)).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    );
  });

  it('finds the code back from width, central meridian and prefix for every zone', () => {
    for (let code = 4491; code <= 4554; code++) {
      const zone = gaussKrugerZone(code);
      expect(zone).not.toBeNull();
      if (zone) expect(gaussKrugerEpsg(zone.width, zone.centralMeridian, zone.prefixed)).toBe(code);
    }
  });
});

describe('projection against epsg.io', () => {
  // epsg.io lists for each CRS the projected “center coordinates” of its WGS-84 bounds (computed
  // there with PROJ): the bounds' centre must project onto them. Inverting must give the centre back.
  const cases: [number, [number, number], [number, number]][] = [
    [4522, [(100.5 + 103.5) / 2, (21.13 + 42.69) / 2], [34_500_000.0, 3_531_872.69]],
    [4524, [(106.5 + 109.51) / 2, (18.19 + 42.47) / 2], [36_500_480.83, 3_356_695.63]],
    [4505, [(90.0 + 96.01) / 2, (27.71 + 47.9) / 2], [500_440.32, 4_185_854.08]],
  ];
  it.each(cases)('EPSG:%i inverts its published centre to within 1 cm', (code, lngLat, projected) => {
    const [lng, lat] = projectorFor(`EPSG:${code}`)(projected[0], projected[1]);
    // 1 cm at these latitudes is about 1e-7 degrees.
    expect(Math.abs(lng - lngLat[0])).toBeLessThan(2e-7);
    expect(Math.abs(lat - lngLat[1])).toBeLessThan(2e-7);
  });
});
