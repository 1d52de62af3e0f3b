import { describe, expect, it } from 'vitest';
import { importFacilities } from '../../../src/core/io';
import { errorRows, fixtureBytes } from './fixtures';

describe('importFacilities', () => {
  const result = importFacilities({ data: fixtureBytes('facilities.csv'), fileName: 'facilities.csv' });

  it('reads kinds from words, capacities and statuses (hand-worked from the fixture)', () => {
    expect(result.facilities.map((f) => [f.name, f.kind, f.status, f.capacity])).toEqual([
      ['包河日间照料中心', 'elderly-daycare', 'existing', { places: null, beds: 20, floorArea: 600 }],
      ['滨湖养老服务站', 'elderly-station', 'existing', { places: null, beds: null, floorArea: 200 }],
      ['托育园', 'nursery', 'planned', { places: 60, beds: null, floorArea: 400 }],
      ['某幼儿园托班', 'kindergarten-nursery', 'existing', { places: 20, beds: null, floorArea: null }],
    ]);
    expect(result.facilities[0]).toMatchObject({ id: '1', row: 1, location: [117.3, 31.84], properties: {} });
  });

  it('refuses an unknown kind and a facility without coordinates', () => {
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [5, '类型', 'bad-kind'],
      [6, '经度/纬度', 'missing-coordinate'],
    ]);
    expect(result.errors[0]?.message).toContain('found "社区食堂"');
    expect(result.facilities.length + errorRows(result.errors)).toBe(result.rowCount);
    expect(result.rowCount).toBe(6);
  });

  it('uses defaultKind for rows without a kind, and needs a kind column otherwise', () => {
    const csv = '名称,经度,纬度\nA,117.3,31.8\n';
    const withDefault = importFacilities({ data: csv, fileName: 'n.csv', defaultKind: 'nursery' });
    expect(withDefault.facilities[0]?.kind).toBe('nursery');
    const without = importFacilities({ data: csv, fileName: 'n.csv' });
    expect(without.fatal).toBe(true);
    expect(without.errors[0]).toMatchObject({ row: 0, code: 'missing-column' });
  });

  it('needs coordinates in the file', () => {
    const result = importFacilities({ data: '名称,类型\nA,养老院\n', fileName: 'n.csv' });
    expect(result.fatal).toBe(true);
    expect(result.errors[0]?.message).toMatch(/no coordinates/);
  });

  it('converts BD-09 and takes GeoJSON polygons by their centroid', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'P', kind: 'elderly-home', beds: 80 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [117.3, 31.8],
                [117.302, 31.8],
                [117.302, 31.802],
                [117.3, 31.802],
                [117.3, 31.8],
              ],
            ],
          },
        },
      ],
    };
    const wgs = importFacilities({ data: JSON.stringify(fc), fileName: 'f.geojson' });
    expect(wgs.facilities[0]?.location[0]).toBeCloseTo(117.301, 9);
    const bd = importFacilities({ data: JSON.stringify(fc), fileName: 'f.geojson', crs: 'bd09' });
    expect(bd.facilities[0]?.location[0]).toBeLessThan(117.3);
  });
});
