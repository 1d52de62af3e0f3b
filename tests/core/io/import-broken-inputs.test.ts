import { describe, expect, it } from 'vitest';
import { importEstates } from '../../../src/core/io';
import { errorRows } from './fixtures';

// The failures of issue #13 in the readers, each reproduced with a small input.

const csv = (text: string) => importEstates({ data: text, fileName: 'broken.csv' });
const accounted = (r: ReturnType<typeof csv>) => r.estates.length + errorRows(r.errors);

describe('an unclosed or malformed quote in a CSV', () => {
  it('is an error on its row, with its line, and the rows after it are read', () => {
    const result = csv('名称,房屋总数\nA,100\n"B,200\nC,300\nD,400\n');
    expect(result.rowCount).toBe(4);
    expect(accounted(result)).toBe(4);
    expect(result.estates.map((e) => [e.row, e.name, e.households])).toEqual([
      [1, 'A', 100],
      [3, 'C', 300],
      [4, 'D', 400],
    ]);
    const [error] = result.errors;
    expect(error).toMatchObject({ row: 2, code: 'csv-quotes', file: 'broken.csv' });
    expect(error?.message).toMatch(/^broken\.csv, row 2: line 3: .*expected a closing quote/);
    expect(error?.messageZh).toMatch(/第 2 行：第 3 行/);
  });

  it('recovers after a quote followed by text, and after a quote pair that spans rows', () => {
    const trailing = csv('名称,房屋总数\nA,100\n"B"x,200\nC,300\n');
    expect(trailing.estates.map((e) => e.name)).toEqual(['A', 'C']);
    expect(trailing.errors).toMatchObject([{ row: 2, code: 'csv-quotes' }]);
    // A stray quote on line 3 closed by one on line 5: legal CSV, but the value holds whole rows.
    const pair = csv('名称,房屋总数\nA,100\n"B,200\nC,300\nD",400\nE,500\n');
    expect(pair.rowCount).toBe(5);
    expect(pair.estates.map((e) => e.name)).toEqual(['A', 'C', 'D"', 'E']);
    expect(pair.errors).toMatchObject([{ row: 2, code: 'csv-quotes' }]);
  });

  it('keeps a quoted value on two lines when it holds no row (an address)', () => {
    const result = csv('名称,房屋总数,地址\nA,100,"1 号楼\n2 单元"\nB,200,x\n');
    expect(result.errors).toEqual([]);
    expect(result.estates.map((e) => e.properties['地址'])).toEqual(['1 号楼\n2 单元', 'x']);
  });

  it('names the header line when the header itself has a broken quote', () => {
    const result = csv('"名称,房屋总数\nA,100\n');
    expect(result.fatal).toBe(true);
    expect(result.errors[0]).toMatchObject({ row: 0, code: 'csv-quotes' });
    expect(result.errors[0]?.message).toMatch(/header \(line 1\)/);
  });
});

