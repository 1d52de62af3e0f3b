import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { estatesWorkbook } from '../core/io/estates-workbook';
import { ROOT, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-profile-'));
const workbook = join(dir, '小区清单.xlsx');

/**
 * A city's own profile: Hefei's copied, renamed `mycity`, existing estates asked for 25 m² per 100
 * households instead of 20. 金地国际城 (3,637 households, 800 m²) passes Hefei's 727.4 m² and fails
 * mycity's 909.25 m² (3,637 × 25 / 100).
 */
function writeProfile(name: string, edit: (json: Record<string, unknown>) => void = () => {}): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'geodata/rules/hefei.json'), 'utf8'));
  json.id = 'mycity';
  json.name = { zh: '某市（草案）', en: 'My city (draft)' };
  for (const rule of json.rules) rule.id = rule.id.replace(/^hefei\./, 'mycity.');
  json.rules.find((r: { id: string }) => r.id === 'mycity.elderly-area-existing').threshold = 25;
  edit(json);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}

const verdictOf = (
  report: { estates: { name: string; verdicts: { rule: string }[] }[] },
  name: string,
  rule: string,
) => report.estates.find((e) => e.name === name)?.verdicts.find((v) => v.rule === rule);

beforeAll(async () => {
  writeFileSync(workbook, await estatesWorkbook());
});

describe('lifecircle check --profile <file.json> on a workbook', () => {
  it('evaluates every row of a workbook with a title row against the user profile’s thresholds, marked as a user profile', () => {
    const profile = writeProfile('mycity.json');
    const args = ['check', workbook, '--crs', 'bd09', '--status', 'existing', '--format', 'json'];
    const user = runCli([...args, '--profile', profile]);
    expect(user.stderr).toBe('');
    const report = JSON.parse(user.stdout);
    expect(report.profile).toEqual({
      id: 'mycity',
      name: { zh: '某市（草案）', en: 'My city (draft)' },
      source: 'user',
      file: profile,
    });
    expect(report.input).toMatchObject({
      format: 'xlsx',
      rows: 4,
      workbook: { sheet: '小区清单', headerRow: 3 },
    });
    // Every row is evaluated or listed: 3 estates + 1 error = 4 rows.
    expect(report.estates.length + report.errors.length).toBe(report.input.rows);
    expect(verdictOf(report, '金地国际城', 'mycity.elderly-area-existing')).toMatchObject({
      status: 'fail',
      required: 909.25,
      provided: 800,
    });
    expect(user.code).toBe(1);

    const builtin = JSON.parse(runCli([...args, '--profile', 'hefei']).stdout);
    expect(builtin.profile.source).toBe('builtin');
    expect(verdictOf(builtin, '金地国际城', 'hefei.elderly-area-existing')).toMatchObject({
      status: 'pass',
      required: 727.4,
    });
  });

  it('marks the user profile in the table and writes the wide CSV with the profile block on top', () => {
    const profile = writeProfile('mycity.json');
    const table = runCli(['check', workbook, '--crs', 'bd09', '--profile', profile, '--lang', 'en']);
    expect(table.stdout.split('\n')[0]).toBe(`Profile: My city (draft) (mycity) [user profile: ${profile}]`);

    const wide = runCli([
      'check',
      workbook,
      '--crs',
      'bd09',
      '--profile',
      profile,
      '--format',
      'csv',
      '--wide',
      '--date',
      '2026-12-04',
    ]);
    const rows = Papa.parse<string[]>(wide.stdout.replace(/^\uFEFF/, '')).data;
    expect(rows[0]).toEqual(['规则配置', '某市（草案）', 'mycity']);
    expect(rows[1]).toEqual(['来源', '用户自定义规则配置（非内置）', profile]);
    expect(rows[2]?.slice(0, 2)).toEqual(['日期', '2026-12-04']);
    expect(rows.some((r) => r[0] === '参数' && r[1] === 'personsPerHousehold' && r[2] === '2.52')).toBe(true);
    const headerAt = rows.findIndex((r) => r[0] === '编号');
    const header = rows[headerAt] ?? [];
    expect(header.slice(0, 9)).toEqual([
      '编号',
      '小区名称',
      '区县',
      '经度',
      '纬度',
      '户数',
      '人口',
      '状态',
      '总体结论',
    ]);
    expect(header).toContain('mycity.elderly-area-existing 缺口 (m²)');
    const first = rows[headerAt + 1] ?? [];
    expect(first.slice(0, 3)).toEqual(['1', '金地国际城', '包河']);
    expect(first[header.indexOf('mycity.elderly-area-existing 缺口 (m²)')]).toBe('109.25');
    expect(first[header.indexOf('mycity.elderly-area-existing 结论')]).toBe('不达标');
  });

  it('exits 2 for a malformed profile, naming the file, the rule and the field', () => {
    const bad = writeProfile('bad.json', (json) => {
      (json.rules as Record<string, unknown>[])[1]!.metric = 'parkingPer100Households';
    });
    const result = runCli(['check', workbook, '--profile', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toContain('rule "mycity.elderly-area-existing" (rules[1])');
    expect(result.stderr).toContain('field "metric"');
    expect(result.stderr).toContain('"parkingPer100Households"');
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{\n  "id": "x",\n}');
    const broken = runCli(['check', workbook, '--profile', notJson]);
    expect([broken.code, broken.stderr]).toEqual([
      2,
      expect.stringContaining(`${notJson}: not valid JSON (line 3`),
    ]);
    expect(runCli(['check', workbook, '--profile', 'guizhou']).stderr).toContain(
      'or a path to a .json profile',
    );
  });

  it('takes --profile <file> in coverage too, and --sheet by position', () => {
    const profile = writeProfile('mycity.json');
    const facilities = join(dir, 'facilities.csv');
    writeFileSync(facilities, '名称,类型,经度,纬度\n站,养老服务站,117.3095,31.8430\n');
    const result = runCli([
      'coverage',
      '--estates',
      workbook,
      '--sheet',
      '2',
      '--crs',
      'bd09',
      '--facilities',
      facilities,
      '--facility-crs',
      'bd09',
      '--profile',
      profile,
    ]);
    expect(result.stderr).not.toContain('Error');
    const report = JSON.parse(result.stdout);
    expect(report.profile).toMatchObject({ id: 'mycity', source: 'user' });
    expect(report.estates).toHaveLength(3);
  });

  it('reads KML from the command line (@xmldom/xmldom passed in as the XML parser)', () => {
    const kml = join(dir, 'estates.kml');
    writeFileSync(
      kml,
      `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>甲小区</name><ExtendedData><Data name="房屋总数"><value>1000</value></Data><Data name="状态"><value>已建</value></Data></ExtendedData><Point><coordinates>117.3,31.84</coordinates></Point></Placemark>
</Document></kml>`,
    );
    const result = runCli(['check', kml, '--profile', 'hefei', '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.input.format).toBe('kml');
    expect(report.estates.map((e: { name: string; households: number }) => [e.name, e.households])).toEqual([
      ['甲小区', 1000],
    ]);
  });
});
