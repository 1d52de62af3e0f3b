/**
 * `check` of a CSV file read in pieces (issue #13) against the whole-file path: the JSON and CSV
 * outputs are byte for byte the same. The files are written here: larger than the reader's 1 MiB
 * block and guessing window (their data rows repeated), in GBK, UTF-8 with BOM and CRLF, with quoted
 * line breaks, broken and unclosed quotes, short and long rows and GBK rows pasted into UTF-8. One file
 * goes through the CLI itself, as a user runs it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCsvChunks, checkJsonChunks, evaluateCheck, type CheckRun } from '../../src/cli/check-output';
import { loadProfile } from '../../src/cli/load-profile';
import { readEstateChunks } from '../../src/cli/read-import-input';
import { evaluateDistrict, importEstateChunks, resolveParameters } from '../../src/core';
import { ROOT, runCli } from './run-cli';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const HEADER = '小区名称,区县,户数,常住人口,状态,养老服务用房面积,托位数,lng,lat\n';
const ROWS = `甲,包河,1200,3000,新建,400,20,117.30,31.84
乙,包河,abc,3000,已建成,400,20,117.31,31.84
"丙
（二期）",蜀山,800,,在建,,,117.30,31.84
丁,庐阳,50000,,,100,5,117.30,31.84
"戊 ""东区""",庐阳,300,900,新建,350,12,117.2,31.8
"己,庐阳,300,900,新建,350,12,117.2,31.8
辛,瑶海,600
壬,瑶海,600,1800,已建成,200,10,117.25,31.82,extra
=cmd|' /C calc'!A0,高新,700,1800,已建成,200,10,117.26,31.83

`;
// GBK codes from the GB2312/GBK code chart: 小 D0A1, 区 C7F8 (a name, then ASCII cells).
const GBK_ROW = Buffer.concat([Buffer.from([0xd0, 0xa1, 0xc7, 0xf8]), utf8(',包河,100,,,,,117.3,31.8\n')]);
/** The GBK fixture (see tests/fixtures/io/README) split into its header line and its data rows. */
const GBK_FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/io/in/estates-gbk.csv'));
const GBK_HEADER = GBK_FIXTURE.subarray(0, GBK_FIXTURE.indexOf(0x0a) + 1);

/** The header line, then the data rows repeated until the file passes 1.7 MB. */
function grow(header: Buffer, body: Buffer, tail = Buffer.alloc(0)): Buffer {
  const parts = [header];
  for (let n = header.length; n < 1_700_000; n += body.length) parts.push(body);
  return Buffer.concat([...parts, tail]);
}

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-csv-stream-'));
const FILES: [string, Buffer][] = [
  ['utf8.csv', grow(utf8(HEADER), utf8(ROWS))],
  ['bom-crlf.csv', grow(utf8(`\uFEFF${HEADER}`.replace(/\n/g, '\r\n')), utf8(ROWS.replace(/\n/g, '\r\n')))],
  ['gbk.csv', grow(GBK_HEADER, GBK_FIXTURE.subarray(GBK_HEADER.length))],
  // A header in two encodings and without a households column: a file-level error,
  // with the encoding and short-row warnings the whole file gives.
  [
    'unusable.csv',
    grow(
      Buffer.concat([Buffer.from([0xd0, 0xa1]), utf8(HEADER.replace('户数', '户'))]),
      Buffer.concat([utf8(ROWS), GBK_ROW]),
    ),
  ],
  ['mixed.csv', grow(utf8(HEADER), Buffer.concat([utf8(ROWS), GBK_ROW]))],
  ['unclosed.csv', grow(utf8(HEADER), utf8(ROWS), utf8('末,"包河,100\n尾,包河,100\n'))],
];
for (const [name, bytes] of FILES) writeFileSync(join(dir, name), bytes);

const loaded = await loadProfile('hefei');
const { parameters } = resolveParameters(loaded.profile, {});
const district = { totals: {}, errors: [], warnings: [] };
const verdicts = evaluateDistrict(district.totals, loaded.profile, parameters);

function run(file: string, imported: CheckRun['imported']): CheckRun {
  return {
    file,
    loaded,
    parameters,
    defaultStatus: 'existing',
    lang: 'zh',
    date: '2026-01-01',
    imported,
    district: { ...district, verdicts },
  };
}

const OUTPUTS = {
  json: (r: CheckRun) => [...checkJsonChunks(r, evaluateCheck(r))].join(''),
  csv: (r: CheckRun) => [...checkCsvChunks(r, evaluateCheck(r))].join(''),
};

/** The whole-file path: the bytes read at once (importEstateChunks, as before #13's CSV streaming). */
const wholeFile = (path: string) =>
  run(
    path,
    importEstateChunks({ data: new Uint8Array(readFileSync(path)), fileName: path, crs: 'bd09' }, 100),
  );

describe('check of a CSV file read in pieces', () => {
  for (const [name] of FILES) {
    it(`writes the same output as the whole-file path: ${name}`, async () => {
      const path = join(dir, name);
      // CSV output reads no row count first: the pass that counts is JSON's alone.
      const formats =
        name === 'utf8.csv' || name === 'gbk.csv' ? (['json', 'csv'] as const) : (['json'] as const);
      for (const format of formats) {
        const streamed = await readEstateChunks(path, { crs: 'bd09' }, 100, format === 'json');
        const whole = wholeFile(path);
        const out = OUTPUTS[format](run(path, streamed));
        expect(out).toBe(OUTPUTS[format](whole));
        if (name !== 'unusable.csv') expect(out.length).toBeGreaterThan(1_000_000);
      }
    });
  }

  it('the files hold what they are meant to: GBK, BOM, mixed encodings, broken quotes, every row counted', () => {
    const report = (name: string) =>
      JSON.parse(OUTPUTS.json(wholeFile(join(dir, name)))) as {
        input: { rows: number; encoding: string };
        errors: { code: string }[];
        warnings: { code: string }[];
        summary: { estates: number; rows: number; rowsWithErrors: number };
      };
    expect(report('gbk.csv').input.encoding).toBe('gb18030');
    expect(report('bom-crlf.csv').input.encoding).toBe('utf-8-bom');
    expect(report('mixed.csv').warnings.map((w) => w.code)).toContain('mixed-encoding');
    const utf8Report = report('utf8.csv');
    expect(utf8Report.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['csv-quotes', 'field-count']),
    );
    expect(utf8Report.summary.estates + utf8Report.summary.rowsWithErrors).toBe(utf8Report.input.rows);
    expect(report('unclosed.csv').errors.map((e) => e.code)).toContain('csv-quotes');
    const unusable = report('unusable.csv');
    expect(unusable.errors.map((e) => e.code)).toEqual(['missing-column']);
    expect(unusable.warnings.map((w) => w.code)).toEqual(['short-row', 'mixed-encoding']);
  });

  it('the CLI itself: the same JSON as the whole-file path, for a GBK file', () => {
    const path = join(dir, 'gbk.csv');
    const out = join(dir, 'gbk.json');
    const result = runCli([
      'check',
      path,
      '--profile',
      'hefei',
      '--crs',
      'bd09',
      '--status',
      'existing',
      '--date',
      '2026-01-01',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(OUTPUTS.json(wholeFile(path)));
  });
});
