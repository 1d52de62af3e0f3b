/**
 * The residents' page (issue #11): the demo is published with `lifecircle publish`, the folder is
 * served by a plain static server, and the page is opened at a phone viewport (touch, 390 × 844) and a
 * desktop one. A resident finds a compound by part of its name and by its pinyin initials, taps the
 * map, uses the device location and the elderly walking speed, and shares a link; the nearest
 * facility, its minutes and the route are checked against the engine run in Node on the same files
 * (a route's length along the streets equals the engine's distance to the metre). No console error,
 * no request leaving the machine. Screenshots in test-results/e2e/public-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type Browser as PwBrowser, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapper, deserializeGraph, haversineM, type CoverageNetwork } from '../../src/core';
import { nearestServices, type PublishedScenario } from '../../src/core/publish';
import { DEMO_STREETS, writeDemoScenarioFile } from '../cli/demo-scenario-file';
import { runCli } from '../cli/run-cli';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  hasChromium,
  launch,
  report,
  RESULTS,
  startDevServer,
  startPreviewServer,
  waitIdle,
  waitInteractive,
} from './harness';

interface Answer {
  offNetwork: boolean;
  nearest: Record<
    'elderly' | 'childcare',
    {
      index: number;
      distanceM: number;
      minutes: number;
      route: { networkM: number; path: [number, number][] };
    } | null
  >;
  within: { index: number; distanceM: number }[];
}
type PublicWindow = {
  __lifecirclePublic?: { answer: Answer | null; answerMs: number; drawnRoutes(): number };
};

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-public-e2e-'));
const site = join(dir, 'site');
let url = '';
let close: () => Promise<void> = async () => {};
let browser: PwBrowser;
let published: PublishedScenario;
let network: CoverageNetwork;
const external: string[] = [];
const problems: string[] = [];
const figures: Record<string, number | string | null> = {};

/** The engine in Node, on the published files, asked what the page asks. */
function engine(lngLat: [number, number], speedMps: number): Answer {
  const services = published.facilities.map((f) => ({
    category: f.category,
    snapped: network.snapper.snap(f.lng, f.lat, { mode: 'edge', maxSnapM: published.maxSnapM }),
  }));
  return nearestServices(network, services, lngLat, {
    speedMps,
    withinMinutes: published.withinMinutes,
    routeMinutes: 60,
    maxSnapM: published.maxSnapM,
  });
}

const pathLengthM = (path: [number, number][]): number =>
  path.reduce(
    (sum, p, i) => (i === 0 ? 0 : sum + haversineM(path[i - 1]![0], path[i - 1]![1], p[0], p[1])),
    0,
  );

/** A fresh context whose requests outside `origin` (default: the command line's bundle) are recorded. */
async function newContext(
  options: Parameters<PwBrowser['newContext']>[0],
  origin = url,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  await context.addInitScript(() => {
    (window as unknown as { __LIFECIRCLE_TEST_HOOKS__: boolean }).__LIFECIRCLE_TEST_HOOKS__ = true;
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page };
}

async function answerOf(page: Page): Promise<Answer> {
  await page.waitForFunction(() => (window as never as PublicWindow).__lifecirclePublic?.answer != null);
  return page.evaluate(() => (window as never as PublicWindow).__lifecirclePublic!.answer!);
}

/** The page's answer equals the engine's: same nearest facilities, distances to the metre, routes along the streets. */
function expectSameAsEngine(answer: Answer, lngLat: [number, number], speedMps: number): void {
  const reference = engine(lngLat, speedMps);
  expect(answer.offNetwork).toBe(false);
  for (const category of ['elderly', 'childcare'] as const) {
    const got = answer.nearest[category]!;
    const want = reference.nearest[category]!;
    expect(published.facilities[got.index]!.id).toBe(published.facilities[want.index]!.id);
    expect(Math.abs(got.distanceM - want.distanceM)).toBeLessThan(1e-6);
    expect(Math.abs(got.route.networkM - want.route.networkM)).toBeLessThan(1e-6);
    // The drawn line is the street distance, to the metre.
    expect(Math.abs(pathLengthM(got.route.path) - want.route.networkM)).toBeLessThan(1);
  }
  expect(answer.within.map((w) => w.index)).toEqual(reference.within.map((w) => w.index));
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `public-${name}.png`), fullPage });
}

/** Minutes and metres as the card shows them, e.g. "步行约 25 分钟 · 1,502 米". */
async function cardWalk(page: Page, category: 'elderly' | 'childcare'): Promise<string> {
  return page.locator(`[data-testid=nearest-${category}] .pub-walk`).innerText();
}

/** A plain static server on a folder (vite preview: no server code of ours). */
async function serveFolder(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    root: folder,
    configFile: false,
    build: { outDir: folder },
    preview: { port: 0, open: false },
    logLevel: 'error',
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    close: () => new Promise<void>((r) => server.httpServer.close(() => r())),
  };
}

