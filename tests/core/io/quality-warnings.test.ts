import { describe, expect, it } from 'vitest';
import { lngLat } from '../../../src/core/geo/units';
import { qualityWarnings, type QualityItem } from '../../../src/core/io';

const ctx = { file: 'q.csv', format: 'csv' as const };
const item = (row: number, name: string, lng: number, lat: number): QualityItem => ({
  row,
  name,
  location: lngLat(lng, lat),
});

describe('qualityWarnings', () => {
  it('flags groups of three or more rows on one coordinate, not pairs', () => {
    const items = [
      item(1, 'a', 117.3, 31.8),
      item(2, 'b', 117.3, 31.8),
      item(3, 'c', 117.3, 31.8),
      item(4, 'd', 117.31, 31.8),
      item(5, 'e', 117.31, 31.8),
    ];
    const shared = qualityWarnings(items, ctx).filter((w) => w.code === 'shared-coordinate');
    expect(shared.map((w) => w.rows)).toEqual([[1, 2, 3]]);
    expect(shared[0]?.message).toMatch(/^q\.csv, rows 1, 2, 3: 3 rows share one coordinate/);
  });

  it('flags duplicate names', () => {
    const items = [
      item(1, '幸福小区', 117.3, 31.8),
      item(2, '幸福小区', 117.31, 31.8),
      item(3, '其他', 117.32, 31.8),
    ];
    const dup = qualityWarnings(items, ctx).filter((w) => w.code === 'duplicate-name');
    expect(dup.map((w) => w.rows)).toEqual([[1, 2]]);
  });

  it('flags a point with no other point within 20 km, and only that one', () => {
    // 0.1° of latitude is 11.1 km: a chain of points 11 km apart is never isolated; one 0.3° (33 km) away is.
    const items = [
      item(1, 'a', 117.3, 31.8),
      item(2, 'b', 117.3, 31.9),
      item(3, 'c', 117.3, 32.0),
      item(4, 'far', 117.3, 32.3),
    ];
    const isolated = qualityWarnings(items, ctx).filter((w) => w.code === 'isolated-point');
    expect(isolated.map((w) => w.rows)).toEqual([[4]]);
  });

  it('uses distance on the ground: 0.2° of longitude at 45°N (15.7 km) is not isolated', () => {
    const items = [item(1, 'a', 126.5, 45.7), item(2, 'b', 126.7, 45.7), item(3, 'c', 126.9, 45.7)];
    expect(qualityWarnings(items, ctx).filter((w) => w.code === 'isolated-point')).toEqual([]);
  });

  it('ignores rows without a location', () => {
    expect(qualityWarnings([{ row: 1, name: 'x', location: null }], ctx)).toEqual([]);
  });
});
