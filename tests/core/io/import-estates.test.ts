import { describe, expect, it } from 'vitest';
import { importEstates, type EstateImport } from '../../../src/core/io';
import { errorRows, expected, fixtureBytes } from './fixtures';

interface Golden {
  rowCount: number;
  estates: Record<string, unknown>[];
  errors: { row: number; field: string; code: string }[];
  warnings: { code: string; rows: number[] }[];
}
const golden = expected<Golden>('estates.expected.json');

function compare(result: EstateImport) {
  expect(result.fatal).toBe(false);
  expect(result.rowCount).toBe(golden.rowCount);
  expect(result.estates.map(({ geometry: _g, ...rest }) => rest)).toEqual(golden.estates);
  expect(result.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual(golden.errors);
  expect(result.warnings.map(({ code, rows }) => ({ code, rows }))).toEqual(golden.warnings);
  expect(result.estates.length + errorRows(result.errors)).toBe(result.rowCount);
}

describe('importEstates: the same table in four encodings and layouts', () => {
  it.each([
    ['estates-utf8.csv', 'utf-8'],
    ['estates-utf8-bom.csv', 'utf-8-bom'],
    ['estates-gbk.csv', 'gb18030'],
    ['estates.tsv', 'utf-8'],
  ] as const)('%s gives the hand-worked result', (file, encoding) => {
    const result = importEstates({ data: fixtureBytes(file), fileName: file });
    expect(result.encoding).toBe(encoding);
    expect(result.format).toBe('csv');
    expect(result.crs).toBe('wgs84');
    compare(result);
  });

  it('accepts already-decoded text', () => {
    const text = new TextDecoder().decode(fixtureBytes('estates-utf8.csv'));
    const result = importEstates({ data: text, fileName: 'estates.csv' });
    expect(result.encoding).toBeNull();
    compare(result);
  });
});

describe('importEstates: messages', () => {
  const result = importEstates({ data: fixtureBytes('estates-utf8.csv'), fileName: 'estates.csv' });
  const byRow = (row: number) => result.errors.find((e) => e.row === row);

  it('names file, row, field, what was found and what was expected, in English and Chinese', () => {
    expect(byRow(3)?.message).toBe(
      'estates.csv, row 3, 房屋总数: found an empty cell, expected the number of households (a whole number ≥ 0)',
    );
    expect(byRow(3)?.messageZh).toBe('estates.csv 第 3 行，房屋总数：值为空，应为户数（非负整数）');
    expect(byRow(7)?.message).toContain('found "拆迁中"');
    expect(byRow(8)?.message).toMatch(/found "无" \(ambiguous/);
    expect(byRow(4)?.message).toMatch(/swapped/);
    expect(byRow(3)?.file).toBe('estates.csv');
  });

  it('reports the mapping it used', () => {
    expect(result.mapping).toMatchObject({
      id: '编号',
      elderlyCareFloorArea: '养老服务用房面积（㎡）',
      elderlyCareFacilityAreas: '各养老设施面积',
    });
    expect(result.headers).toHaveLength(14);
  });
});

describe('importEstates: GeoJSON', () => {
  const result = importEstates({ data: fixtureBytes('estates.geojson'), fileName: 'estates.geojson' });

  it('reads Point, Polygon and MultiPolygon features, keeping the geometry', () => {
    expect(result.format).toBe('geojson');
    expect(result.rowCount).toBe(6);
    const [point, polygon, multi] = result.estates;
    expect(point).toMatchObject({
      id: 'g1',
      row: 1,
      name: '点小区',
      households: 100,
      status: 'new',
      elderlyCareFacilityAreas: [350, 300],
      location: [117.3, 31.84],
    });
    expect(point?.geometry).toEqual({ type: 'Point', coordinates: [117.3, 31.84] });
    expect(polygon).toMatchObject({ id: '2', households: 2000, district: '包河' });
    expect(polygon?.location?.[0]).toBeCloseTo(117.305, 9);
    expect(polygon?.location?.[1]).toBeCloseTo(31.805, 9);
    expect(polygon?.geometry?.type).toBe('Polygon');
    // Two equal squares 117.20–117.21 and 117.22–117.23: centroid halfway, at 117.215.
    expect(multi?.location?.[0]).toBeCloseTo(117.215, 9);
    expect(multi?.location?.[1]).toBeCloseTo(31.705, 9);
    expect(multi?.geometry?.type).toBe('MultiPolygon');
  });

  it('refuses a feature without geometry, a LineString and an invalid feature, each on its row', () => {
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'missing-coordinate'],
      [5, 'unsupported-geometry'],
      [6, 'bad-feature'],
    ]);
    expect(result.errors[0]?.message).toMatch(/^estates\.geojson, feature 4/);
    // The field at fault is named: the geometry.
    expect(result.errors[1]?.field).toBe('geometry');
    expect(result.estates.length + errorRows(result.errors)).toBe(result.rowCount);
  });

  it('converts polygon vertices from the given CRS', () => {
    const bd = importEstates({
      data: fixtureBytes('estates.geojson'),
      fileName: 'estates.geojson',
      crs: 'bd09',
    });
    const polygon = bd.estates[1];
    // BD-09 → WGS-84 moves points about 1 km south-west near Hefei.
    expect(polygon?.location?.[0]).toBeLessThan(117.3);
    expect(polygon?.geometry?.type === 'Polygon' && polygon.geometry.coordinates[0]?.[0]?.[0]).toBeLessThan(
      117.3,
    );
  });

  it('honours the legacy crs member and warns when --crs overrides it', () => {
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4527' } },
      features: [
        {
          type: 'Feature',
          properties: { households: 5 },
          geometry: { type: 'Point', coordinates: [39_500_000, 3_500_000] },
        },
      ],
    };
    const declared = importEstates({ data: JSON.stringify(fc), fileName: 'gk.geojson' });
    expect(declared.crs).toBe('EPSG:4527');
    expect(declared.estates[0]?.location?.[0]).toBeCloseTo(117, 9);
    const overridden = importEstates({ data: JSON.stringify(fc), fileName: 'gk.geojson', crs: 'wgs84' });
    expect(overridden.warnings.map((w) => w.code)).toContain('crs-override');
    expect(overridden.errors[0]?.code).toBe('projected-not-degrees');
  });
});

