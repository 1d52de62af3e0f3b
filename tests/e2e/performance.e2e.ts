/**
 * Time to interactive of the production build (vite build + vite preview), fresh profile: from
 * navigation start until compliance and coverage of the demo are on screen. Reported, not asserted
 * tightly (the target is ≤ 1.5 s on a normal machine; software WebGL in CI is slower).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launch,
  report,
  screenshot,
  startPreviewServer,
  waitInteractive,
  type Browser,
  type Server,
} from './harness';

const figures: Record<string, number | string | null> = {};

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
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) {
      await page.goto(`${server.url}?scenario=demo`);
      runs.push(await waitInteractive(page));
    }
    runs.sort((a, b) => a - b);
    figures['production: time to interactive, repeat visits (ms, median of 3)'] = Math.round(runs[1]!);
    await page.goto(server.url);
    figures['production: time to interactive, restored from autosave (ms)'] = Math.round(
      await waitInteractive(page),
    );
    await screenshot(page, '20-production');
    expect(browser.problems).toEqual([]);
    expect(browser.external).toEqual([]);
  });
});
