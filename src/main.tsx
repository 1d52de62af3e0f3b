/**
 * Entry point: the autosave is read and checked and the narrow Content-Security-Policy put in place
 * (it allows the saved base map's hosts) before anything else starts; then store, analysis worker,
 * autosave, shortcuts, the React app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './store/store';
import { App } from './ui/App';
import { watchBlockedRequests } from './ui/app/blocked-requests';
import { boot } from './ui/app/boot';
import { installTestHooks, testHooksRequested } from './ui/app/debug';
import { fetchDemoStreets } from './ui/app/demo';
import { installConnectPolicy } from './ui/app/install-policy';
import { restoreSaved, startAutosave, type Restored } from './ui/app/persist';
import { AnalysisRunner } from './ui/app/runner';
import { installShortcuts } from './ui/app/shortcuts';
import { ServicesContext } from './ui/context';
import { setLanguage } from './ui/i18n/i18n';
import './ui/styles.css';
import type { WorkerLike } from './worker/client';
import analysisWorkerUrl from './worker/analysis.worker.ts?worker&url';
import { TEST_HOOKS_WORKER_NAME } from './worker/protocol';

/**
 * The analysis worker starts from a blob: URL that imports its module: a blob worker takes the
 * page's Content-Security-Policy, the narrow one inserted at start included, whereas a worker loaded
 * from its own URL obeys only the headers of that response (none, by default) and could reach any host.
 */
const workerBoot = () =>
  URL.createObjectURL(
    new Blob([`import ${JSON.stringify(new URL(analysisWorkerUrl, window.location.href).href)};`], {
      type: 'text/javascript',
    }),
  );

async function start(): Promise<void> {
  // `?scenario=demo` always opens a fresh demo (browser tests choose their start this way).
  const fresh = new URLSearchParams(window.location.search).get('scenario') === 'demo';
  const restored: Restored = fresh ? { state: null, problem: null, from: null } : await restoreSaved();
  await installConnectPolicy(restored.state?.view.styleUrl ?? '');
  watchBlockedRequests(appStore);

  const bootUrl = workerBoot();
  const makeWorker = () =>
    new Worker(bootUrl, {
      type: 'module',
      name: testHooksRequested() ? TEST_HOOKS_WORKER_NAME : 'lifecircle-analysis',
    }) as unknown as WorkerLike;
  const runner = new AnalysisRunner(appStore, makeWorker, fetchDemoStreets);
  runner.start();
  const autosave = startAutosave(appStore);
  installShortcuts(appStore);
  appStore.subscribe((s) => s.view.lang, setLanguage, { fireImmediately: true });

  if (testHooksRequested()) installTestHooks({ store: appStore, runner, flushSave: autosave.flush });

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ServicesContext.Provider value={{ runner, flushSave: autosave.flush }}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );

  await boot(appStore, runner, restored);
}

void start();
