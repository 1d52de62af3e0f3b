/** What a dropped file is taken for, and the outside-the-network warning. */
import { describe, expect, it } from 'vitest';
import { lngLat } from '../../src/core';
import { guessTarget, outsideExtent, rejectedTable, shareOutside } from '../../src/ui/app/import-file';

describe('guessTarget', () => {
  it('recognises street networks, scenario files, facilities and estates', () => {
    expect(guessTarget('roads.osm', '')).toBe('network');
    expect(guessTarget('china-latest.osm.pbf', '')).toBe('network');
    expect(
      guessTarget(
        'a.lifecircle.geojson',
        '{"type":"FeatureCollection","lifecircle":{"format":"lifecircle-scenario"',
      ),
    ).toBe('scenario');
    expect(guessTarget('托育设施.csv', '')).toBe('facilities');
    expect(guessTarget('compounds.csv', '小区名称,房屋总数')).toBe('estates');
  });
});

describe('shareOutside', () => {
  it('is the share of located estates outside the network bounds, null without network or points', () => {
    const bounds: [number, number, number, number] = [121.4, 31.1, 121.6, 31.3];
    const estates = [
      { location: lngLat(121.5, 31.2) },
      { location: lngLat(117.2, 31.8) },
      { location: null },
    ];
    expect(shareOutside(estates, bounds)).toBe(0.5);
    expect(shareOutside(estates, null)).toBeNull();
    expect(shareOutside([{ location: null }], bounds)).toBeNull();
  });
});

describe('rejectedTable', () => {
  it('lists row, field, code and both messages', () => {
    const table = rejectedTable(
      [{ row: 3, field: '经度', code: 'bad-coordinate', message: 'bad', messageZh: '坏' }],
      { en: (k) => `en:${k}`, zh: (k) => `zh:${k}` },
    );
    expect(table.rows).toEqual([[3, '经度', 'bad-coordinate', 'bad', '坏']]);
  });
});

describe('outsideExtent', () => {
  const extent = [117, 31.5, 117.5, 32] as const;
  // 0 inside, 1 east of the extent, 2 south of it.
  const points: [number, number][] = [
    [117.2, 31.8],
    [121.5, 31.2],
    [117.2, 31.0],
  ];

  it('names the off-network points beyond the network’s end when others lie within it', () => {
    expect(outsideExtent(points, [0, 1, 2], [...extent])).toEqual([1, 2]);
    expect(outsideExtent(points, [1], [...extent])).toEqual([1]);
  });

  it('names none when every point is outside (another city or CRS) or the extent is unknown', () => {
    expect(
      outsideExtent(
        [
          [121.5, 31.2],
          [121.6, 31.3],
        ],
        [0, 1],
        [...extent],
      ),
    ).toEqual([]);
    expect(outsideExtent(points, [1, 2], null)).toEqual([]);
  });
});
