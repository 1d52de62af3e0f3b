import { describe, expect, it } from 'vitest';
import { CrsError, crsUnits, parseCrs } from '../../../src/core/crs';

describe('parseCrs', () => {
  it('reads the spellings people type for the three geographic systems', () => {
    expect(parseCrs('wgs84')).toBe('wgs84');
    expect(parseCrs('WGS 84')).toBe('wgs84');
    expect(parseCrs('EPSG:4326')).toBe('wgs84');
    expect(parseCrs('GCJ-02')).toBe('gcj02');
    expect(parseCrs('gaode')).toBe('gcj02');
    expect(parseCrs('BD-09')).toBe('bd09');
    expect(parseCrs('baidu')).toBe('bd09');
    expect(parseCrs('CGCS2000')).toBe('EPSG:4490');
  });

  it('accepts the CGCS2000 Gauss–Krüger codes at both ends of each range, with or without "EPSG:"', () => {
    for (const code of [4491, 4501, 4502, 4512, 4513, 4533, 4534, 4554, 4490, 3857]) {
      expect(parseCrs(`EPSG:${code}`)).toBe(`EPSG:${code}`);
      expect(parseCrs(`epsg ${code}`)).toBe(`EPSG:${code}`);
      expect(parseCrs(String(code))).toBe(`EPSG:${code}`);
    }
  });

  it('refuses unknown names and codes with a message listing what is accepted', () => {
    for (const text of ['mars-ish', 'EPSG:4555', 'EPSG:4214', '']) {
      expect(() => parseCrs(text)).toThrow(CrsError);
      try {
        parseCrs(text);
      } catch (e) {
        expect((e as CrsError).message).toMatch(/Accepted: wgs84, gcj02, bd09/);
        expect((e as CrsError).messageZh).toMatch(/可用/);
      }
    }
  });
});

describe('crsUnits', () => {
  it('tells degrees from projected metres', () => {
    expect(crsUnits('bd09')).toBe('degrees');
    expect(crsUnits('EPSG:4490')).toBe('degrees');
    expect(crsUnits('EPSG:4548')).toBe('metres');
    expect(crsUnits('EPSG:3857')).toBe('metres');
  });
});