describe.skipIf(!hasChromium)("residents' page", () => {
  beforeAll(async () => {
    const scenarioFile = join(dir, 'demo-scenario.geojson');
    await writeDemoScenarioFile(scenarioFile);
    const started = performance.now();
    const cli = runCli(['publish', scenarioFile, '--network', DEMO_STREETS, '--out', site]);
    if (cli.code !== 0) throw new Error(`publish failed: ${cli.stderr}`);
    figures['publish (s)'] = Number(((performance.now() - started) / 1000).toFixed(1));
    published = JSON.parse(readFileSync(join(site, 'scenario.json'), 'utf8')) as PublishedScenario;
    const graph = deserializeGraph(new Uint8Array(readFileSync(join(site, 'network.lcwg'))));
    network = { graph, snapper: createSnapper(graph) };
    const server = await serveFolder(site);
    url = server.url;
    close = server.close;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    report('public', figures);
    await browser?.close();
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on a phone: search by name and by pinyin initials, tap, locate, elderly speed, share', async () => {
    const home = published.compounds[0]!;
    const { context, page } = await newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      geolocation: { longitude: home.lng, latitude: home.lat },
      permissions: ['geolocation'],
    });
    // A mid-range phone: the CPU slowed 4× (what Lighthouse uses for a mid-tier mobile device).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const loadStarted = performance.now();
    await page.goto(`${url}index.html`);
    const search = page.getByLabel('查找小区');
    await search.waitFor();
    figures['phone (CPU 4× slower): page ready (ms)'] = Math.round(performance.now() - loadStarted);
    // The layout fits the phone: nothing wider than the screen, touch targets at least 44 px high.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const locate = page.getByRole('button', { name: '使用我的位置' });
    expect((await locate.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    // By part of its name: the last two characters of a compound's name (e.g. 公寓 of 梧桐公寓).
    const part = home.name.slice(-2);
    await search.fill(part);
    const hit = page.getByTestId('search-hits').getByRole('button', { name: home.name });
    await hit.waitFor();
    expect((await hit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await shot(page, 'phone-search');
    await hit.tap();
    let answer = await answerOf(page);
    expectSameAsEngine(answer, [home.lng, home.lat], published.walkingSpeed.default);
    const firstMs = Number(await page.locator('#pub-results').getAttribute('data-answer-ms'));
    figures['phone (CPU 4× slower): first search → answer (ms)'] = firstMs;
    expect(firstMs).toBeLessThanOrEqual(200);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const elderly = published.facilities[answer.nearest.elderly!.index]!;
    await expect.poll(() => page.getByTestId('nearest-elderly').innerText()).toContain(elderly.name);
    const minutes = Math.max(1, Math.round(answer.nearest.elderly!.minutes));
    expect(await cardWalk(page, 'elderly')).toContain(`${minutes} 分钟`);
    expect(page.url()).toContain(`#c=${encodeURIComponent(home.id)}`);
    await expect
      .poll(() => page.evaluate(() => (window as never as PublicWindow).__lifecirclePublic!.drawnRoutes()))
      .toBeGreaterThan(0);
    await shot(page, 'phone-answer', true);

    // By pinyin initials: another compound, typed as its initials.
    const other = published.compounds.find(
      (c) =>
        c.id !== home.id && published.compounds.filter((x) => x.initials.startsWith(c.initials)).length === 1,
    )!;
    await search.fill(other.initials);
    await page.getByTestId('search-hits').getByRole('button', { name: other.name }).waitFor();
    await search.press('Enter');
    await expect.poll(() => page.locator('.pub-from').innerText()).toContain(other.name);
    answer = await answerOf(page);
    expectSameAsEngine(answer, [other.lng, other.lat], published.walkingSpeed.default);
    figures['phone: initials → answer (ms)'] = Number(
      await page.locator('#pub-results').getAttribute('data-answer-ms'),
    );

    // The elderly walking speed: the same walk takes longer.
    const before = answer.nearest.elderly!.minutes;
    await page.getByLabel(/老年人/).check();
    await expect
      .poll(async () => (await answerOf(page)).nearest.elderly!.minutes)
      .toBeCloseTo(before * (published.walkingSpeed.default / published.walkingSpeed.elderly), 6);
    expect(page.url()).toContain('speed=elderly');
    await page.getByLabel(/一般/).check();

    // The device's location (granted, at the first compound).
    await locate.tap();
    await expect.poll(() => page.locator('.pub-from').innerText()).toContain('我的位置');
    expectSameAsEngine(await answerOf(page), [home.lng, home.lat], published.walkingSpeed.default);

    // A tap on the map: the answer is for the point tapped.
    const map = (await page.getByTestId('public-map').boundingBox())!;
    await page.touchscreen.tap(map.x + map.width / 2, map.y + map.height / 2);
    await expect.poll(() => page.locator('.pub-from').innerText()).toContain('地图上的点');
    const tapped = page.url().match(/#p=([-\d.]+),([-\d.]+)$/);
    expect(tapped, page.url()).not.toBeNull();
    const tappedAnswer = await answerOf(page);
    expect(tappedAnswer.nearest.elderly?.route.path.length ?? 0).toBeGreaterThan(1);
    await context.close();
  });

  it('on a desktop: a shared link opens the same answer, and English is one click away', async () => {
    const compound = published.compounds[Math.floor(published.compounds.length / 2)]!;
    const { context, page } = await newContext({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}index.html#c=${encodeURIComponent(compound.id)}`);
    const answer = await answerOf(page);
    expectSameAsEngine(answer, [compound.lng, compound.lat], published.walkingSpeed.default);
    await expect.poll(() => page.locator('.pub-from').innerText()).toContain(compound.name);
    const childcare = published.facilities[answer.nearest.childcare!.index]!;
    expect(await page.getByTestId('nearest-childcare').innerText()).toContain(childcare.name);
    await page.waitForTimeout(500);
    await shot(page, 'desktop-answer');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('elderly care and childcare');
    expect(await cardWalk(page, 'childcare')).toMatch(/About \d+ min walk/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The map keeps the routes across the language switch.
    await expect
      .poll(() => page.evaluate(() => (window as never as PublicWindow).__lifecirclePublic!.drawnRoutes()))
      .toBeGreaterThan(0);
    await shot(page, 'desktop-english');
    await context.close();
  });

  it('works offline once loaded: the bundle’s service worker keeps every file', async () => {
    const compound = published.compounds[5]!;
    const { context, page } = await newContext({ viewport: { width: 390, height: 844 } });
    await page.goto(`${url}index.html`);
    await page.getByLabel('查找小区').waitFor();
    // Installed when its cache holds the whole bundle.
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
    );
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('查找小区').fill(compound.name);
    await page.getByTestId('search-hits').getByRole('button', { name: compound.name }).click();
    expectSameAsEngine(await answerOf(page), [compound.lng, compound.lat], published.walkingSpeed.default);
    await shot(page, 'phone-offline');
    await context.close();
  });

  it.each([
    ['production build', startPreviewServer],
    ['development server', startDevServer],
  ] as const)(
    "the planner's 发布 / Publish writes a bundle that works the same (%s)",
    async (label, start) => {
      const planner = await start();
      const session = await launch(planner.url.replace(/\/$/, ''));
      let unzipped: { url: string; close(): Promise<void> } | null = null;
      try {
        const page = session.page;
        await page.goto(`${planner.url}?scenario=demo`);
        await waitInteractive(page);
        await waitIdle(page);
        const button = page.getByTestId('publish');
        expect(await button.isEnabled()).toBe(true);
        const started = performance.now();
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        const zip = readFileSync(await download.path());
        figures[`planner publish → zip, ${label} (ms)`] = Math.round(performance.now() - started);
        figures[`zip, ${label} (kB)`] = Math.round(zip.length / 1024);
        expect(download.suggestedFilename()).toMatch(/\.zip$/);
        await expect.poll(() => page.getByTestId('notice').innerText()).toContain('index.html');
        const folder = join(dir, `from-planner-${label.replace(/\W+/g, '-')}`);
        for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
          mkdirSync(dirname(join(folder, name)), { recursive: true });
          writeFileSync(join(folder, name), bytes);
        }
        const fromPlanner = JSON.parse(
          readFileSync(join(folder, 'scenario.json'), 'utf8'),
        ) as PublishedScenario;
        // The same compounds and facilities as the command line's bundle of the same demo.
        expect(fromPlanner.compounds.map((c) => [c.id, c.initials])).toEqual(
          published.compounds.map((c) => [c.id, c.initials]),
        );
        expect(fromPlanner.facilities.map((f) => [f.id, f.placesFree])).toEqual(
          published.facilities.map((f) => [f.id, f.placesFree]),
        );
        unzipped = await serveFolder(folder);
        const { context, page: resident } = await newContext(
          { viewport: { width: 390, height: 844 } },
          unzipped.url,
        );
        const compound = published.compounds[3]!;
        await resident.goto(`${unzipped.url}index.html`);
        await resident.getByLabel('查找小区').fill(compound.initials);
        await resident.getByTestId('search-hits').getByRole('button', { name: compound.name }).click();
        await expect.poll(() => resident.locator('.pub-from').innerText()).toContain(compound.name);
        const answer = await answerOf(resident);
        expect(answer.nearest.elderly).not.toBeNull();
        await shot(resident, `from-planner-${label.replace(/\W+/g, '-')}`);
        await context.close();
        expect(session.external).toEqual([]);
        expect(session.problems).toEqual([]);
      } finally {
        await unzipped?.close();
        await session.close();
        await planner.close();
      }
    },
  );

  it('asked nothing of any other host and logged no error (every residents’ page above)', () => {
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  });
});
