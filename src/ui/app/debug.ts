/**
 * What the browser tests read (window.__lifecircle): timings and a way to find a facility on screen.
 * Installed only when the test harness asks for it before the page loads
 * (`window.__LIFECIRCLE_TEST_HOOKS__ = true`, Playwright's addInitScript); only public APIs are
 * exposed, nothing here changes the app.
 */
import type { MapController } from '../../map/MapController';
import type { AppStoreApi } from '../../store/store';
import type { AnalysisRunner } from './runner';

export interface DebugHandle {
  store: AppStoreApi | null;
  runner: AnalysisRunner | null;
  map: MapController | null;
  /**
   * performance.now() when the demo became interactive: the first map render that drew the first
   * compliance and coverage results (“time to interactive” in the browser tests).
   */
  interactiveAt: number | null;
  /** performance.now() at the first animation frame after those results reached the store (not yet drawn). */
  resultsAt: number | null;
  flushSave: (() => Promise<void>) | null;
}

export const debugHandle: DebugHandle = {
  store: null,
  runner: null,
  map: null,
  interactiveAt: null,
  resultsAt: null,
  flushSave: null,
};

let mapWaiters: ((map: MapController) => void)[] = [];

/** Resolves with the map the UI shows now, or with the next one it creates. */
export function currentMap(): Promise<MapController> {
  const map = debugHandle.map;
  if (map) return Promise.resolve(map);
  return new Promise((resolve) => mapWaiters.push(resolve));
}

/** The map the UI shows now (null once it is destroyed; React's StrictMode creates it twice). */
export function setDebugMap(map: MapController | null): void {
  debugHandle.map = map;
  if (!map) return;
  const waiters = mapWaiters;
  mapWaiters = [];
  waiters.forEach((resolve) => resolve(map));
}

/** True when a browser test asked for the hooks (set before the page's scripts run). */
export function testHooksRequested(): boolean {
  return (globalThis as { __LIFECIRCLE_TEST_HOOKS__?: unknown }).__LIFECIRCLE_TEST_HOOKS__ === true;
}

/** When the map shown now has drawn the latest results (asked again if that map is destroyed first). */
async function drawnAt(): Promise<number> {
  const at = await (await currentMap()).whenResultsRendered();
  return Number.isNaN(at) ? drawnAt() : at;
}

/**
 * Exposes the store, runner and map as window.__lifecircle and records “time to interactive”: the
 * first render of the map that draws both the first compliance and the first coverage results
 * (resultsAt: when they reached the store).
 */
export function installTestHooks(services: {
  store: AppStoreApi;
  runner: AnalysisRunner;
  flushSave: () => Promise<void>;
}): void {
  const { store } = services;
  const stopWatch = store.subscribe(
    (s) => s.results.evaluation !== null && s.results.coverage !== null,
    (ready) => {
      if (!ready) return;
      stopWatch();
      requestAnimationFrame(() => {
        debugHandle.resultsAt = performance.now();
      });
      void drawnAt().then((at) => {
        debugHandle.interactiveAt = at;
      });
    },
  );
  Object.assign(debugHandle, services);
  (window as unknown as { __lifecircle: DebugHandle }).__lifecircle = debugHandle;
}