describe('ragged CSV rows', () => {
  it('reads a short row whose needed cells are there, with a warning naming it', () => {
    const result = csv('名称,房屋总数,区县\nA,100\nB,200,蜀山区\nC\n');
    expect(result.estates.map((e) => [e.name, e.households, e.district])).toEqual([
      ['A', 100, null],
      ['B', 200, '蜀山区'],
    ]);
    // C lacks its households: an error, as for an empty cell.
    expect(result.errors).toMatchObject([{ row: 3, code: 'missing-households' }]);
    const short = result.warnings.find((w) => w.code === 'short-row');
    expect(short?.rows).toEqual([1, 3]);
    expect(short?.message).toMatch(/^broken\.csv, rows 1, 3: .*fewer cells than the header's 3/);
  });

  it('refuses a long row, naming it (its columns may have shifted)', () => {
    const result = csv('名称,房屋总数\nA,100\nB,1,200\n');
    expect(result.errors).toMatchObject([{ row: 2, code: 'field-count' }]);
    expect(accounted(result)).toBe(2);
  });
});

describe('mixed encodings', () => {
  it('reads GBK rows after a UTF-8 BOM and names their rows and lines', () => {
    const enc = new TextEncoder();
    const gbkXiaoqu = [0xd0, 0xa1, 0xc7, 0xf8]; // 小区 in GBK
    const bytes = new Uint8Array([
      ...[0xef, 0xbb, 0xbf],
      ...enc.encode('名称,房屋总数\n\nA,100\n'),
      ...gbkXiaoqu,
      ...enc.encode(',200\nC,300\n'),
    ]);
    const result = importEstates({ data: bytes, fileName: 'mixed.csv' });
    expect(result.estates.map((e) => e.name)).toEqual(['A', '小区', 'C']);
    const mixed = result.warnings.find((w) => w.code === 'mixed-encoding');
    // Line 4 of the file is data row 3 (the blank line keeps the numbering).
    expect(mixed?.rows).toEqual([3]);
    expect(mixed?.message).toMatch(/line 4 is GBK/);
  });

  it('warns about replacement characters in a GeoJSON file, by line', () => {
    const enc = new TextEncoder();
    // 0xff is neither UTF-8 nor a GB18030 lead byte.
    const bytes = new Uint8Array([
      ...enc.encode(
        '{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":null,"properties":{"名称":"A',
      ),
      0xff,
      ...enc.encode('","房屋总数":1}}\n]}'),
    ]);
    const result = importEstates({ data: bytes, fileName: 'bad.geojson' });
    expect(result.estates).toHaveLength(1);
    expect(result.warnings.find((w) => w.code === 'replacement-character')?.message).toMatch(
      /^bad\.geojson: line 2 holds? bytes/,
    );
  });
});

const point = (properties: string) =>
  `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[117.3,31.8]},"properties":${properties}}]}`;

describe('GeoJSON properties', () => {
  it('reads a Point feature with a property named x (not a half coordinate pair)', () => {
    const result = importEstates({ data: point('{"名称":"A","房屋总数":100,"x":5}'), fileName: 'x.geojson' });
    expect(result.fatal).toBe(false);
    expect(result.estates[0]?.location).toEqual([117.3, 31.8]);
    expect(result.estates[0]?.properties).toEqual({ x: 5 });
  });

  it('still refuses an explicit --map of one coordinate', () => {
    const result = importEstates({
      data: point('{"名称":"A","房屋总数":100,"x":5}'),
      fileName: 'x.geojson',
      fieldMap: { lng: 'x' },
    });
    expect(result.fatal).toBe(true);
    expect(result.errors[0]?.code).toBe('missing-column');
  });

  it('keeps a property named __proto__ as a property, not as the prototype', () => {
    const data = point('{"名称":"A","房屋总数":100,"__proto__":{"polluted":1}}');
    const estate = importEstates({ data, fileName: 'p.geojson' }).estates[0];
    expect(estate).toBeDefined();
    expect(Object.getPrototypeOf(estate?.properties)).toBe(Object.prototype);
    expect(Object.keys(estate?.properties ?? {})).toEqual(['__proto__']);
    expect((estate?.properties as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

const polygon = (rings: number[][][]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [117.3, 31.8] },
        properties: { 名称: 'ok', 房屋总数: 1 },
      },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: rings },
        properties: { 名称: 'P', 房屋总数: 100 },
      },
    ],
  });

describe('invalid polygons', () => {
  it('refuses an unclosed ring, naming the feature and its geometry', () => {
    const open = [
      [
        [117.3, 31.8],
        [117.31, 31.8],
        [117.31, 31.81],
        [117.3, 31.81],
      ],
    ];
    const result = importEstates({ data: polygon(open), fileName: 'open.geojson' });
    expect(result.estates.map((e) => e.name)).toEqual(['ok']);
    expect(result.errors).toMatchObject([{ row: 2, field: 'geometry', code: 'unclosed-ring' }]);
    expect(result.errors[0]?.message).toMatch(/feature 2, geometry: ring 1 is not closed.*expected a ring/);
  });

  it('reports the feature when it is the only one (not a missing column)', () => {
    const only = JSON.stringify({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      properties: { 房屋总数: 1 },
    });
    const result = importEstates({ data: only, fileName: 'one.geojson' });
    expect(result.rowCount).toBe(1);
    expect(result.errors).toMatchObject([{ row: 1, code: 'unclosed-ring' }]);
  });

  it('loads a self-intersecting polygon at the mean of its vertices, with a warning', () => {
    // A bow tie whose lobes nearly cancel: its area-weighted centroid would fall far outside it.
    const bowTie = [
      [
        [117.3, 31.8],
        [117.31, 31.81],
        [117.31, 31.8],
        [117.3, 31.8101],
        [117.3, 31.8],
      ],
    ];
    const result = importEstates({ data: polygon(bowTie), fileName: 'bow.geojson' });
    const estate = result.estates[1];
    expect(estate?.location?.[0]).toBeCloseTo(117.305, 6);
    expect(estate?.location?.[1]).toBeCloseTo((31.8 + 31.81 + 31.8 + 31.8101) / 4, 6);
    const warning = result.warnings.find((w) => w.code === 'self-intersecting');
    expect(warning?.rows).toEqual([2]);
    expect(warning?.message).toMatch(/feature 2: geometry: the polygon crosses itself near \[117\.305/);
  });

  it('does not warn about a simple polygon or one with a hole', () => {
    const square = [
      [
        [117.3, 31.8],
        [117.31, 31.8],
        [117.31, 31.81],
        [117.3, 31.81],
        [117.3, 31.8],
      ],
      [
        [117.302, 31.802],
        [117.304, 31.802],
        [117.304, 31.804],
        [117.302, 31.802],
      ],
    ];
    const result = importEstates({ data: polygon(square), fileName: 'sq.geojson' });
    expect(result.warnings.filter((w) => w.code === 'self-intersecting')).toEqual([]);
    expect(result.estates).toHaveLength(2);
  });
});

describe('deep nesting', () => {
  it('refuses coordinates nested 100,000 deep on their feature, with what was expected', () => {
    const nest = '['.repeat(100_000) + ']'.repeat(100_000);
    const data = `{"type":"Feature","geometry":{"type":"Polygon","coordinates":${nest}},"properties":{"房屋总数":1}}`;
    const result = importEstates({ data, fileName: 'deep.geojson' });
    expect(result.rowCount).toBe(1);
    expect(result.errors).toMatchObject([{ row: 1, code: 'bad-feature' }]);
    expect(result.errors[0]?.message).toMatch(/nested too deeply .*expected \[lng, lat\] positions/);
  });
});
