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
  /** performance.now() when the first analysis results were on the map. */
  interactiveAt: number | null;
  flushSave: (() => Promise<void>) | null;
}

export const debugHandle: DebugHandle = {
  store: null,
  runner: null,
  map: null,
  interactiveAt: null,
  flushSave: null,
};