describe('importEstates: file-level problems', () => {
  it('carries hints, never flags: a lone coordinate column, and metres read as degrees', () => {
    const lone = importEstates({ data: '名称,户数,经度\nA,3,117.3\n', fileName: 'x.csv' });
    expect(lone.errors[0]).toMatchObject({
      code: 'missing-column',
      hint: { kind: 'map-field', field: 'lat' },
    });
    const metres = importEstates({
      data: '名称,户数,经度,纬度\nA,300,39512345,3530000\nB,200,117.3,31.8\n',
      fileName: 'x.csv',
    });
    expect(metres.estates).toHaveLength(1);
    expect(metres.errors[0]).toMatchObject({ row: 1, hint: { kind: 'crs', crs: ['EPSG:4527'] } });
    for (const e of [...lone.errors, ...metres.errors])
      expect(`${e.message} ${e.messageZh}`).not.toMatch(/--/);
  });

  it('stops with one row-0 error when no households column can be found', () => {
    const result = importEstates({ data: '名称,人数\nA,3\nB,4\n', fileName: 'x.csv' });
    expect(result).toMatchObject({ fatal: true, rowCount: 0, estates: [] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 0, code: 'missing-column' });
    // What to do is a hint, worded by the CLI (`--map households=<header>`) or the planner (field mapping).
    expect(result.errors[0]?.hint).toEqual({ kind: 'map-field', field: 'households' });
    expect(result.errors[0]?.message).not.toContain('--map');
    expect(result.errors[0]?.messageZh).not.toContain('--map');
    expect(result.errors[0]?.message).toContain('"名称", "人数"');
  });

  it('uses --map for a header the aliases do not know', () => {
    const result = importEstates({
      data: '名称,人数\nA,3\nB,4\n',
      fileName: 'x.csv',
      fieldMap: { households: '人数' },
    });
    expect(result.estates.map((e) => [e.name, e.households])).toEqual([
      ['A', 3],
      ['B', 4],
    ]);
  });

  it('reports bad JSON, non-GeoJSON, an empty file and a lone longitude column', () => {
    expect(importEstates({ data: '{"type":', fileName: 'a.geojson' }).errors[0]?.code).toBe('bad-json');
    expect(
      importEstates({ data: '{"type":"Point","coordinates":[1,2]}', fileName: 'a.json' }).errors[0]?.code,
    ).toBe('not-geojson');
    expect(importEstates({ data: '', fileName: 'a.csv' }).errors[0]?.code).toBe('empty-file');
    expect(importEstates({ data: '户数,经度\n3,117\n', fileName: 'a.csv' }).errors[0]?.code).toBe(
      'missing-column',
    );
  });

  it('sniffs the format when the extension says nothing', () => {
    expect(
      importEstates({ data: '{"type":"FeatureCollection","features":[]}', fileName: 'upload' }).format,
    ).toBe('geojson');
    expect(importEstates({ data: 'households\n3\n', fileName: 'upload' }).format).toBe('csv');
  });
});

