import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, runCli, SHARED_DATA } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Worked by hand from 001 line 207 (Hefei): new estates ≥ 30 m² per 100 households, each facility ≥ 350 m²;
// ≥ 10 nursery places per 1000 residents (residents = households × 2.52 unless given).
// A: 1000 households, 400 m² in one 400 m² room, 30 places for 2,520 residents (needs 25.2 → 26): pass.
// B: 1000 households, 600 m² in two 300 m² rooms: the ratio is met (300 required) but each room < 350 m²: fail.
// C: households missing → an error row, listed, not evaluated.
const ESTATES = `小区名称,房屋总数,状态,养老服务用房面积,养老设施面积,托位数
甲小区,1000,新建,400,400,30
乙小区,1000,新建,600,300;300,30
丙小区,,新建,400,400,30
`;

describe('lifecircle check', () => {
  it('evaluates valid rows, lists the bad one, and exits 1 when a check fails', () => {
    const { code, stdout } = runCli([
      'check',
      file('estates.csv', ESTATES),
      '--profile',
      'hefei',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.profile.id).toBe('hefei');
    expect(report.parameters.personsPerHousehold).toBe(2.52);
    expect(report.estates.map((e: { name: string }) => e.name)).toEqual(['甲小区', '乙小区']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 3, field: '房屋总数' });
    const verdict = (i: number, rule: string) =>
      report.estates[i].verdicts.find((v: { rule: string }) => v.rule === rule);
    expect(verdict(0, 'hefei.elderly-area-new')).toMatchObject({
      status: 'pass',
      required: 300,
      provided: 400,
    });
    expect(verdict(0, 'hefei.nursery-new')).toMatchObject({ status: 'pass', provided: 30 });
    // 10 × 2,520 / 1000 = 25.2 places, rounded up to whole places.
    expect(verdict(0, 'hefei.nursery-new').required).toBe(26);
    expect(verdict(1, 'hefei.elderly-area-new').status).toBe('fail');
    expect(verdict(1, 'hefei.elderly-area-new').source.line).toContain('207');
  });

  it('exits 0 when every applicable check passes, and writes a CSV with a BOM for Excel', () => {
    const only = ESTATES.split('\n').slice(0, 2).join('\n') + '\n';
    const out = join(dir, 'out.csv');
    const { code } = runCli([
      'check',
      file('pass.csv', only),
      '--profile',
      'hefei',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]?.[0]).toBe('编号');
    const verdictRows = rows.slice(1).filter((r) => r[0] === '1');
    expect(verdictRows.length).toBeGreaterThan(0);
    expect(verdictRows.every((r) => r[1] === '甲小区')).toBe(true);
    // The parameters used close the file.
    expect(rows.some((r) => r[0] === '参数' && r[1] === 'personsPerHousehold' && r[2] === '2.52')).toBe(true);
  });

  it('exits 2 with one clear line for unusable input, never a stack trace', () => {
    for (const args of [
      ['check', join(dir, 'missing.csv'), '--profile', 'hefei'],
      ['check', file('e.csv', ESTATES), '--profile', 'atlantis'],
      ['check', file('e.csv', ESTATES), '--profile', 'hefei', '--crs', 'EPSG:9999'],
      ['check', file('e.csv', ESTATES), '--profile', 'hefei', '--param', 'speed=fast'],
      ['check', file('empty.csv', '小区名称,房屋总数\n'), '--profile', 'hefei'],
    ]) {
      const { code, stderr } = runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('keeps rejected rows in the CSV and says why a file is unusable', () => {
    const csv = runCli(['check', file('rej.csv', ESTATES), '--profile', 'hefei', '--format', 'csv']).stdout;
    const rejected = Papa.parse<string[]>(csv.slice(1).trim()).data.filter((r) => r[6] === '无法使用');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.[0]).toMatch(/:3$/);
    expect(rejected[0]?.[12]).toContain('户数');
    const headerOnly = runCli([
      'check',
      file('h.csv', '名称,户数\n'),
      '--profile',
      'hefei',
      '--format',
      'json',
    ]);
    expect(headerOnly.code).toBe(2);
    expect(headerOnly.stderr).toMatch(/no data rows/);
  });

  it('names its own flags for what would fix a file (the core’s messages name none)', () => {
    const noHouseholds = runCli(['check', file('nh.csv', '小区名称,人数\n甲,3\n'), '--profile', 'hefei']);
    expect(noHouseholds.code).toBe(2);
    expect(noHouseholds.stdout).toContain('请用 --map households=<表头> 指定');
    const metres = runCli([
      'check',
      file('metres.csv', '小区名称,房屋总数,经度,纬度\n甲,300,39512345,3530000\n乙,200,117.3,31.8\n'),
      '--profile',
      'hefei',
      '--format',
      'json',
    ]);
    const report = JSON.parse(metres.stdout);
    expect(report.errors[0].message).toContain('try --crs EPSG:4527');
    expect(report.errors[0].messageZh).toContain('可尝试 --crs EPSG:4527');
  });

  it('never reads a facility without 托位数 as zero places in district totals', () => {
    const facilities = file('fac.csv', '名称,类型,经度,纬度\n托育甲,托育,117.3,31.8\n');
    const { stdout } = runCli([
      'check',
      file('d.csv', ESTATES),
      '--profile',
      'hefei',
      '--format',
      'json',
      '--district-population',
      '100000',
      '--facilities',
      facilities,
    ]);
    const report = JSON.parse(stdout);
    const city = report.district.verdicts.find((v: { rule: string }) => v.rule === 'hefei.nursery-city');
    expect(city.status).toBe('insufficient-data');
    expect(report.warnings.some((w: { code: string }) => w.code === 'missing-places')).toBe(true);
  });

  it('applies --param overrides and shows them in the output', () => {
    const { stdout } = runCli([
      'check',
      file('p.csv', ESTATES),
      '--profile',
      'hefei',
      '--format',
      'json',
      '--param',
      'personsPerHousehold=3.2',
    ]);
    const report = JSON.parse(stdout);
    expect(report.parameters.personsPerHousehold).toBe(3.2);
    expect(report.estates[0].residents).toBeCloseTo(3200, 6);
  });

  it.skipIf(!HAS_SHARED_DATA)(
    'checks the real Hefei file: 4,164 estates, 4 unusable rows, 20 m² per 100 households',
    () => {
      const { code, stdout } = runCli([
        'check',
        join(SHARED_DATA, 'hefei', 'compounds.csv'),
        '--crs',
        'bd09',
        '--profile',
        'hefei',
        '--status',
        'existing',
        '--format',
        'json',
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.estates).toHaveLength(4164);
      expect(report.errors).toHaveLength(4);
      expect(report.summary.rows).toBe(4168);
      for (const estate of report.estates) {
        const v = estate.verdicts.find((x: { rule: string }) => x.rule === 'hefei.elderly-area-existing');
        expect(v.required).toBeCloseTo((20 * estate.households) / 100, 6);
        // The file gives no provided floor area: a missing value is not zero.
        expect(v.status).toBe('insufficient-data');
      }
    },
  );
});
