/**
 * Printing from the planner on the bundled demo, in chromium: an estate's review report (审查意见)
 * printed from its panel holds the estate, the figures the panel shows and the clause; the compliance
 * panel's batch holds every listed estate; the whole view in print media shows the map (a copy of the
 * WebGL canvas with real pixels), the legend unclipped and the summary, on one A4 landscape page.
 * Screenshots and PDFs go to test-results/e2e/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeDemo,
  hasChromium,
  openDemo,
  RESULTS,
  screenshot,
  waitIdle,
  type DemoSession,
  type LifeCircleWindow,
} from './harness';
import { KIND, state } from './planner-helpers';

const A4_LANDSCAPE_PX = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };
const hasPdfText = spawnSync('pdftotext', ['-v']).error === undefined;

/** The HTML of the last report the planner printed (the hidden frame is same-origin). */
const printedReport = (page: Page) =>
  page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid=report-frame]');
    return frame?.dataset.printed === 'true'
      ? `<!doctype html>\n${frame.contentDocument!.documentElement.outerHTML}`
      : null;
  });

/** Clicks a report button and waits for a new report to be printed; returns its HTML. */
async function printFrom(page: Page, testId: string): Promise<string> {
  await page.evaluate(() => document.querySelector('iframe[data-testid=report-frame]')?.remove());
  await page.click(`[data-testid=${testId}]`);
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLIFrameElement>('iframe[data-testid=report-frame]')?.dataset.printed ===
      'true',
    null,
    { timeout: 60_000 },
  );
  return (await printedReport(page))!;
}

/** A number as the panel or the report writes it ("1,234.5 m²" → 1234.5); NaN for "—". */
const figure = (text: string | null) => Number((text ?? '').replace(/,/g, '').match(/-?\d+(\.\d+)?/)?.[0]);

