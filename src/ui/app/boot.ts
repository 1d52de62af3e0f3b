/**
 * Starts the planner: restores the autosaved scenario, or opens the demo. `?scenario=demo` in the
 * URL always opens a fresh demo (browser tests choose their start this way).
 */
import type { AppStoreApi } from '../../store/store';
import { demoContext, demoScenario } from './demo';
import { loadSaved } from './persist';
import type { AnalysisRunner } from './runner';

/**
 * @param store the app store
 * @param runner the analysis runner
 * @param search the page's query string
 */
export async function boot(store: AppStoreApi, runner: AnalysisRunner, search: string): Promise<void> {
  const { dispatch } = store.getState();
  const fresh = new URLSearchParams(search).get('scenario') === 'demo';
  const saved = fresh ? null : await loadSaved();
  // A restored demo reads its streets again (they are not kept in IndexedDB): start at once.
  if (saved?.scenario.network?.source === 'demo') runner.prefetchDemoNetwork();
  if (saved) {
    const context =
      saved.scenario.synthetic && !saved.scenario.context ? await demoContext() : saved.scenario.context;
    dispatch({ type: 'view/set', patch: saved.view });
    dispatch({ type: 'scenario/load', scenario: { ...saved.scenario, context } });
    return;
  }
  try {
    const scenario = await demoScenario(runner, store.getState().view.lang);
    dispatch({ type: 'scenario/load', scenario });
  } catch (error) {
    dispatch({
      type: 'results/error',
      error: `demo: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
