/**
 * The generated large city in the production build (issue #9): a ~1M-node walking network (PBF),
 * 20,000 estates and 2,000 facilities imported as a planner would (new scenario, street import, CSV
 * estates, CSV facilities), then a facility added and dragged; then 150,000 estates. Asserts only that
 * it works (results arrive, the map draws, the page does not crash); reports the figures: time to
 * first results, drop → results in the store, drop → map drawn, main-thread heap.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launch,
  report,
  ROOT,
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
const now = (page: Page) => page.evaluate(() => performance.now());
const KIND = 'nursery';
/** The big steps (network build, 150k coverage) under software WebGL on two shared cores. */
const LONG = 600_000;

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round(usedSize / 2 ** 20);
}

async function importFile(page: Page, path: string, target: string): Promise<void> {
  await page.click('[data-testid=tab-import]');
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.selectOption('[data-testid=import-target]', target);
  await page.click('[data-testid=import-read]');
}

/** Reads, reviews and accepts a table; waits until compliance and coverage of every estate are in. */
async function importTable(page: Page, path: string, target: 'estates' | 'facilities'): Promise<void> {
  await importFile(page, path, target);
  await page.locator('[data-testid=import-review]').waitFor({ timeout: LONG });
  await page.locator('[data-testid=import-accept]:not([disabled])').waitFor({ timeout: LONG });
  await page.click('[data-testid=import-accept]');
}

const resultsFor = (page: Page, estates: number, facilities: number) =>
  page.waitForFunction(
    ([n, f]) => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      if (s.results.error) return true;
      const k = s.results.coverage?.byKind.nursery;
      return (
        s.scenario.estates.length === n &&
        s.scenario.facilities.length === f &&
        s.results.evaluation?.estates.length === n &&
        k?.estates.length === n
      );
    },
    [estates, facilities],
    { timeout: LONG, polling: 250 },
  );

const resultError = (page: Page) =>
  page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.store.getState().results.error);

