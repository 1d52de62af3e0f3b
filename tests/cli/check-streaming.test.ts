import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESTATE_FLAGS, withFlagHints } from '../../src/cli/flag-hints';
import {
  evaluateDistrict,
  evaluateEstates,
  importEstateChunks,
  importEstates,
  resolveParameters,
  type ImportInput,
} from '../../src/core';
import {
  checkCsvChunks,
  checkJsonChunks,
  checkTable,
  checkWideChunks,
  evaluateCheck,
  type CheckRun,
} from '../../src/cli/check-output';
import { loadProfile, profileInfo } from '../../src/cli/load-profile';
import { ROOT, runCli } from './run-cli';

// Every kind of unusable row and warning (see tests/core/io/import-estate-chunks.test.ts): a bad number,
// a broken quote, a short row, too many cells, duplicates, an isolated point, a formula-like name.
const BROKEN = `小区名称,区县,户数,常住人口,状态,养老服务用房面积,托位数,lng,lat
甲,包河,1200,3000,新建,400,20,117.30,31.84
乙,包河,abc,3000,已建成,400,20,117.31,31.84
丙,蜀山,800,,在建,,,117.30,31.84
丙,蜀山,800,,,,,117.30,31.84
丁,庐阳,50000,,,100,5,117.30,31.84
戊,庐阳,300,900,新建,350,12,127.0,35.0
"己,庐阳,300,900,新建,350,12,117.2,31.8
庚,瑶海,600,1800,已建成,200,10,117.25,31.82
辛,瑶海,600
壬,瑶海,600,1800,已建成,200,10,117.25,31.82,extra
=cmd|' /C calc'!A0,高新,700,1800,已建成,200,10,117.26,31.83
`;

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-streaming-'));
const brokenPath = join(dir, 'broken.csv');
writeFileSync(brokenPath, BROKEN);

const INPUTS: [string, () => ImportInput][] = [
  [
    'a CSV with errors and warnings',
    () => ({ data: new TextEncoder().encode(BROKEN), fileName: brokenPath, crs: 'bd09' }),
  ],
  [
    'the demo estates',
    () => ({
      data: new Uint8Array(readFileSync(join(ROOT, 'geodata/demo/estates.geojson'))),
      fileName: 'estates.geojson',
    }),
  ],
  ['an unusable file', () => ({ data: '名称,lng\nA,1\n', fileName: 'bad.csv' })],
];

const loaded = await loadProfile('hefei');
const { parameters } = resolveParameters(loaded.profile, {});
const district = { totals: { population: 50_000 }, errors: [], warnings: [] };
const verdicts = evaluateDistrict(district.totals, loaded.profile, parameters);

function run(input: ImportInput, chunkRows: number, lang: 'zh' | 'en'): CheckRun {
  return {
    file: input.fileName,
    loaded,
    parameters,
    defaultStatus: 'existing',
    lang,
    date: '2026-01-01',
    imported: importEstateChunks(input, chunkRows),
    district: { ...district, verdicts },
  };
}

const FORMATS = {
  json: (r: CheckRun) => [...checkJsonChunks(r, evaluateCheck(r))].join(''),
  csv: (r: CheckRun) => [...checkCsvChunks(r, evaluateCheck(r))].join(''),
  wide: (r: CheckRun) => [...checkWideChunks(r, evaluateCheck(r))].join(''),
  table: (r: CheckRun) => checkTable(r, evaluateCheck(r)),
};

/** The check's JSON report as it was built before streaming: every estate and result held at once. */
function unstreamedJson(input: ImportInput): string {
  const imported = importEstates(input);
  const evaluation = evaluateEstates(imported.estates, loaded.profile, parameters, {
    defaultStatus: 'existing',
  });
  const report = {
    profile: profileInfo(loaded),
    parameters,
    input: {
      file: input.fileName,
      rows: imported.rowCount,
      encoding: imported.encoding,
      format: imported.format,
      crs: imported.crs,
      mapping: imported.mapping,
    },
    estates: evaluation.estates,
    district: { totals: district.totals, verdicts },
    // The CLI words each error's hint in its flags (src/cli/flag-hints.ts).
    errors: withFlagHints(imported, ESTATE_FLAGS).errors,
    warnings: imported.warnings,
    summary: {
      ...evaluation.summary,
      rows: imported.rowCount,
      rowsWithErrors: imported.rowCount - imported.estates.length,
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}

describe('check output written chunk by chunk', () => {
  for (const [what, input] of INPUTS) {
    it(`JSON is JSON.stringify of the whole report, in any chunk size: ${what}`, () => {
      const whole = unstreamedJson(input());
      for (const chunkRows of [1, 3, Infinity])
        expect(FORMATS.json(run(input(), chunkRows, 'zh'))).toBe(whole);
    });

    for (const format of ['csv', 'wide', 'table'] as const) {
      it(`${format} is the same in chunks of 1 or 3 rows as in one chunk: ${what}`, () => {
        for (const lang of ['zh', 'en'] as const) {
          const whole = FORMATS[format](run(input(), Infinity, lang));
          for (const chunkRows of [1, 3]) expect(FORMATS[format](run(input(), chunkRows, lang))).toBe(whole);
        }
      });
    }
  }

  it('lists every unusable row and counts every row (evaluated + with errors = rows read)', () => {
    const report = JSON.parse(FORMATS.json(run(INPUTS[0]![1](), 2, 'en'))) as {
      estates: unknown[];
      errors: { row: number; code: string }[];
      warnings: { code: string }[];
      summary: { rows: number; rowsWithErrors: number; estates: number };
    };
    const rowsWithErrors = new Set(report.errors.map((e) => e.row)).size;
    expect(report.summary).toMatchObject({ rows: 11, rowsWithErrors, estates: report.estates.length });
    expect(report.estates.length + rowsWithErrors).toBe(11);
    expect(report.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['bad-number', 'csv-quotes', 'field-count']),
    );
    expect(report.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['duplicate-name', 'isolated-point', 'short-row']),
    );
    const csv = FORMATS.csv(run(INPUTS[0]![1](), 2, 'en'));
    expect(csv).toContain(`'=cmd|`);
    expect(csv.match(/,unusable,/g)?.length).toBe(report.errors.length);
  });

  it('the command writes the same JSON as the unstreamed report', () => {
    const out = join(dir, 'v.json');
    const { code } = runCli([
      'check',
      brokenPath,
      '--crs',
      'bd09',
      '--profile',
      'hefei',
      '--status',
      'existing',
      '--district-population',
      '50000',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(unstreamedJson(INPUTS[0]![1]()));
  });
});
