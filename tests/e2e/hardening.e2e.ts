/**
 * The planner's browser hardening (issue #13), in chromium: the narrow Content-Security-Policy
 * refuses requests to any other host while the app works; a base map set in Settings is allowed
 * after the reload and loads; a corrupted autosave is kept under `previous-invalid`, the demo (or the
 * save before it) opens and a notice names the problem; a street network that cannot be stored is
 * reported and the planner goes on; the development server's hot reload connects under the policy;
 * a production build's analysis worker has the policy too.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeDemo,
  hasChromium,
  launch,
  openDemo,
  ROOT,
  screenshot,
  startPreviewServer,
  waitIdle,
  waitInteractive,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';

if (!hasChromium)
  process.stdout.write('[e2e hardening] skipped: /usr/bin/chromium not found (apt-get install chromium)\n');

/** A 1×1 grey PNG: the second server's raster tile. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8f+/efwAJgAPlkMTMZwAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Another host: serves a MapLibre style whose raster tiles are on `tileOrigin()` (default: itself),
 * and tiles, and records every request.
 */
async function startStyleHost(
  tileOrigin?: () => string,
): Promise<{ origin: string; hits: string[]; server: HttpServer }> {
  const hits: string[] = [];
  let origin = '';
  const server = createHttpServer((req, res) => {
    hits.push(req.url ?? '');
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (req.url === '/style.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          version: 8,
          name: 'hardening-test',
          sources: {
            t: {
              type: 'raster',
              tiles: [`${tileOrigin?.() ?? origin}/tiles/{z}/{x}/{y}.png`],
              tileSize: 256,
            },
          },
          layers: [
            { id: 'bg', type: 'background', paint: { 'background-color': '#eeeeee' } },
            { id: 't', type: 'raster', source: 't' },
          ],
        }),
      );
    } else if (req.url?.startsWith('/tiles/')) {
      res.writeHead(200, { ...cors, 'Content-Type': 'image/png' });
      res.end(TILE);
    } else {
      res.writeHead(200, { ...cors, 'Content-Type': 'text/plain' });
      res.end('reached');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, server };
}

/** The policy the page inserted at start (src/ui/app/install-policy.ts). */
const insertedPolicy = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLMetaElement>('meta[data-lifecircle=connect-policy]')?.content,
  );

/** Tries a fetch, an image and a WebSocket to `url` from the page; returns what failed and the violations. */
const probe = (page: Page, url: string) =>
  page.evaluate(async (target) => {
    const violations: { blocked: string; directive: string; policy: string }[] = [];
    const listen = (e: SecurityPolicyViolationEvent) =>
      violations.push({ blocked: e.blockedURI, directive: e.effectiveDirective, policy: e.originalPolicy });
    document.addEventListener('securitypolicyviolation', listen);
    let fetchError: string | null = null;
    try {
      await fetch(target);
    } catch (error) {
      fetchError = String(error);
    }
    const image = await new Promise<string>((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('error');
      img.src = `${target}/img.png`;
    });
    let socket = 'opened';
    try {
      const ws = new WebSocket(target.replace(/^http/, 'ws'));
      socket = await new Promise<string>((resolve) => {
        ws.onopen = () => resolve('opened');
        ws.onerror = () => resolve('error');
      });
    } catch (error) {
      socket = String(error);
    }
    // Violation events are dispatched as a task after the refusal.
    await new Promise((r) => setTimeout(r, 200));
    document.removeEventListener('securitypolicyviolation', listen);
    return { fetchError, image, socket, violations };
  }, url);

