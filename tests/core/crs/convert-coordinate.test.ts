import { describe, expect, it } from 'vitest';
import { convertCoordinate, CrsError, toWgs84 } from '../../../src/core/crs';
import { gcj02ToBd09, metres, wgs84ToGcj02 } from './china-offsets';

const code = (x: number, y: number, crs: Parameters<typeof convertCoordinate>[2]) =>
  convertCoordinate(x, y, crs).problem?.code ?? 'ok';

describe('toWgs84', () => {
  const places: [string, number, number][] = [
    ['Hefei, 金地国际城', 117.2973, 31.8394],
    ['Shanghai, 中远两湾城', 121.441, 31.2553],
    ['Urumqi', 87.6168, 43.8256],
    ['Harbin', 126.535, 45.8038],
    ['Sanya', 109.512, 18.2528],
  ];
  it.each(places)('undoes the published GCJ-02 and BD-09 offsets to within 2 m (%s)', (_, lng, lat) => {
    const gcj = wgs84ToGcj02(lng, lat);
    const bd = gcj02ToBd09(gcj[0], gcj[1]);
    // The offsets are hundreds of metres, so a 2 m match is a real check.
    expect(metres([lng, lat], gcj)).toBeGreaterThan(100);
    expect(metres(toWgs84(gcj[0], gcj[1], 'gcj02'), [lng, lat])).toBeLessThan(2);
    expect(metres(toWgs84(bd[0], bd[1], 'bd09'), [lng, lat])).toBeLessThan(2);
  });

  it('passes WGS-84 and CGCS2000 degrees through unchanged', () => {
    expect(toWgs84(117.3, 31.8, 'wgs84')).toEqual([117.3, 31.8]);
    expect(toWgs84(117.3, 31.8, 'EPSG:4490')).toEqual([117.3, 31.8]);
  });

  it('throws a CrsError (with a Chinese message) for an implausible pair', () => {
    expect(() => toWgs84(31.8, 117.3, 'wgs84')).toThrow(CrsError);
    expect(() => toWgs84(31.8, 117.3, 'wgs84')).toThrow(/swapped/);
  });
});

describe('convertCoordinate plausibility checks', () => {
  it('accepts points in China in every system', () => {
    expect(code(117.3, 31.8, 'bd09')).toBe('ok');
    expect(code(39_500_000, 3_500_000, 'EPSG:4527')).toBe('ok');
    expect(code(500_000, 3_500_000, 'EPSG:4548')).toBe('ok');
    expect(code(13_000_000, 3_700_000, 'EPSG:3857')).toBe('ok');
  });

  it('spots swapped latitude/longitude and swapped northing/easting', () => {
    expect(code(31.8, 117.3, 'bd09')).toBe('swapped-coordinate');
    expect(code(31.8, 117.3, 'wgs84')).toBe('swapped-coordinate');
    // Chinese surveyors write X = northing first: the classic slip.
    expect(code(3_500_000, 39_500_000, 'EPSG:4527')).toBe('swapped-coordinate');
    expect(code(3_500_000, 500_000, 'EPSG:4548')).toBe('swapped-coordinate');
  });

  it('refuses points outside China, naming the box', () => {
    const result = convertCoordinate(-74.006, 40.713, 'wgs84');
    expect(result.problem?.code).toBe('outside-china');
    expect(result.problem?.message).toMatch(/outside China/);
    expect(code(2.35, 48.85, 'gcj02')).toBe('outside-china');
    expect(code(500_000, 9_000_000, 'EPSG:4548')).toBe('outside-china');
  });

  it('refuses projected metres when the CRS says degrees, and suggests the zone', () => {
    const result = convertCoordinate(39_512_345, 3_530_000, 'wgs84');
    expect(result.problem?.code).toBe('projected-not-degrees');
    // The zone to try is a hint each front end words (`--crs`, the planner's CRS list), not message text.
    expect(result.problem?.hint).toEqual({ kind: 'crs', crs: ['EPSG:4527'] });
    expect(result.problem?.message).not.toMatch(/--/);
    expect(code(200, 10, 'wgs84')).toBe('coordinate-out-of-range');
  });

  it('refuses degrees when the CRS says projected', () => {
    expect(code(117.3, 31.8, 'EPSG:4527')).toBe('degrees-not-projected');
    expect(code(117.3, 31.8, 'EPSG:3857')).toBe('degrees-not-projected');
  });

  it('checks the Gauss–Krüger zone prefix against the code', () => {
    const wrongZone = convertCoordinate(40_500_000, 3_500_000, 'EPSG:4527');
    expect(wrongZone.problem?.code).toBe('gauss-kruger-zone');
    expect(wrongZone.problem?.hint).toMatchObject({
      kind: 'crs',
      crs: expect.arrayContaining(['EPSG:4528']),
    });
    expect(code(500_000, 3_500_000, 'EPSG:4527')).toBe('gauss-kruger-zone');
    expect(convertCoordinate(39_500_000, 3_500_000, 'EPSG:4548').problem?.hint).toMatchObject({
      crs: expect.arrayContaining(['EPSG:4527']),
    });
    expect(convertCoordinate(117.3, 31.8, 'EPSG:4527').problem?.hint).toEqual({
      kind: 'crs',
      crs: ['wgs84', 'gcj02', 'bd09'],
    });
  });

  it('refuses non-numbers', () => {
    expect(code(NaN, 31.8, 'wgs84')).toBe('bad-coordinate');
    expect(code(117.3, Infinity, 'bd09')).toBe('bad-coordinate');
  });

  it('gives the same point for the prefixed and the plain form of one zone', () => {
    const a = toWgs84(39_512_345.6, 3_530_123.4, 'EPSG:4527');
    const b = toWgs84(512_345.6, 3_530_123.4, 'EPSG:4548');
    expect(a).toEqual(b);
    expect(a[0]).toBeGreaterThan(117);
  });
});
