/**
 * What the browser tests read (window.__lifecircle): timings and a way to find a facility on screen.
 * Only public APIs are exposed; nothing here changes the app.
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