/** Runs `fn` on the app's IndexedDB `state` store from a same-origin page that does not run the app. */
async function withSavedState<T>(page: Page, origin: string, fn: string): Promise<T> {
  // The planner saves on pagehide: leave it first, so it cannot overwrite what the test writes.
  await page.goto(`${origin}/favicon.svg`);
  return page.evaluate(async (body) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('lifecircle');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('state', 'readwrite').objectStore('state');
    const req = <V>(r: IDBRequest<V>) =>
      new Promise<V>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const get = (key: string) => req(store.get(key));
    const put = (value: unknown, key: string) => req(store.put(value, key));
    const del = (key: string) => req(store.delete(key));
    const run = new Function('get', 'put', 'del', `return (async () => { ${body} })();`) as (
      ...a: unknown[]
    ) => Promise<unknown>;
    const result = await run(get, put, del);
    db.close();
    return result;
  }, fn) as Promise<T>;
}

/** Does `action`, which makes the page load again, and waits until the planner is interactive again. */
async function reloadBy(page: Page, action: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), action()]);
  await waitInteractive(page);
}

const notice = (page: Page) => page.locator('[data-testid=notice]').textContent({ timeout: 30_000 });
const scenarioOf = (page: Page) =>
  page.evaluate(() => {
    const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
    return { id: s.scenario.id, name: s.scenario.name, estates: s.scenario.estates.length };
  });

