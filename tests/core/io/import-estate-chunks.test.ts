import { describe, expect, it } from 'vitest';
import { importEstateChunks, importEstates, type Estate, type ImportInput } from '../../../src/core';
import { errorRows, fixtureBytes } from './fixtures';

// Rows chosen to give every kind of row error and warning the import makes: a bad and a negative
// number, an unknown status, a broken quote (the rows below are read again), a short row, a row with
// too many cells, an implausible household count, duplicate names and ids, three rows on one point, a
// point 1,000 km from the others, a row without coordinates, and a formula-like name.
const BROKEN = `编号,小区名称,区县,户数,常住人口,状态,养老服务用房面积,托位数,lng,lat
1,甲,包河,1200,3000,新建,400,20,117.30,31.84
2,乙,包河,abc,3000,已建成,400,20,117.31,31.84
3,丙,蜀山,800,,在建,,,117.30,31.84
3,丙,蜀山,800,,,,,117.30,31.84
5,丁,庐阳,50000,,,100,5,117.30,31.84
6,戊,庐阳,300,900,新建,350,12,127.0,35.0
7,"己,庐阳,300,900,新建,350,12,117.2,31.8
8,庚,瑶海,600,1800,已建成,200,10,117.25,31.82
9,辛,瑶海,600
10,壬,瑶海,600,1800,已建成,200,10,117.25,31.82,extra
11,癸,高新,-5,1800,已建成,200,10,117.25,31.82
12,子,高新,700,1800,已建成,200,10.5,,
13,=cmd|' /C calc'!A0,高新,700,1800,已建成,200,10,117.26,31.83
14,丑,高新,0,1800,,200,10,117.27,31.83
15,寅,高新,10,1800,weird,200,10,117.27,31.83
`;

const INPUTS: [string, ImportInput][] = [
  ['a CSV with every kind of error and warning', { data: BROKEN, fileName: 'broken.csv', crs: 'bd09' }],
  ['the UTF-8 fixture', { data: fixtureBytes('estates-utf8.csv'), fileName: 'estates-utf8.csv' }],
  ['the GBK fixture', { data: fixtureBytes('estates-gbk.csv'), fileName: 'estates-gbk.csv' }],
  ['the GeoJSON fixture', { data: fixtureBytes('estates.geojson'), fileName: 'estates.geojson' }],
];

function collect(input: ImportInput, chunkRows: number) {
  const { report, chunks } = importEstateChunks(input, chunkRows);
  const sizes: number[] = [];
  const estates: Estate[] = [];
  for (const chunk of chunks) {
    sizes.push(chunk.length);
    estates.push(...chunk);
  }
  return { report, estates, sizes };
}

describe('importEstateChunks', () => {
  for (const [what, input] of INPUTS) {
    it(`gives the same estates, errors and warnings as importEstates, in any chunk size: ${what}`, () => {
      const whole = importEstates(input);
      expect(whole.estates.length).toBeGreaterThan(0);
      for (const chunkRows of [1, 2, 3, 5, 1000]) {
        const { report, estates, sizes } = collect(input, chunkRows);
        expect(estates).toEqual(whole.estates);
        expect({ ...report, estates }).toEqual(whole);
        // Every chunk is full but the last; none is empty.
        expect(sizes.slice(0, -1).every((n) => n === chunkRows)).toBe(true);
        expect(sizes.every((n) => n > 0 && n <= chunkRows)).toBe(true);
        // Row accounting: estates + rows with errors = rows read.
        expect(estates.length + errorRows(report.errors)).toBe(report.rowCount);
      }
    });
  }

  it('the broken CSV really holds errors and warnings of each kind (so the comparison above means something)', () => {
    const whole = importEstates(INPUTS[0]![1]);
    const codes = (list: { code: string }[]) => [...new Set(list.map((x) => x.code))].sort();
    expect(codes(whole.errors)).toEqual(
      expect.arrayContaining(['bad-number', 'bad-status', 'csv-quotes', 'field-count', 'negative-number']),
    );
    expect(codes(whole.warnings)).toEqual(
      expect.arrayContaining([
        'duplicate-id',
        'duplicate-name',
        'implausible-households',
        'isolated-point',
        'shared-coordinate',
        'short-row',
      ]),
    );
  });

  it('knows the mapping, format and row count before any chunk is taken; errors and warnings after', () => {
    const whole = importEstates(INPUTS[0]![1]);
    const { report, chunks } = importEstateChunks(INPUTS[0]![1], 4);
    expect(report.rowCount).toBe(whole.rowCount);
    expect(report.mapping).toEqual(whole.mapping);
    expect(report.format).toBe('csv');
    expect(report.warnings.some((w) => w.code === 'duplicate-name')).toBe(false);
    for (const chunk of chunks) expect(chunk.length).toBeGreaterThan(0);
    expect(report.errors).toEqual(whole.errors);
    expect(report.warnings).toEqual(whole.warnings);
  });

  it('an unusable file gives no chunk and its file-level error at once', () => {
    const { report, chunks } = importEstateChunks(
      { data: '名称,lng,lat\nA,117.3,31.8\n', fileName: 'x.csv' },
      10,
    );
    expect(report.fatal).toBe(true);
    expect(report.errors.map((e) => e.code)).toEqual(['missing-column']);
    expect([...chunks]).toEqual([]);
  });
});
