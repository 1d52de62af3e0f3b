/**
 * Starts the planner: restores the autosaved scenario (read and checked before the page started,
 * main.tsx), or opens the demo; says so when the autosave could not be used.
 */
import type { AppStoreApi } from '../../store/store';
import { demoContext, demoScenario } from './demo';
import type { Restored } from './persist';
import type { AnalysisRunner } from './runner';

/**
 * @param store the app store
 * @param runner the analysis runner
 * @param restored what restoreSaved found (nothing for `?scenario=demo`)
 */
export async function boot(store: AppStoreApi, runner: AnalysisRunner, restored: Restored): Promise<void> {
  const { dispatch } = store.getState();
  const saved = restored.state;
  const tell = () =>
    restored.problem &&
    dispatch({
      type: 'results/notice',
      notice: {
        key: restored.from === 'previous' ? 'notice.restoredPrevious' : 'notice.restoreInvalid',
        detail: restored.problem,
      },
    });
  // A restored demo reads its streets again (they are not kept in IndexedDB): start at once.
  if (saved?.scenario.network?.source === 'demo') runner.prefetchDemoNetwork();
  if (saved) {
    const context =
      saved.scenario.synthetic && !saved.scenario.context ? await demoContext() : saved.scenario.context;
    dispatch({ type: 'view/set', patch: saved.view });
    dispatch({ type: 'scenario/load', scenario: { ...saved.scenario, context } });
    tell();
    return;
  }
  try {
    const scenario = await demoScenario(runner, store.getState().view.lang);
    dispatch({ type: 'scenario/load', scenario });
    tell();
  } catch (error) {
    dispatch({
      type: 'results/error',
      error: `demo: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
