/**
 * Issue #13: the output never touches an input, spreadsheet formulas and terminal control sequences
 * from a user's file are neutralised, and outputs of any size are written (streamed).
 */
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-output-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ESTATES = '小区名称,房屋总数,状态,养老服务用房面积,托位数,经度,纬度\n甲,1000,新建,400,30,117.3,31.8\n';
const FACILITIES = 'id,name,kind,places,lng,lat\nn1,N,nursery,20,117.3,31.8\n';

describe('--out never overwrites an input', () => {
  it('check refuses --out equal to the estates file, spelled differently or hard-linked, and leaves it intact', () => {
    const input = write('in.csv', ESTATES);
    const link = join(dir, 'in-link.csv');
    linkSync(input, link);
    for (const out of [input, relative(ROOT, input), link]) {
      const { code, stderr } = runCli([
        'check',
        input,
        '--profile',
        'hefei',
        '--format',
        'json',
        '--out',
        out,
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain('is the input file');
      expect(readFileSync(input, 'utf8')).toBe(ESTATES);
    }
  });

  it('coverage refuses --out equal to the facilities or network file; build-network refuses -o equal to the OSM file', () => {
    const estates = write('e.csv', ESTATES);
    const facilities = write('f.csv', FACILITIES);
    const cov = runCli(['coverage', '--estates', estates, '--facilities', facilities, '--out', facilities]);
    expect(cov.code).toBe(2);
    expect(readFileSync(facilities, 'utf8')).toBe(FACILITIES);
    const osm = write('r.osm', '<osm></osm>');
    const built = runCli(['build-network', osm, '-o', osm]);
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('is the input file');
    expect(readFileSync(osm, 'utf8')).toBe('<osm></osm>');
  });

  it('a failed run leaves no output file and no temporary file behind', () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    const osm = write('bad.osm', '<osm><node id="1" lat="x" lon="y"/></osm>');
    const out = join(sub, 'g.lcg');
    const { code } = runCli(['build-network', osm, '-o', out]);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an existing output is replaced only when the run writes a complete file', () => {
    const input = write('ok.csv', ESTATES);
    const out = write('ok.json', 'previous');
    const { code } = runCli(['check', input, '--profile', 'hefei', '--format', 'json', '--out', out]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).estates).toHaveLength(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('hostile text in names and headers', () => {
  const hostile = [`"=cmd|' /C calc'!A0"`, '+1+1', '@SUM(1)', '-2+3', '"\tx"'];

  it('check --format csv neutralises formulas in every text cell', () => {
    const text =
      '小区名称,房屋总数,状态,养老服务用房面积,托位数\n' +
      hostile.map((name) => `${name},1000,新建,400,30`).join('\n') +
      '\n';
    const { stdout } = runCli(['check', write('f.csv', text), '--profile', 'hefei', '--format', 'csv']);
    const names = stdout
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[1] ?? '')
      .filter((n) => n !== '');
    for (const start of ['=', '+', '@', '-', '\t', '"=', '"\t'])
      expect(names.filter((n) => n.startsWith(start))).toEqual([]);
    expect(names).toContain(`'=cmd|' /C calc'!A0`);
    expect(names).toContain("'-2+3");
    expect(stdout).toContain("'+1+1");
    expect(stdout).toContain("'@SUM(1)");
  });

  it('coverage --format csv neutralises formulas too', () => {
    const estates = write('ce.csv', `id,name,lng,lat,households\na,=HYPERLINK("x"),117.3,31.8,10\n`);
    const { stdout } = runCli([
      'coverage',
      '--estates',
      estates,
      '--facilities',
      write('cf.csv', FACILITIES),
      '--format',
      'csv',
    ]);
    expect(stdout).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('table output shows control sequences escaped, never raw', () => {
    const text = `小区名称,房屋总数,状态,养老服务用房面积,托位数,\u001b]0;owned\u0007\n\u001b[31m红\u001b[0m,1000,新建,400,30,x\n`;
    const { stdout } = runCli(['check', write('t.csv', text), '--profile', 'hefei', '--lang', 'en']);
    expect(stdout).toContain('\\x1b[31m红');
    for (const c of ['\u001b', '\u0007']) expect(stdout.includes(c)).toBe(false);
  });
});

describe('outputs of any size', () => {
  const many = (n: number) => {
    const lines = ['小区名称,房屋总数,状态,养老服务用房面积,托位数'];
    for (let i = 0; i < n; i++) lines.push(`小区${i},${100 + (i % 900)},已建,${i % 7 === 0 ? 10 : 400},30`);
    return lines.join('\n') + '\n';
  };

  it('a table of 40,000 estates is printed (no stack overflow)', () => {
    const { code, stdout, stderr } = runCli(['check', write('40k.csv', many(40_000)), '--profile', 'hefei']);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(code).toBe(1);
    expect(stdout).toContain('小区39999');
  }, 120_000);

  it('JSON output streams: identical to JSON.stringify for a small report', () => {
    const { stdout } = runCli(['check', write('s.csv', many(3)), '--profile', 'hefei', '--format', 'json']);
    const parsed = JSON.parse(stdout);
    expect(stdout).toBe(JSON.stringify(parsed, null, 2) + '\n');
  });
});
