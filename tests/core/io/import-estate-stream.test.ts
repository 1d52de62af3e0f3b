/**
 * importEstateStream (a CSV file in pieces, issue #13) against importEstates on the same bytes: the
 * same estates, errors, warnings, row count, encoding and mapping, wherever the pieces are cut. The
 * files are made larger than the CSV reader's 1 MiB guessing window by repeating their data rows, so
 * that pieces are parsed as they come (a smaller file is parsed whole at its end); the cuts are seeded
 * (mulberry32) and fall inside characters, quoted values and CRLF pairs alike.
 */
import { describe, expect, it } from 'vitest';
import { importEstates, importEstateStream, isStreamableCsv, type Estate } from '../../../src/core';
import type { ByteChunks } from '../../../src/core/io/byte-chunks';
import { mulberry32 } from '../../bench/w1-workload';
import { errorRows, fixtureBytes } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The header line, then the data rows repeated until the file passes `size` bytes. */
function grow(bytes: Uint8Array, size = 1_700_000, tail = new Uint8Array()): Uint8Array {
  const headerEnd = bytes.indexOf(0x0a) + 1;
  const body = bytes.subarray(headerEnd);
  const parts = [bytes.subarray(0, headerEnd)];
  for (let n = headerEnd; n < size; n += body.length) parts.push(body);
  return concat(...parts, tail);
}

const HEADER = '编号,小区名称,区县,户数,常住人口,状态,养老服务用房面积,托位数,lng,lat\n';
const ROWS = `1,甲,包河,1200,3000,新建,400,20,117.30,31.84
2,乙,包河,abc,3000,已建成,400,20,117.31,31.84
3,"丙
（二期）",蜀山,800,,在建,,,117.30,31.84
4,丁,庐阳,50000,,,100,5,117.30,31.84
5,"戊 ""东区""",庐阳,300,900,新建,350,12,117.2,31.8
6,庚,瑶海,600
7,壬,瑶海,600,1800,已建成,200,10,117.25,31.82,extra
8,=cmd|' /C calc'!A0,高新,700,1800,已建成,200,10,117.26,31.83
9,"己,庐阳,300,900,新建,350,12,117.2,31.8
10,子,高新,700,1800,已建成,200,10.5,,

`;
// GBK codes from the GB2312/GBK code chart: 小 D0A1, 区 C7F8.
const GBK_ROW = new Uint8Array([
  0x31,
  0x31,
  0x2c,
  0xd0,
  0xa1,
  0xc7,
  0xf8,
  ...utf8(',包河,100,,,,,117.3,31.8\n'),
]);

const FILES: [string, string, Uint8Array][] = [
  ['UTF-8 with quoted line breaks, broken quotes, short and long rows', 'big.csv', grow(utf8(HEADER + ROWS))],
  [
    'UTF-8 with BOM and CRLF',
    'bom.csv',
    grow(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8((HEADER + ROWS).replace(/\n/g, '\r\n')))),
  ],
  ['the GBK fixture', 'gbk.csv', grow(fixtureBytes('estates-gbk.csv'))],
  ['the UTF-8 BOM fixture', 'bom-fixture.csv', grow(fixtureBytes('estates-utf8-bom.csv'))],
  ['the TSV fixture', 'estates.tsv', grow(fixtureBytes('estates.tsv'))],
  [
    'UTF-8 with GBK rows pasted in (mixed encodings)',
    'mixed.csv',
    grow(concat(utf8(HEADER), GBK_ROW, utf8(ROWS))),
  ],
  [
    'an unclosed quote in the last row',
    'open.csv',
    grow(utf8(HEADER + ROWS), 1_700_000, utf8('99,"未闭合,包河,1\n100,乙,包河,2\n')),
  ],
  ['a small file (parsed whole at its end)', 'small.csv', utf8(HEADER + ROWS)],
];

/** The bytes in pieces of seeded random sizes up to `max` bytes. */
function pieces(bytes: Uint8Array, seed: number, max: number): ByteChunks {
  const next = mulberry32(seed);
  const cuts: number[] = [0];
  while ((cuts.at(-1) ?? 0) < bytes.length)
    cuts.push(Math.min(bytes.length, (cuts.at(-1) ?? 0) + 1 + (next() % max)));
  return () => cuts.slice(1).map((end, i) => bytes.slice(cuts[i], end));
}

function streamed(chunks: ByteChunks, fileName: string, rowsFirst: boolean) {
  const { report, chunks: items } = importEstateStream({ chunks, fileName, crs: 'bd09', rowsFirst }, 100);
  const rowCountAtOnce = report.rowCount;
  const estates: Estate[] = [];
  for (const chunk of items) estates.push(...chunk);
  return { report, estates, rowCountAtOnce };
}

describe('importEstateStream', () => {
  for (const [what, fileName, bytes] of FILES) {
    it(`reads a CSV file in pieces as importEstates reads its bytes: ${what}`, () => {
      expect(isStreamableCsv(bytes.subarray(0, 4096), fileName)).toBe(true);
      const whole = importEstates({ data: bytes, fileName, crs: 'bd09' });
      expect(whole.estates.length).toBeGreaterThan(0);
      for (const [seed, max, rowsFirst] of [
        [1, 65_536, false],
        [2, 300, true],
        [3, 7, true],
      ] as const) {
        if (max === 7 && bytes.length > 200_000) continue;
        const { report, estates, rowCountAtOnce } = streamed(pieces(bytes, seed, max), fileName, rowsFirst);
        expect(estates).toEqual(whole.estates);
        expect({ ...report, estates }).toEqual(whole);
        expect(estates.length + errorRows(report.errors)).toBe(report.rowCount);
        if (rowsFirst) expect(rowCountAtOnce).toBe(whole.rowCount);
      }
    });
  }

  it('the test files hold what they are meant to (so the comparisons above mean something)', () => {
    const codes = (bytes: Uint8Array, fileName: string) => {
      const r = importEstates({ data: bytes, fileName, crs: 'bd09' });
      return new Set([...r.errors, ...r.warnings].map((d) => d.code));
    };
    const big = codes(FILES[0]?.[2] ?? new Uint8Array(), 'big.csv');
    for (const code of ['csv-quotes', 'field-count', 'short-row', 'bad-number', 'implausible-households'])
      expect(big).toContain(code);
    expect(codes(FILES[5]?.[2] ?? new Uint8Array(), 'mixed.csv')).toContain('mixed-encoding');
    expect(importEstates({ data: FILES[2]?.[2] ?? '', fileName: 'gbk.csv' }).encoding).toBe('gb18030');
    // More text than the 1 MiB the reader gathers before its first parse: later pieces are parsed as they come.
    for (const [, fileName, bytes] of FILES.slice(0, -1)) {
      const text =
        importEstates({ data: bytes, fileName }).encoding === 'gb18030'
          ? new TextDecoder('gb18030').decode(bytes)
          : new TextDecoder().decode(bytes);
      expect(text.length).toBeGreaterThan(1.1 * (1 << 20));
    }
  });

  it('an empty file or a broken header: the same file-level error at once, no chunk', () => {
    for (const text of ['', '\n\n', '"名称,户数\nA,1\n']) {
      const bytes = utf8(text);
      const whole = importEstates({ data: bytes, fileName: 'x.csv', crs: 'bd09' });
      const { report, estates } = streamed(pieces(bytes, 4, 3), 'x.csv', false);
      expect(estates).toEqual([]);
      expect({ ...report, estates }).toEqual(whole);
      expect(report.fatal).toBe(true);
    }
  });
});
