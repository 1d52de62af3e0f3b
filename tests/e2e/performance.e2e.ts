/**
 * Time to interactive of the production build (vite build + vite preview), fresh profile: from
 * navigation start until the map has drawn the demo's first compliance and coverage results (and,
 * for comparison, until those results reached the store). Then drop → map of several facility drags:
 * from the pointer release until the map has drawn the results for the dropped position. Reported,
 * not asserted tightly (targets ≤ 1.5 s and ≤ 50 ms on a normal machine; software WebGL in CI is
 * far slower: every frame is drawn on the CPU and read back).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND, uncoveredEstate } from './planner-helpers';
import {
  hasChromium,
  launch,
  report,
  screenOf,
  screenshot,
  startPreviewServer,
  waitIdle,
  waitInteractive,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';

const figures: Record<string, number | string | null> = {};
/** Drags measured on the production build (the figure is their median). */
const DRAGS = 5;

describe.skipIf(!hasChromium)('production build', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launch(server.url.replace(/\/$/, ''));
  });

  afterAll(async () => {
    report('performance', figures);
    await browser?.close();
    await server?.close();
  });

  it('opens the demo and becomes interactive; a reload restores from IndexedDB', async () => {
    const { page } = browser;
    await page.goto(`${server.url}?scenario=demo`);
    figures['production: time to interactive, first visit (ms)'] = Math.round(await waitInteractive(page));
    // What draws the map: SwiftShader (software) here, the GPU's driver with E2E_GPU=1 on a machine with one.
    figures['production: WebGL renderer'] = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL 2';
    });
    // Scripts fetched until then: the page's, and the two workers' (listed as the page's resources).
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.(m?js)(\?|$)/.test(e.name))
        .map((e) => ({
          name: e.name.split('/').pop()!,
          bytes: (e as PerformanceResourceTiming).decodedBodySize,
        })),
    );
    figures['production: JavaScript fetched until interactive (KB, decoded)'] = Math.round(
      scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024,
    );
    figures['production: scripts fetched until interactive'] = scripts.map((s) => s.name).join(' ');
    // The import readers and the XLSX writer load on first use, not at start-up.
    expect(scripts.map((s) => s.name).filter((n) => /import-shapefile-zip|browser-/.test(n))).toEqual([]);
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) {
      await page.goto(`${server.url}?scenario=demo`);
      runs.push(await waitInteractive(page));
    }
    runs.sort((a, b) => a - b);
    figures['production: time to interactive, repeat visits (ms, median of 3)'] = Math.round(runs[1]!);
    figures['production: results in the store, last repeat visit (ms, not yet drawn)'] = await page.evaluate(
      () => Math.round((window as never as LifeCircleWindow).__lifecircle.resultsAt ?? NaN),
    );
    await page.goto(server.url);
    figures['production: time to interactive, restored from autosave (ms)'] = Math.round(
      await waitInteractive(page),
    );
    await screenshot(page, '20-production');
    // The XLSX writer, left out of the start-up bundle, loads on first use in the production build.
    await page.click('[data-testid=tab-compliance]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-xlsx]'),
    ]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect(browser.problems).toEqual([]);
    expect(browser.external).toEqual([]);
  });

  it('drags a facility several times; each drop is drawn', async () => {
    const { page } = browser;
    await page.goto(`${server.url}?scenario=demo`);
    await waitInteractive(page);
    await page.selectOption('[data-testid=kind-select]', KIND);
    await waitIdle(page);
    // A facility of its own (drawn on top of the others), placed on an estate the kind does not cover.
    const { point } = await uncoveredEstate(page);
    await page.click('[data-testid=add-facility]');
    await page.mouse.click(point.x, point.y);
    const facility = () =>
      page.evaluate(() =>
        (window as never as LifeCircleWindow).__lifecircle.store
          .getState()
          .scenario.facilities.find((f) => f.id === 'new-1'),
      );
    await expect.poll(async () => (await facility())?.kind).toBe(KIND);
    await waitIdle(page);
    const drops: number[] = [];
    const edits: number[] = [];
    const renders: number[] = [];
    for (let k = 0; k < DRAGS; k++) {
      const f = (await facility())!;
      const from = await screenOf(page, f.location[0], f.location[1]);
      const dx = k % 2 === 0 ? 60 : -60; // back and forth, staying on the demo's streets
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dx / 2, from.y + 10, { steps: 4 });
      await page.mouse.move(from.x + dx, from.y + 20, { steps: 4 });
      await page.mouse.up();
      await page.waitForFunction(() => {
        const m = (window as never as LifeCircleWindow).__lifecircle.map!.metrics;
        return m.dropAt !== null && m.updatedAfterDropAt !== null;
      });
      const t = await page.evaluate(() => {
        const h = (window as never as LifeCircleWindow).__lifecircle;
        const m = h.map!.metrics;
        return {
          drop: m.updatedAfterDropAt! - m.dropAt!,
          renders: m.rendersAfterDrop,
          edit: h.runner.metrics.lastEditMs,
        };
      });
      expect((await facility())!.location).not.toEqual(f.location);
      drops.push(t.drop);
      renders.push(t.renders ?? NaN);
      if (t.edit !== null) edits.push(t.edit);
      await waitIdle(page);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
    figures[`production: drag, drop → map drawn (ms, median of ${DRAGS})`] = Math.round(median(drops));
    figures['production: drag, drop → map drawn, each (ms)'] = drops.map(Math.round).join(' ');
    figures['production: drag, worker round trip of an edit (ms, median)'] = Math.round(median(edits));
    // What the drop costs independent of how fast this machine draws: renders until the results are
    // on screen (each about 17 ms with a GPU at 60 frames a second; 100–200 ms with software WebGL here).
    figures['production: drag, map renders from drop to drawn, each'] = renders.join(' ');
    figures['production: drag, one map render here (ms, median of 20 forced repaints)'] = Math.round(
      await page.evaluate(async () => {
        const map = (window as never as LifeCircleWindow).__lifecircle.map!;
        const times: number[] = [];
        let last = performance.now();
        for (let k = 0; k < 20; k++) {
          await map.repaintOnce();
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times.sort((a, b) => a - b)[10]!;
      }),
    );
    expect(browser.problems).toEqual([]);
  });
});
