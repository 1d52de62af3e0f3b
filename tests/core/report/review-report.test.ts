/**
 * The review report for hand-worked estates (tests/fixtures/report/in, written by hand; A lies 600 m
 * west of the station, B 300 m north, C 500 m south, straight-line distances on the WGS-84 sphere):
 * Hefei profile, 2.52 persons per household, 1.0 m/s.
 *   A (new, 1000 households, 250 m² in one 250 m² facility, 20 places): elderly area required
 *     1000 / 100 × 30 = 300 m², shortfall 50 (and below the 350 m² single-facility minimum);
 *     residents 1000 × 2.52 = 2520, places required ⌈2520 × 10 / 1000⌉ = 26, shortfall 6; station at
 *     600 m = 10 min ≤ 15 → 不符合.
 *   B (existing, 500 households, 1300 residents, 120 m², 11 places): 100 m² and ⌈10.4⌉ = 11 places
 *     required, both met; 300 m = 5 min → 符合.
 *   C (existing, 300 households, no floor area, no places): 60 m² and ⌈6.048⌉ = 7 places required,
 *     provided unknown → 资料不全.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import {
  buildReviewReport,
  coverageOptionsForKind,
  createCoverageSession,
  escapeHtml,
  evaluateEstates,
  importEstates,
  importFacilities,
  reportServiceAreas,
  reviewReportHtml,
  withWalkingTimeVerdicts,
  type ReportLanguage,
} from '../../../src/core';
import { getProfile } from '../../../src/profiles';

const IN = join(import.meta.dirname, '..', '..', 'fixtures', 'report', 'in');
const profile = getProfile('hefei')!;
const parameters = profile.parameters;

function makeReport(lang: ReportLanguage) {
  const estates = importEstates({
    data: readFileSync(join(IN, 'estates.geojson')),
    fileName: 'estates.geojson',
  });
  const facilities = importFacilities({
    data: readFileSync(join(IN, 'facilities.geojson')),
    fileName: 'facilities.geojson',
  }).facilities;
  const session = createCoverageSession({
    estates: estates.estates,
    facilities,
    network: null,
    options: coverageOptionsForKind('elderly-station', parameters),
  });
  const coverage = { 'elderly-station': session.result() };
  const rows = new Map(coverage['elderly-station'].estates.map((e) => [e.id, e]));
  const results = withWalkingTimeVerdicts(
    evaluateEstates(estates.estates, profile, parameters).estates,
    profile.rules,
    (id) => rows.get(id),
  );
  const report = buildReviewReport({
    profile,
    parameters,
    estates: estates.estates,
    results,
    coverage,
    facilities,
    serviceAreas: reportServiceAreas(null, { 'elderly-station': session }, parameters),
    date: '2026-12-04',
    lang,
    subject: 'estates.geojson',
    rejected: estates.errors,
  });
  const html = reviewReportHtml(report);
  return { report, html, doc: new DOMParser().parseFromString(html, 'text/html') };
}

const text = (el: { textContent: string | null } | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('review report (审查意见)', () => {
  const { report, html, doc } = makeReport('zh');
  const ruleRow = (estate: string, rule: string) => {
    const section = [...doc.getElementsByTagName('section')].find(
      (s) => s.getAttribute('class') === 'estate' && s.getAttribute('data-estate') === estate,
    )!;
    const body = [...section.getElementsByTagName('tbody')].find(
      (b) => b.getAttribute('data-rule') === rule,
    )!;
    const cells = [...body.getElementsByTagName('td')].map(text);
    return {
      verdict: cells[1],
      required: cells[2],
      provided: cells[3],
      shortfall: cells[4],
      unit: cells[5],
      cite: cells[6],
    };
  };

  it('gives each rule its required, provided and shortfall figures and verdict', () => {
    expect(ruleRow('A', 'hefei.elderly-area-new')).toMatchObject({
      verdict: '不达标',
      required: '300',
      provided: '250',
      shortfall: '50',
      unit: '平方米',
    });
    expect(ruleRow('A', 'hefei.nursery-new')).toMatchObject({
      verdict: '不达标',
      required: '26',
      provided: '20',
      shortfall: '6',
      unit: '个托位',
    });
    expect(ruleRow('B', 'hefei.elderly-area-existing')).toMatchObject({
      verdict: '达标',
      required: '100',
      provided: '120',
      shortfall: '0',
    });
    expect(ruleRow('B', 'hefei.nursery-existing')).toMatchObject({
      verdict: '达标',
      required: '11',
      provided: '11',
    });
    expect(ruleRow('C', 'hefei.elderly-area-existing')).toMatchObject({
      verdict: '数据不足',
      required: '60',
      provided: '—',
    });
    expect(ruleRow('A', 'hefei.elderly-15min')).toMatchObject({
      verdict: '达标',
      required: '15',
      provided: '10',
    });
  });

  it('quotes the clause with the document title and line, the file name as a reference', () => {
    const cite = ruleRow('A', 'hefei.elderly-area-new').cite!;
    expect(cite).toContain('《合肥市“一老一小”整体解决方案》 第207, 247行');
    expect(cite).toContain('新建居住(小)區按照每百戶不得低於30平方米、單體面積不得低於350平方米');
    expect(cite).toContain('(001_82989894b6aaeb46.txt)');
    expect(ruleRow('B', 'hefei.elderly-15min').cite).toContain('第208行');
  });

  it('states the estate facts, how residents were derived, and the conclusion with what is missing', () => {
    const households = [...doc.getElementsByTagName('dd')]
      .filter((d) => d.getAttribute('data-field') === 'households')
      .map(text);
    expect(households).toEqual(['1,000', '500', '300']);
    expect(html).toContain('按 1,000 户 × 2.52 人/户推算');
    expect(report.estates.map((e) => [e.id, e.conclusion])).toEqual([
      ['A', 'non-compliant'],
      ['B', 'compliant'],
      ['C', 'incomplete'],
    ]);
    const c = report.estates[2]!;
    expect(c.missing.some((m) => m.includes('养老服务用房面积'))).toBe(true);
    expect(c.missing.some((m) => m.includes('托位数'))).toBe(true);
    expect(c.missing.some((m) => m.includes('推算'))).toBe(false);
    expect(report.estates[0]!.failing).toEqual([
      '新建居住（小）区养老服务用房：每百户≥30平方米，单体≥350平方米',
      '新建和在建居住小区：每千人口≥10个托位（四同步）',
    ]);
    const totals = Object.fromEntries(
      [...doc.getElementsByTagName('span')]
        .filter((s) => s.getAttribute('data-total'))
        .map((s) => [s.getAttribute('data-total'), text(s)]),
    );
    expect(totals).toEqual({ compliant: '1', 'non-compliant': '1', incomplete: '1' });
  });

  it('shows walking access, the parameters, the profile version and the rejected rows', () => {
    const a = report.estates[0]!.reach[0]!;
    expect(a.kind).toBe('elderly-station');
    expect(a.distanceM).toBeGreaterThan(598);
    expect(a.distanceM).toBeLessThan(602);
    expect(a.nearestFacility).toBe('梧桐养老服务站');
    const field = (name: string) =>
      text([...doc.getElementsByTagName('span')].find((s) => s.getAttribute('data-field') === name));
    expect(field('persons-per-household')).toBe('2.52');
    expect(field('walking-speed')).toBe('1');
    expect(field('profile-version')).toMatch(/^[0-9a-f]{8}$/);
    expect(html).toContain('养老服务站 15 分钟');
    expect(html).toContain('2026-12-04');
    expect(html).toContain('未能使用的数据行 (1)');
    expect(html).toContain('很多');
  });

  it('draws a straight-line map, labelled so, with the estate, the facility and its service area', () => {
    const svgs = [...doc.getElementsByTagName('svg')];
    expect(svgs).toHaveLength(3);
    expect(svgs[0]!.getAttribute('data-mode')).toBe('straight-line');
    expect(html).toContain('直线距离估算（未提供路网');
    const paths = [...svgs[0]!.getElementsByTagName('path')].filter(
      (p) => p.getAttribute('class') === 'service-area',
    );
    expect(paths).toHaveLength(1);
    const circles = [...svgs[0]!.getElementsByTagName('circle')].filter(
      (c) => c.getAttribute('class') === 'facility',
    );
    expect(circles).toHaveLength(1);
    // The facility lies 600 m east of estate A (the centre, x = 280): the map spans 2 × 15 min × 60 s ×
    // 1.0 m/s × 1.15 = 2070 m over 560 px, so 600 m is 162.3 px.
    expect(Number(circles[0]!.getAttribute('cx'))).toBeCloseTo(280 + (600 * 560) / 2070, 0);
  });

  it('escapes every string from the data', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>&新村'));
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
  });

  it('has print rules: A4, page numbers, repeated table headers, a CJK font stack', () => {
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(
      /"Noto Sans CJK SC".*"WenQuanYi Zen Hei".*"PingFang SC".*"Microsoft YaHei", sans-serif/s,
    );
  });

  it('speaks English when asked', () => {
    const en = makeReport('en');
    expect(en.html).toContain('not compliant');
    expect(en.html).toContain('derived: 1,000 households × 2.52 persons');
    expect(en.html).toContain('Page " counter(page) " of " counter(pages)');
  });
});
