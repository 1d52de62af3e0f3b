/**
 * `lifecircle report` on the hand-worked estates of tests/fixtures/report/in (figures worked out in
 * tests/core/report/review-report.test.ts): HTML, and a PDF through Debian's Chromium whose pages and
 * text (pdftotext, poppler-utils) are checked. Without chromium or pdftotext the PDF test skips with a
 * message, except in CI (.ci/run installs both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli';

const IN = join(ROOT, 'tests', 'fixtures', 'report', 'in');
const dir = mkdtempSync(join(tmpdir(), 'lifecircle-report-'));
const base = [
  'report',
  join(IN, 'estates.geojson'),
  '--profile',
  'hefei',
  '--facilities',
  join(IN, 'facilities.geojson'),
  '--date',
  '2026-12-04',
];
const hasPdfTools = existsSync('/usr/bin/chromium') && spawnSync('pdftotext', ['-v']).error === undefined;
if (!hasPdfTools && process.env.CI) throw new Error('CI must have /usr/bin/chromium and pdftotext');
if (!hasPdfTools) console.warn('report PDF test skipped: needs /usr/bin/chromium and pdftotext');

/** The text of one page, in layout mode (table rows stay on one line), spaces collapsed. */
const pdfText = (file: string, page: number) =>
  spawnSync('pdftotext', ['-layout', '-f', `${page}`, '-l', `${page}`, file, '-'], {
    encoding: 'utf8',
  }).stdout.replace(/\s+/g, ' ');

describe('lifecircle report', () => {
  it('writes the HTML report of one estate chosen by name', () => {
    const out = join(dir, 'a.html');
    const { code, stderr } = runCli([...base, '--estate', '示例花园', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('1 estate(s): 0 compliant, 1 not compliant, 0 incomplete data');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-estate="A"');
    expect(html).not.toContain('data-estate="B"');
    expect(html).toMatch(/data-rule="hefei.nursery-new">[\s\S]*?>26<[\s\S]*?>20<[\s\S]*?>6</);
  });

  it('exits 2 with a clear line for an unknown estate, and when Chromium is missing for a PDF', () => {
    const unknown = runCli([...base, '--estate', '不存在', '--out', join(dir, 'x.html')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--estate "不存在": no estate has this id or name');
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'lifecircle.mjs'), ...base, '--out', join(dir, 'x.pdf')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LIFECIRCLE_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('a PDF needs Chromium, which is not installed at /nonexistent/chromium');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(hasPdfTools)(
    'renders the batch as an A4 PDF: cover, then a page and a map page per estate, numbered',
    () => {
      const out = join(dir, 'all.pdf');
      const { code, stderr } = runCli([...base, '--out', out]);
      expect(code, stderr).toBe(0);
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      // 1 cover + 3 estates × (facts and rules, map) = 7 pages; A4 is 595 × 842 pt.
      expect(info).toMatch(/Pages:\s+7\n/);
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      const cover = pdfText(out, 1);
      expect(cover).toContain('“一老一小”设施配建审查意见');
      expect(cover).toContain('合肥市“一老一小”整体解决方案 (hefei)');
      expect(cover).toContain('符合 1，不符合 1，资料不全 1');
      expect(cover).toContain('未能使用的数据行 (1)');
      expect(cover).toContain('第 1 页，共 7 页');
      const a = pdfText(out, 2);
      expect(a).toContain('小区：示例花园 不符合');
      expect(a).toMatch(/不达标 300 250 50 平方米/);
      expect(a).toMatch(/不达标 26 20 6 个托位/);
      expect(a).toContain('《合肥市“一老一小”整体解决方案》 第207, 247行');
      expect(a).toContain('按 1,000 户 × 2.52 人/户推算');
      expect(a).toContain('第 2 页，共 7 页');
      const map = pdfText(out, 3);
      expect(map).toContain('周边服务范围图 — 示例花园');
      expect(map).toContain('直线距离估算');
      expect(pdfText(out, 4)).toContain('小区：老城小区 符合');
      expect(pdfText(out, 6)).toContain('资料不全');
      expect(pdfText(out, 6)).toContain('<script>alert(1)</script>&新村');
    },
    120_000,
  );
});