describe.skipIf(!hasChromium)('browser hardening in chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  /** The style's host, and the host of its tiles (named only inside the style document). */
  let host: Awaited<ReturnType<typeof startStyleHost>>;
  let tiles: Awaited<ReturnType<typeof startStyleHost>>;
  /** CSP messages and page errors other than the refusals the probes asked for. */
  const unexpected = () => {
    const probed = [`${host.origin.replace(/^http:\/\//, '')}/probe`, 'example.invalid', '127.0.0.1:9/'];
    return browser.problems.filter((p) => !probed.some((h) => p.includes(h)));
  };

  beforeAll(async () => {
    tiles = await startStyleHost();
    host = await startStyleHost(() => tiles.origin);
    ({ server, browser, page } = await openDemo());
    origin = server.url.replace(/\/$/, '');
  });

  afterAll(async () => {
    await closeDemo({ browser, server });
    await new Promise((r) => host?.server.close(r));
    await new Promise((r) => tiles?.server.close(r));
  });

  it('refuses fetches, images and sockets to other hosts while the app works', async () => {
    const policy = await insertedPolicy(page);
    expect(policy).toBe("connect-src 'self' blob: data:; img-src 'self' blob: data:");
    // index.html's own policy allows any http(s) and ws host: what refuses is the inserted one.
    const other = await probe(page, `${host.origin}/probe`);
    expect(other.fetchError).toMatch(/TypeError/);
    expect(other.image).toBe('error');
    expect(other.socket).not.toBe('opened');
    expect(other.violations.map((v) => v.directive).sort()).toEqual([
      'connect-src',
      'connect-src',
      'img-src',
    ]);
    expect(other.violations.every((v) => v.policy === policy)).toBe(true);
    expect(host.hits).toEqual([]);
    const invalid = await probe(page, 'https://example.invalid');
    expect(invalid.fetchError).toMatch(/TypeError/);
    expect(invalid.violations.map((v) => v.blocked)).toContain('https://example.invalid/');
    expect(invalid.violations.every((v) => v.policy === policy)).toBe(true);
    // The user is told which host was refused (src/ui/app/blocked-requests.ts).
    await expect.poll(() => notice(page)).toMatch(/已阻止向 wss?:\/\/example\.invalid 发出的请求/);
    // The analysis worker too (it runs from a blob: URL, so it has the page's policy): asked to read
    // a demo file from the other host, it is refused, and the host never hears of it.
    const fromWorker = await page.evaluate(async (url) => {
      const client = (window as never as LifeCircleWindow).__lifecircle.runner.client;
      const file = { url, fileName: 'probe.osm' };
      try {
        await client.send('demo/open', { estates: file, facilities: file, network: file });
        return 'read';
      } catch (error) {
        return String(error);
      }
    }, `${host.origin}/probe-worker.osm`);
    expect(fromWorker).toMatch(/Failed to fetch/);
    expect(host.hits).toEqual([]);
    expect(tiles.hits).toEqual([]);
    // …and the planner works: compliance and coverage are there, nothing else was refused.
    const s = await page.evaluate(() => {
      const r = (window as never as LifeCircleWindow).__lifecircle.store.getState().results;
      return {
        estates: r.evaluation?.estates.length ?? 0,
        kinds: Object.keys(r.coverage?.byKind ?? {}).length,
      };
    });
    expect(s.estates).toBe(60);
    expect(s.kinds).toBeGreaterThan(0);
    expect(unexpected()).toEqual([]);
  });

  it('loads a base map set in Settings after the reload, and only its hosts are added', async () => {
    const styleUrl = `${host.origin}/style.json`;
    await page.click('[data-testid=tab-settings]');
    await page.fill('[data-testid=style-form] input', styleUrl);
    await reloadBy(page, () => page.click('[data-testid=style-form] button'));
    expect(page.url()).toBe(`${origin}/`);
    await waitIdle(page);
    // The style's host, and its tiles' host read from the style document before the policy went in.
    const hosts = [host.origin, tiles.origin].sort().join(' ');
    expect(await insertedPolicy(page)).toBe(
      `connect-src 'self' blob: data: ${hosts}; img-src 'self' blob: data: ${hosts}`,
    );
    const view = await page.evaluate(
      () => (window as never as LifeCircleWindow).__lifecircle.store.getState().view as { styleUrl?: string },
    );
    expect(view.styleUrl).toBe(styleUrl);
    await expect.poll(() => tiles.hits.some((h) => h.startsWith('/tiles/')), { timeout: 30_000 }).toBe(true);
    expect(host.hits).toContain('/style.json');
    expect(tiles.hits.every((h) => h.startsWith('/tiles/'))).toBe(true);
    expect(unexpected()).toEqual([]);
    await screenshot(page, 'hardening-style');
    // Still nothing else: another host stays refused.
    const other = await probe(page, 'http://127.0.0.1:9/x');
    expect(other.violations.map((v) => v.directive)).toContain('connect-src');
    // Back to the offline base map: the reload narrows the policy again.
    await page.click('[data-testid=tab-settings]');
    await page.fill('[data-testid=style-form] input', '');
    await reloadBy(page, () => page.click('[data-testid=style-form] button'));
    expect(await insertedPolicy(page)).toBe("connect-src 'self' blob: data:; img-src 'self' blob: data:");
  });

  it('keeps a corrupted autosave under previous-invalid, opens the demo and names the problem', async () => {
    await page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.flushSave());
    const before = await scenarioOf(page);
    const previousKept = await withSavedState<boolean>(
      page,
      origin,
      `const current = await get('current');
       const previous = await get('previous');
       current.scenario.estates[0].households = 'corrupt';
       await put(current, 'current');
       await del('previous');
       return Array.isArray(previous?.scenario?.estates);`,
    );
    // The page's first save kept the one before it (restored at start, so checked) as previous.
    expect(previousKept).toBe(true);
    await page.goto(origin);
    await waitInteractive(page);
    await waitIdle(page);
    const text = (await notice(page))!;
    expect(text).toContain('households');
    expect(text).toContain('corrupt');
    expect(text).toContain('previous-invalid');
    expect(text).toContain('示例方案');
    const opened = await scenarioOf(page);
    expect(opened).toMatchObject({ id: 'demo', estates: 60 });
    await screenshot(page, 'hardening-invalid-autosave');
    await page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.flushSave());
    const kept = await withSavedState<{ households: unknown; name: string; current: string }>(
      page,
      origin,
      `const bad = await get('previous-invalid');
       const current = await get('current');
       return { households: bad.scenario.estates[0].households, name: bad.scenario.name, current: typeof current.scenario.estates[0].households };`,
    );
    expect(kept).toEqual({ households: 'corrupt', name: before.name, current: 'number' });
  });

  it('restores the save before a corrupted one when that one is valid', async () => {
    await withSavedState(
      page,
      origin,
      `const good = await get('current');
       good.scenario.name = 'kept by previous';
       await put(good, 'previous');
       const bad = structuredClone(good);
       bad.scenario.facilities = 'lost';
       await put(bad, 'current');`,
    );
    await page.goto(origin);
    await waitInteractive(page);
    const text = (await notice(page))!;
    expect(text).toContain('scenario.facilities');
    expect(text).toContain('前一次自动保存');
    expect((await scenarioOf(page)).name).toBe('kept by previous');
  });

  it('tells the user when a street network cannot be stored, and goes on with it', async () => {
    // IndexedDB refuses every write to the networks store, as a full disk would.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (this.name === 'networks')
          throw new DOMException('stubbed: the disk is full', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(`${origin}/?scenario=demo`);
    await waitInteractive(page);
    await waitIdle(page);
    await page.click('[data-testid=tab-import]');
    await page.setInputFiles('[data-testid=import-file]', {
      name: 'streets-copy.osm',
      mimeType: 'application/xml',
      buffer: readFileSync(join(ROOT, 'geodata/demo/streets.osm')),
    });
    await page.selectOption('[data-testid=import-target]', 'network');
    await page.click('[data-testid=import-read]');
    await expect.poll(() => notice(page), { timeout: 60_000 }).toMatch(/自动保存失败.*QuotaExceededError/);
    await waitIdle(page);
    const s = await page.evaluate(() => {
      const st = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      return { network: st.scenario.network?.fileName, coverage: st.results.coverage !== null };
    });
    expect(s).toEqual({ network: 'streets-copy.osm', coverage: true });
    await screenshot(page, 'hardening-save-failed');
  });
});

