/** Entry point: store, analysis worker, autosave, shortcuts, then the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './store/store';
import { App } from './ui/App';
import { boot } from './ui/app/boot';
import { currentMap, debugHandle } from './ui/app/debug';
import { fetchDemoStreets } from './ui/app/demo';
import { startAutosave } from './ui/app/persist';
import { AnalysisRunner } from './ui/app/runner';
import { installShortcuts } from './ui/app/shortcuts';
import { ServicesContext } from './ui/context';
import { setLanguage } from './ui/i18n/i18n';
import './ui/styles.css';
import type { WorkerLike } from './worker/client';

const makeWorker = () =>
  new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lifecircle-analysis',
  }) as unknown as WorkerLike;

const runner = new AnalysisRunner(appStore, makeWorker, fetchDemoStreets);
runner.start();
const autosave = startAutosave(appStore);
installShortcuts(appStore);
appStore.subscribe((s) => s.view.lang, setLanguage, { fireImmediately: true });

/** When the map shown now has drawn the latest results (asked again if that map is destroyed first). */
async function drawnAt(): Promise<number> {
  const at = await (await currentMap()).whenResultsRendered();
  return Number.isNaN(at) ? drawnAt() : at;
}

// “Time to interactive” in the browser tests: the first render of the map that draws both the first
// compliance and the first coverage results (resultsAt: when they reached the store).
const stopWatch = appStore.subscribe(
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
Object.assign(debugHandle, { store: appStore, runner, flushSave: autosave.flush });
(window as unknown as { __lifecircle: typeof debugHandle }).__lifecircle = debugHandle;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={{ runner, flushSave: autosave.flush }}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);

void boot(appStore, runner, window.location.search);
