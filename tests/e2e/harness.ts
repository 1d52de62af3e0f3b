/**
 * Shared set-up of the browser tests: a Vite server started in-process, Debian's chromium driven by
 * playwright-core with a fresh profile, and helpers that read what the app exposes
 * (window.__lifecircle: the store, runner metrics, map projection).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, createServer, preview } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ROOT = resolve(__dirname, '../..');
export const DATA = resolve(ROOT, '..', 'shared', 'data');
/** Screenshots and measured figures (git-ignored). */
export const RESULTS = join(ROOT, 'test-results', 'e2e');

/**
 * Without a GPU (this machine, CI) Chromium draws WebGL with SwiftShader on the CPU. On a machine with
 * one, `E2E_GPU=1` drops --disable-gpu and lets Chromium use it (ANGLE on the system's GL driver), so
 * the performance test's timings can be measured as users get them; the test reports the renderer.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  ...(process.env.E2E_GPU === '1'
    ? ['--ignore-gpu-blocklist', '--enable-gpu-rasterization', '--use-angle=gl']
    : ['--disable-gpu']),
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** The development server (vite's createServer API) on a free port. */
export async function startDevServer(): Promise<Server> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    // No file watching or hot reload: a test must not be reloaded by an edit made while it runs.
    server: { port: 0, open: false, strictPort: false, watch: null, hmr: false },
    logLevel: (process.env.E2E_VITE_LOG as 'info' | undefined) ?? 'error',
  });
  await server.listen();
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

/** A production build served by vite preview (what users get from `npm run build`). */
export async function startPreviewServer(): Promise<Server> {
  const outDir = mkdtempSync(join(tmpdir(), 'lifecircle-dist-'));
  // Vitest sets NODE_ENV=test and Vite keeps an existing NODE_ENV: without this the "production"
  // build would bundle React's development build (and StrictMode's double effects).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'error',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir },
    preview: { port: 0, open: false },
    logLevel: 'error',
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    close: async () => {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that left the app's own origin (must stay empty: the app works offline). */
  external: string[];
  /** Console messages about Content-Security-Policy violations and page errors. */
  problems: string[];
  /** Dialogs opened by the page (a script injected through a file name would open one). */
  dialogs: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh --user-data-dir (persistent, so IndexedDB survives a reload). */
export async function launch(origin: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'lifecircle-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  // The app exposes window.__lifecircle and its worker's test requests only when asked (src/ui/app/debug.ts).
  await context.addInitScript(() => {
    (window as unknown as { __LIFECIRCLE_TEST_HOOKS__: boolean }).__LIFECIRCLE_TEST_HOOKS__ = true;
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const external: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (process.env.E2E_VITE_LOG)
    page.on('console', (m) => m.type() === 'error' && process.stdout.write(`[browser] ${m.text()}\n`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    context,
    page,
    external,
    problems,
    dialogs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until compliance and coverage are on screen; returns performance.now() at that moment.
 * Fails at once with the app's own message when the analysis reports an error.
 */
export async function waitInteractive(page: Page, timeout = 120_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const h = (window as never as LifeCircleWindow).__lifecircle;
      return h?.interactiveAt || h?.store?.getState().results.error;
    },
    null,
    { timeout },
  );
  const { at, error } = await page.evaluate(() => {
    const h = (window as never as LifeCircleWindow).__lifecircle;
    return { at: h.interactiveAt, error: h.store.getState().results.error };
  });
  if (at === null) throw new Error(`the app reported an error before it was interactive: ${error}`);
  return at;
}

/** Waits until the analysis runner has answered everything it was asked. */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.runner.idle());
}

/** What the browser tests drive: a dev server, chromium, and its page. */
export interface DemoSession {
  server: Server;
  browser: Browser;
  page: Page;
}

/**
 * The browser tests' common start: a dev server, chromium on it with a fresh profile, the demo open and
 * the analysis idle.
 */
export async function openDemo(): Promise<DemoSession> {
  const server = await startDevServer();
  const browser = await launch(server.url.replace(/\/$/, ''));
  const page = browser.page;
  await page.goto(`${server.url}?scenario=demo`);
  await waitInteractive(page);
  await waitIdle(page);
  return { server, browser, page };
}

/** Closes what openDemo opened (parts may be missing when the start failed). */
export async function closeDemo(session: Partial<DemoSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.close();
}

/** Screen position (page coordinates) of a WGS-84 point on the map. */
export async function screenOf(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([x, y]) => (window as never as LifeCircleWindow).__lifecircle.map!.project(x!, y!),
    [lng, lat],
  );
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** Appends measured figures to test-results/e2e/metrics-<file>.json and prints them. */
export function report(file: string, figures: Record<string, number | string | null>): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `metrics-${file}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`[e2e ${file}] ${k}: ${v}\n`);
}

/** The parts of window.__lifecircle the tests read (src/ui/app/debug.ts). */
export interface LifeCircleWindow {
  __lifecircle: {
    interactiveAt: number | null;
    resultsAt: number | null;
    store: { getState(): AppStateView };
    runner: {
      idle(): Promise<void>;
      metrics: {
        lastEditMs: number | null;
        lastEditWorkerMs: number | null;
        lastEditAppliedAt: number | null;
        lastEditFacilities: readonly { id: string; location: readonly [number, number] }[] | null;
        lastRunMs: number | null;
        edits: number;
        runs: number;
      };
      client: { send(type: string, data: unknown): Promise<unknown> };
    };
    map: {
      project(lng: number, lat: number): { x: number; y: number };
      repaintOnce(): Promise<void>;
      metrics: { dropAt: number | null; updatedAfterDropAt: number | null; rendersAfterDrop: number | null };
    } | null;
    flushSave(): Promise<void>;
  };
}

export interface AppStateView {
  scenario: {
    id: string;
    name: string;
    estates: { id: string; name: string; location: [number, number] | null; households: number | null }[];
    facilities: { id: string; kind: string; location: [number, number] }[];
    network: { fileName: string; report: { nodes: number } | null } | null;
    bounds: [number, number, number, number] | null;
  };
  view: { lang: string; kind: string; selected: { type: string; id: string } | null };
  dispatch(action: unknown): void;
  results: {
    evaluation: { estates: { id: string; overall: string }[] } | null;
    coverage: {
      byKind: Record<
        string,
        {
          estates: {
            id: string;
            covered: boolean;
            offNetwork: boolean;
            minutes: number | null;
            snapM?: number | null;
          }[];
          summary: { householdsCovered: number };
        }
      >;
    } | null;
    error: string | null;
  };
}