describe.skipIf(!hasChromium)('printing from the planner (demo) in chromium', () => {
  let session: DemoSession;
  let page: Page;

  beforeAll(async () => {
    session = await openDemo();
    page = session.page;
    mkdirSync(RESULTS, { recursive: true });
  });

  afterAll(async () => {
    await closeDemo(session ?? {});
  });

  it("prints an estate's review report with its name, the panel's figures and the clause", async () => {
    await page.click('[data-testid=tab-compliance]');
    // The list is sorted failing first: the first estate has a rule with a shortfall.
    await page.click('[data-testid=estate-list] button >> nth=0');
    const detail = page.locator('[data-testid=estate-detail]');
    await detail.waitFor();
    const name = (await detail.locator('#estate-title').textContent())!;
    const verdict = detail.locator('[data-testid=verdict]').first();
    const rule = (await verdict.locator('.rule-id').textContent())!;
    const shown = {
      required: figure(await verdict.locator('.figures div:nth-child(1) dd').textContent()),
      provided: figure(await verdict.locator('.figures div:nth-child(2) dd').textContent()),
    };
    expect(Number.isFinite(shown.required)).toBe(true);
    const quote = (await verdict.locator('[data-testid=citation] blockquote').textContent())!;
    expect(quote.length).toBeGreaterThan(5);

    const html = await printFrom(page, 'report-estate');
    writeFileSync(join(RESULTS, 'print-estate-report.html'), html);
    expect(html).toContain(name);
    expect(html.match(/<section class="estate" /g)).toHaveLength(1);
    const cells = await page.evaluate(
      (id) =>
        [
          ...document
            .querySelector<HTMLIFrameElement>('iframe[data-testid=report-frame]')!
            .contentDocument!.querySelectorAll(`tbody[data-rule="${id}"] tr:first-child td`),
        ].map((td) => td.textContent),
      rule,
    );
    // Rule, verdict, required, provided, shortfall, unit: the panel rounds to 0.1, the report to 0.01.
    expect(Math.abs(figure(cells[2]!) - shown.required)).toBeLessThanOrEqual(0.05);
    if (Number.isFinite(shown.provided))
      expect(Math.abs(figure(cells[3]!) - shown.provided)).toBeLessThanOrEqual(0.05);
    else expect(cells[3]).toBe('—');
    expect(html).toContain(quote);
    expect(html).toMatch(/依据：《[^》]+》 第\d+行/);
    expect(html).toMatch(/<svg [^>]*class="report-map"/);

    // The same document rendered on its own, as a reader's browser prints it: A4 pages, map drawn.
    const report = await session.browser.context.newPage();
    await report.setContent(html);
    await report.screenshot({ path: join(RESULTS, 'print-estate-report.png'), fullPage: true });
    await report.emulateMedia({ media: 'print' });
    await report.pdf({
      path: join(RESULTS, 'print-estate-report.pdf'),
      preferCSSPageSize: true,
      printBackground: true,
    });
    await report.close();
    await screenshot(page, 'print-01-estate-detail');
  });

  it('prints the batch of the listed estates from the compliance panel', async () => {
    await page.click('[data-testid=estate-detail] button[aria-label]');
    const listed = await page.locator('[data-testid=estate-list] li').count();
    const names = await page.locator('[data-testid=estate-list] .estate-name').allTextContents();
    expect(listed).toBeGreaterThan(5);
    const html = await printFrom(page, 'report-batch');
    writeFileSync(join(RESULTS, 'print-batch-report.html'), html);
    expect(html.match(/<section class="estate" /g)).toHaveLength(listed);
    for (const n of [names[0]!, names[Math.floor(listed / 2)]!, names[listed - 1]!])
      expect(html).toContain(n);
    // The cover's totals are those of the compliance panel's list (符合 + 不符合 + 资料不全 = all).
    const totals = [...html.matchAll(/data-total="[^"]+">(\d+)</g)].map((m) => Number(m[1]));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(listed);

    // Filtered to the estates lacking data: the batch is those, in the list's order.
    await page.selectOption('.row-controls select', 'insufficient-data');
    const keys = await page
      .locator('[data-testid=estate-list] button')
      .evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('data-focus-key')!.slice('estate:'.length)),
      );
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.length).toBeLessThan(listed);
    const filtered = await printFrom(page, 'report-batch');
    expect([...filtered.matchAll(/<section class="estate" data-estate="([^"]+)"/g)].map((m) => m[1])).toEqual(
      keys,
    );
    expect(filtered).toMatch(new RegExp(`data-total="incomplete">${keys.length}<`));
    await page.selectOption('.row-controls select', 'all');
  });

  it('prints the whole view: the map drawn, the legend whole and the summary, on one A4 page', async () => {
    await page.selectOption('[data-testid=kind-select]', KIND);
    await waitIdle(page);
    // The nurseries' service areas drawn (the map re-tiles a changed source over a few renders).
    await page.evaluate(() =>
      (
        (window as never as LifeCircleWindow).__lifecircle.map as unknown as {
          whenResultsRendered(): Promise<number>;
        }
      ).whenResultsRendered(),
    );
    // What Chromium does when printing: beforeprint (the map is copied), then the print layout.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // The printable area of A4 landscape with the 10 mm margins of the print style: 277 × 190 mm at 96 px/in.
    await page.setViewportSize(A4_LANDSCAPE_PX);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-02-whole-view');

    const snapshot = page.locator('canvas.print-snapshot');
    await expect(snapshot.isVisible()).resolves.toBe(true);
    const box = (await snapshot.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(300);
    await expect(
      page.evaluate(
        () => getComputedStyle(document.querySelector('.maplibregl-canvas-container')!).visibility,
      ),
    ).resolves.toBe('hidden');
    const pixels = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.print-snapshot')!;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      let opaque = 0;
      let unlike = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) opaque++;
        const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        if (rgb !== ((data[0]! << 16) | (data[1]! << 8) | data[2]!)) unlike++;
        if (colours.size < 1000) colours.add(rgb);
      }
      return { total: data.length / 4, opaque, unlike, colours: colours.size };
    });
    // A blank copy is one colour (or transparent); the demo's streets, estates and areas give many.
    expect(pixels.opaque / pixels.total).toBeGreaterThan(0.9);
    expect(pixels.unlike / pixels.total).toBeGreaterThan(0.05);
    expect(pixels.colours).toBeGreaterThan(20);

    const legend = page.locator('[data-testid=legend]');
    await expect(legend.isVisible()).resolves.toBe(true);
    const clipped = await legend.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(clipped).toBeLessThanOrEqual(1);
    await expect(legend.textContent()).resolves.toContain('图例');
    const pane = (await page.locator('.map-pane').boundingBox())!;
    const legendBox = (await legend.boundingBox())!;
    const summary = page.locator('[data-testid=print-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    const summaryBox = (await summary.boundingBox())!;
    for (const b of [legendBox, summaryBox])
      expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
    const s = await state(page);
    const fails = s.evaluation!.estates.filter((e) => e.overall === 'fail').length;
    await expect(summary.locator('[data-status=fail]').textContent()).resolves.toBe(String(fails));
    const covered = s.coverage!.byKind[KIND]!.summary.householdsCovered;
    await expect(summary.locator(`[data-kind=${KIND}]`).textContent()).resolves.toContain(
      covered.toLocaleString('zh-CN'),
    );

    const pdf = join(RESULTS, 'print-whole-view.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    });
    if (hasPdfText) {
      const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
      // Page 1 holds the legend and the summary beside the map.
      expect(first).toContain('图例');
      expect(first).toContain('概要');
      const images = spawnSync('pdfimages', ['-f', '1', '-l', '1', '-list', pdf], {
        encoding: 'utf8',
      }).stdout;
      expect(images.trim().split('\n').length).toBeGreaterThan(2); // header lines + the map's image
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect(page.locator('canvas.print-snapshot').count()).resolves.toBe(0);
    expect(session.browser.problems).toEqual([]);
    expect(session.browser.external).toEqual([]);
  });
});