describe.skipIf(!hasChromium)('development server with hot reload under the policy', () => {
  let browser: Browser | undefined;
  let close: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it("connects Vite's WebSocket ('self' covers ws: on the same host) with no CSP message", async () => {
    const vite = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      server: { port: 0, open: false, strictPort: false, watch: null },
      logLevel: 'error',
    });
    await vite.listen();
    close = () => vite.close();
    const url = vite.resolvedUrls!.local[0]!;
    browser = await launch(url.replace(/\/$/, ''));
    const connected = new Promise<void>((resolve) =>
      browser!.page.on('console', (m) => m.text().includes('[vite] connected') && resolve()),
    );
    await browser.page.goto(`${url}?scenario=demo`);
    await connected;
    await waitInteractive(browser.page);
    expect(await insertedPolicy(browser.page)).toMatch(/^connect-src 'self' blob: data:;/);
    expect(browser.problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('production build under the policy', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the worker from its blob: URL, works, and its requests stay on the own origin', async () => {
    server = await startPreviewServer();
    browser = await launch(server.url.replace(/\/$/, ''));
    await browser.page.goto(`${server.url}?scenario=demo`);
    await waitInteractive(browser.page);
    await waitIdle(browser.page);
    const out = await browser.page.evaluate(async () => {
      const h = (window as never as LifeCircleWindow).__lifecircle;
      const file = { url: 'https://example.invalid/probe.osm', fileName: 'probe.osm' };
      let worker = 'read';
      try {
        await h.runner.client.send('demo/open', { estates: file, facilities: file, network: file });
      } catch (error) {
        worker = String(error);
      }
      return {
        policy: document.querySelector<HTMLMetaElement>('meta[data-lifecircle=connect-policy]')?.content,
        estates: h.store.getState().results.evaluation?.estates.length,
        worker,
      };
    });
    expect(out).toEqual({
      policy: "connect-src 'self' blob: data:; img-src 'self' blob: data:",
      estates: 60,
      worker: expect.stringMatching(/Failed to fetch/),
    });
    expect(browser.external).toEqual([]);
    expect(browser.problems.filter((p) => !p.includes('example.invalid'))).toEqual([]);
  });
});