describe('importEstates: row rules', () => {
  const csv = (body: string, crs?: 'bd09') =>
    importEstates({ data: `名称,户数,经度,纬度\n${body}`, fileName: 'r.csv', crs });

  it('gives location null and no error when the file has no coordinate columns', () => {
    const result = importEstates({ data: '名称,户数\nA,10\n', fileName: 'r.csv' });
    expect(result.errors).toEqual([]);
    expect(result.estates[0]?.location).toBeNull();
  });

  it('refuses negative and fractional households and half a coordinate', () => {
    const result = csv('A,-5,117.3,31.8\nB,10.5,117.3,31.8\nC,10,117.3,\nD,10,abc,31.8\n');
    expect(result.errors.map((e) => e.code)).toEqual([
      'negative-number',
      'not-integer',
      'missing-coordinate',
      'bad-coordinate',
    ]);
  });

  it('gives one error per row, with the further problems in `also`', () => {
    const result = csv('A,,31.8,117.3\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.code).toBe('missing-households');
    expect(result.errors[0]?.also?.map((e) => e.code)).toEqual(['swapped-coordinate']);
    expect(result.errors[0]?.message).toMatch(/also 经度\/纬度/);
  });

  it('refuses a row whose cells outnumber the header (an unquoted comma)', () => {
    const result = csv('A,10,117.3,31.8\nB,1,200,117.3,31.8\n');
    expect(result.estates).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 2, code: 'field-count' });
  });

  it('reads a combined coordinates column', () => {
    const result = importEstates({
      data: 'name,households,坐标\nA,10,"117.3,31.8"\nB,5,117.31 31.81\n',
      fileName: 'c.csv',
    });
    expect(result.estates.map((e) => e.location)).toEqual([
      [117.3, 31.8],
      [117.31, 31.81],
    ]);
  });

  it('warns about duplicate names and duplicate ids but keeps the rows', () => {
    const result = importEstates({ data: 'id,名称,户数\n1,A,10\n1,A,20\n', fileName: 'd.csv' });
    expect(result.estates).toHaveLength(2);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['duplicate-id', 'duplicate-name']);
  });

  it('warns about more than 30,000 households', () => {
    const result = importEstates({ data: '名称,户数\nA,30001\nB,30000\n', fileName: 'h.csv' });
    expect(result.warnings.map((w) => [w.code, w.rows])).toEqual([['implausible-households', [1]]]);
  });
});
