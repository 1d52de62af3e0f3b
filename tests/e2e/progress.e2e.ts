/**
 * Progress and Cancel in chromium (skipped when ../shared/data is absent): importing the Shanghai
 * roads.osm shows a determinate bar (a value strictly between 0 and 1, its percentage and phase), and
 * Cancel during a second import stops it: the worker is replaced, the notice says so, and the scenario
 * keeps the network it had. Stored networks are cleaned up after further imports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA,
  closeDemo,
  hasChromium,
  openDemo,
  waitIdle,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';

const ROADS = join(DATA, 'shanghai-center', 'roads.osm');
const hasData = existsSync(ROADS);
if (!hasData) process.stdout.write(`[e2e progress] skipped: ${ROADS} not found\n`);
if (!hasChromium) process.stdout.write('[e2e progress] skipped: /usr/bin/chromium not found\n');

/** What the page records while a job runs: store reports and what the bar showed. */
interface Seen {
  store: [number | null, string | undefined][];
  bar: { value: string | null; text: string | null; phase: string | null }[];
}

type Job = { id: string; progress: number | null; phase?: string };
type Subscribable = { subscribe(listener: (s: { results: { jobs: Job[] } }) => void): () => void };

/** Records every job report in the store and every state of the job bar in the DOM. */
async function record(page: Page, cancelAtFirstPercent: boolean): Promise<void> {
  await page.evaluate((cancel) => {
    const w = window as never as LifeCircleWindow & { __seen: Seen; __stop: () => void };
    const seen: Seen = { store: [], bar: [] };
    w.__seen = seen;
    const store = w.__lifecircle.store as never as Subscribable;
    const unsubscribe = store.subscribe((s) => {
      for (const j of s.results.jobs) seen.store.push([j.progress, j.phase]);
    });
    let clicked = false;
    const observer = new MutationObserver(() => {
      const job = document.querySelector('[data-testid=job]');
      if (!job) return;
      const percent = job.querySelector('[data-testid=job-percent]')?.textContent ?? null;
      seen.bar.push({
        value: job.querySelector('progress')?.getAttribute('aria-valuenow') ?? null,
        text: percent,
        phase: job.querySelector('[data-testid=job-phase]')?.textContent ?? null,
      });
      if (cancel && percent !== null && !clicked) {
        clicked = true;
        job.querySelector('button')!.click();
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    w.__stop = () => {
      unsubscribe();
      observer.disconnect();
    };
  }, cancelAtFirstPercent);
}

async function stopRecording(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const w = window as never as { __seen: Seen; __stop: () => void };
    w.__stop();
    return w.__seen;
  });
}

/** Imports roads.osm as the street network, under `name` (a new name makes the file input change). */
async function importNetwork(page: Page, name: string): Promise<void> {
  await page.click('[data-testid=tab-import]');
  await page.setInputFiles('[data-testid=import-file]', {
    name,
    mimeType: 'application/xml',
    buffer: readFileSync(ROADS),
  });
  await page.selectOption('[data-testid=import-target]', 'network');
  await page.click('[data-testid=import-read]');
}

const networkKey = (page: Page) =>
  page.evaluate(
    () =>
      (
        (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network as {
          key?: string;
        } | null
      )?.key ?? null,
  );

describe.skipIf(!hasChromium || !hasData)('progress bar and cancel in chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openDemo());
  });

  afterAll(() => closeDemo({ browser, server }));

  it('importing roads.osm shows a determinate bar with a percentage and the phase', async () => {
    await record(page, false);
    await importNetwork(page, 'roads.osm');
    await page.waitForFunction(
      () =>
        (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network?.fileName ===
        'roads.osm',
      null,
      { timeout: 120_000 },
    );
    await waitIdle(page);
    const seen = await stopRecording(page);
    const values = seen.store.map(([v]) => v).filter((v): v is number => v !== null);
    expect(values.some((v) => v > 0 && v < 1)).toBe(true);
    for (let k = 1; k < values.length; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
    const phases = seen.store.filter(([v]) => v !== null).map(([, p]) => p);
    expect(new Set(phases)).toEqual(new Set(['read', 'build']));
    // The bar itself: an aria-valuenow strictly inside (0, 1), a percentage and a phase in zh-CN.
    const shown = seen.bar.filter((b) => b.value !== null && Number(b.value) > 0 && Number(b.value) < 1);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((b) => /^\d{1,2}%$/.test(b.text ?? ''))).toBe(true);
    expect(seen.bar.some((b) => b.phase?.includes('读取文件'))).toBe(true);
    expect(await page.locator('[data-testid=job]').count()).toBe(0);
  });

  it('Cancel during a second import stops it, says so, and keeps the scenario and its network', async () => {
    const before = await networkKey(page);
    expect(before).toMatch(/^file:roads\.osm:/);
    const estates = await page.evaluate(
      () => (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.estates.length,
    );
    await record(page, true);
    await importNetwork(page, 'roads-again.osm');
    await page
      .locator('[data-testid=notice]', { hasText: '已取消构建步行路网' })
      .waitFor({ timeout: 60_000 });
    const seen = await stopRecording(page);
    // Cancelled at the first percentage: the build never reported its end.
    expect(seen.store.some(([v]) => v === 1)).toBe(false);
    expect(await page.locator('[data-testid=job]').count()).toBe(0);
    await waitIdle(page);
    const after = await page.evaluate(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      return {
        estates: s.scenario.estates.length,
        error: s.results.error,
        coverage: s.results.coverage !== null,
      };
    });
    expect(await networkKey(page)).toBe(before);
    expect(after).toEqual({ estates, error: null, coverage: true });
  });

  it('stored networks are cleaned up: after more imports only the scenario’s and the latest remain', async () => {
    const storedKeys = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const request = indexedDB.open('lifecircle');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const keys = request.result.transaction('networks').objectStore('networks').getAllKeys();
              keys.onsuccess = () => resolve(keys.result.map(String));
              keys.onerror = () => reject(keys.error);
            };
          }),
      );
    for (const name of ['roads-2.osm', 'roads-3.osm', 'roads-4.osm']) {
      await importNetwork(page, name);
      await page.waitForFunction(
        (n) =>
          (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network?.fileName ===
          n,
        name,
        { timeout: 120_000 },
      );
      await waitIdle(page);
    }
    const current = await networkKey(page);
    expect(current).toMatch(/^file:roads-4\.osm:/);
    // Saving is asynchronous: wait until the latest network is stored and the old ones are gone.
    await expect
      .poll(storedKeys, { timeout: 20_000 })
      .toSatisfy((keys: string[]) => keys.includes(current!) && keys.length <= 3);
    const keys = await storedKeys();
    expect(keys.some((k) => k.startsWith('file:roads.osm:'))).toBe(false);
  });
});