describe.skipIf(!hasChromium)('the generated large city in the production build', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const dir = mkdtempSync(join(tmpdir(), 'lifecircle-city-'));
  const big = join(dir, 'big');

  beforeAll(async () => {
    const generate = (out: string, estates: number) =>
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'scripts/generate-city.ts'),
          '--out',
          out,
          '--estates',
          String(estates),
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
    generate(dir, 20_000);
    generate(big, 150_000);
    server = await startPreviewServer();
    browser = await launch(server.url.replace(/\/$/, ''));
    page = browser.page;
    cdp = await browser.context.newCDPSession(page);
    await page.goto(`${server.url}?scenario=demo`);
    await waitInteractive(page);
    await waitIdle(page);
  });

  afterAll(async () => {
    report('city', figures);
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a million-node network, 20,000 estates and 2,000 facilities; a facility is added and dragged', async () => {
    await page.click('[data-testid=tab-import]');
    await page.click('[data-testid=scenario-new]');
    const t0 = await now(page);
    await importFile(page, join(dir, 'city.osm.pbf'), 'network');
    await page.waitForFunction(
      () =>
        (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network?.fileName ===
        'city.osm.pbf',
      null,
      { timeout: LONG, polling: 500 },
    );
    await waitIdle(page);
    const t1 = await now(page);
    const nodes = await page.evaluate(
      () =>
        (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network!.report!.nodes,
    );
    expect(nodes).toBeGreaterThan(900_000);
    figures['city: street network built and drawn (ms)'] = Math.round(t1 - t0);
    figures['city: main-thread heap after the network (MB)'] = await heapMB(cdp);

    const t2 = await now(page);
    await importTable(page, join(dir, 'estates.csv'), 'estates');
    const t3 = await now(page);
    await resultsFor(page, 20_000, 0);
    expect(await resultError(page)).toBeNull();
    const t4 = await now(page);
    figures['city: estates read and reviewed (ms, until accept)'] = Math.round(t3 - t2);
    figures['city: accept → first results of 20,000 estates in the store (ms)'] = Math.round(t4 - t3);

    await importTable(page, join(dir, 'facilities.csv'), 'facilities');
    const t5 = await now(page);
    await resultsFor(page, 20_000, 2_000);
    expect(await resultError(page)).toBeNull();
    await waitIdle(page);
    figures['city: accept → results with 2,000 facilities (ms)'] = Math.round((await now(page)) - t5);
    figures['city: main-thread heap, 20,000 estates + 2,000 facilities (MB)'] = await heapMB(cdp);

    // An estate the nurseries leave uncovered, on screen in the default view (not under the legend).
    await page.selectOption('[data-testid=kind-select]', KIND);
    await waitIdle(page);
    await page.click('[data-testid=tab-whatif]');
    const target = await page.evaluate(() => {
      const h = (window as never as LifeCircleWindow).__lifecircle;
      const s = h.store.getState();
      const map = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
      const legend = document.querySelector('[data-testid=legend]')!.getBoundingClientRect();
      const byId = new Map(s.scenario.estates.map((e) => [e.id, e]));
      for (const row of s.results.coverage!.byKind.nursery!.estates) {
        if (row.offNetwork || row.covered) continue;
        const location = byId.get(row.id)!.location!;
        const p = h.map!.project(location[0], location[1]);
        const x = map.x + p.x;
        const y = map.y + p.y;
        const onMap = x > map.x + 100 && x < map.right - 100 && y > map.y + 120 && y < map.bottom - 60;
        const underLegend = x < legend.right + 10 && y > legend.y - 10;
        if (onMap && !underLegend) return location;
      }
      return null;
    });
    expect(target).not.toBeNull();
    const at = await screenOf(page, target![0], target![1]);
    await page.click('[data-testid=add-facility]');
    const before = await page.evaluate(
      () => (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.facilities.length,
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      (n) =>
        (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.facilities.length > n,
      before,
    );
    await waitIdle(page);
    const added = await page.evaluate(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      return s.scenario.facilities[s.scenario.facilities.length - 1]!;
    });
    const drops: number[] = [];
    const resultsAfterDrop: number[] = [];
    const edits: number[] = [];
    const workerEdits: number[] = [];
    for (let k = 0; k < 3; k++) {
      const f = await page.evaluate(
        (id) =>
          (window as never as LifeCircleWindow).__lifecircle.store
            .getState()
            .scenario.facilities.find((x) => x.id === id)!,
        added.id,
      );
      const from = await screenOf(page, f.location[0], f.location[1]);
      const dx = k % 2 === 0 ? 60 : -60;
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dx / 2, from.y + 10, { steps: 4 });
      await page.mouse.move(from.x + dx, from.y + 20, { steps: 4 });
      await page.mouse.up();
      await page.waitForFunction(
        () => {
          const m = (window as never as LifeCircleWindow).__lifecircle.map!.metrics;
          return m.dropAt !== null && m.updatedAfterDropAt !== null;
        },
        null,
        { timeout: LONG },
      );
      await waitIdle(page);
      const t = await page.evaluate((id) => {
        const h = (window as never as LifeCircleWindow).__lifecircle;
        const m = h.runner.metrics;
        const dropped = h.store.getState().scenario.facilities.find((x) => x.id === id)!.location;
        const analysed = m.lastEditFacilities?.find((x) => x.id === id)?.location;
        return {
          drop: h.map!.metrics.updatedAfterDropAt! - h.map!.metrics.dropAt!,
          // The results in the store are for the dropped position once the last edit analysed it
          // there: that edit's answer came before the drop (the drag's live preview) or after it.
          resultsAfterDrop:
            analysed !== undefined && analysed[0] === dropped[0] && analysed[1] === dropped[1]
              ? Math.max(0, m.lastEditAppliedAt! - h.map!.metrics.dropAt!)
              : null,
          edit: m.lastEditMs,
          worker: m.lastEditWorkerMs,
        };
      }, added.id);
      drops.push(t.drop);
      expect(t.resultsAfterDrop).not.toBeNull();
      resultsAfterDrop.push(t.resultsAfterDrop!);
      if (t.edit !== null) edits.push(t.edit);
      if (t.worker !== null) workerEdits.push(t.worker);
    }
    const moved = await page.evaluate(
      (id) =>
        (window as never as LifeCircleWindow).__lifecircle.store
          .getState()
          .scenario.facilities.find((x) => x.id === id)!.location,
      added.id,
    );
    expect(moved).not.toEqual(added.location);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
    // 0 when the drag's live preview had already brought the dropped position's results.
    figures['city: drop → results for the dropped position in the store (ms, median of 3)'] = Math.round(
      median(resultsAfterDrop),
    );
    figures['city: last edit round trip, send → results in the store (ms, median of 3)'] = Math.round(
      median(edits),
    );
    // The worker's part of that round trip; the rest is the answer waiting for a main thread blocked
    // while a frame is drawn (software WebGL on this machine: ~0.7 s a frame with every layer on).
    figures['city: last edit in the worker (ms, median of 3)'] = Math.round(median(workerEdits));
    figures['city: drop → map drawn (ms, median of 3)'] = Math.round(median(drops));
    figures['city: main-thread heap after the drags (MB)'] = await heapMB(cdp);
    await screenshot(page, '40-city-20k');
    expect(browser.problems).toEqual([]);
  });

  it('replaces the estates with 150,000: the page does not crash and the map draws', async () => {
    const facilities = await page.evaluate(
      () => (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.facilities.length,
    );
    const t0 = await now(page);
    await importTable(page, join(big, 'estates.csv'), 'estates');
    const t1 = await now(page);
    await resultsFor(page, 150_000, facilities);
    expect(await resultError(page)).toBeNull();
    const t2 = await now(page);
    figures['city 150k: estates read and reviewed (ms)'] = Math.round(t1 - t0);
    figures['city 150k: accept → results in the store (ms)'] = Math.round(t2 - t1);
    await waitIdle(page);
    // Zoomed out to the whole city, the map still draws a frame.
    await page.evaluate(async () => {
      const map = (window as never as LifeCircleWindow).__lifecircle.map!;
      await map.repaintOnce();
    });
    figures['city 150k: main-thread heap (MB)'] = await heapMB(cdp);
    await screenshot(page, '41-city-150k');
    expect(browser.problems).toEqual([]);
  });
});
