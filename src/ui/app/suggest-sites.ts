/**
 * Runs Suggest sites (建议选址) from the planner: sends the scenario and the user's choices to the
 * worker as a job with progress and Cancel, and puts the first answer, then the final one, in the store.
 */
import type { Facility } from '../../core';
import { profileChoice } from '../../store/scenario-profile';
import type { CandidateFile, ProposalView, SitingChoice } from '../../store/siting-types';
import type { AppStoreApi } from '../../store/store';
import type { SiteRequest } from '../../worker/protocol';
import { CANCEL_GRACE_MS, LONG_TASK_MS, type AnalysisRunner } from './runner';

/** Seconds the exact solver may take in the planner (the heuristic's answer is shown long before). */
export const PLANNER_TIME_LIMIT_S = 10;

/**
 * The worker request for a choice: with drawn candidates, the kind's planned facilities are the
 * candidates (and not counted as existing); with a file, its points are.
 * @param facilities the scenario's facilities
 * @param choice the kind and the candidate source
 * @param file the candidates file read (candidate source 'file'), else null
 * @returns estates-free part of the request (the caller adds estates and the profile)
 * @example siteCandidates(scenario.facilities, { kind: 'nursery', candidates: 'drawn' }, null).candidates
 */
export function siteCandidates(
  facilities: readonly Facility[],
  choice: Pick<SitingChoice, 'kind' | 'candidates'>,
  file: CandidateFile | null,
): Pick<SiteRequest, 'facilities' | 'candidates'> {
  if (choice.candidates === 'auto') return { facilities: [...facilities], candidates: 'auto' };
  if (choice.candidates === 'file')
    return { facilities: [...facilities], candidates: file?.candidates ?? [] };
  const drawn = (f: Facility) => f.kind === choice.kind && f.status === 'planned';
  return {
    facilities: facilities.filter((f) => !drawn(f)),
    candidates: facilities.filter(drawn).map((f) => ({ id: f.id, location: f.location })),
  };
}

/**
 * Suggests sites; resolves when the final proposal is in the store.
 * @param runner the app's analysis runner (its worker, job bar and lock)
 * @param store the app store
 * @param choice what the user asked for
 * @param file the candidates file read (candidate source 'file'), else null
 * @returns true when a final proposal arrived, false when the user cancelled
 * @example await suggestSites(runner, appStore, { kind: 'nursery', model: 'mclp', count: 3, … })
 */
export async function suggestSites(
  runner: AnalysisRunner,
  store: AppStoreApi,
  choice: SitingChoice,
  file: CandidateFile | null = null,
): Promise<boolean> {
  const { scenario: sc, dispatch } = store.getState();
  const req: SiteRequest = {
    estates: sc.estates,
    ...siteCandidates(sc.facilities, choice, file),
    ...profileChoice(sc),
    overrides: sc.overrides,
    kind: choice.kind,
    model: choice.model,
    count: choice.count,
    capacity: choice.model === 'capacitated' ? choice.capacity : null,
    timeLimitS: PLANNER_TIME_LIMIT_S,
    // Joint sites (综合体) are refused with the capacitated model: the panel does not offer them there.
    ...(choice.joint && choice.model !== 'capacitated'
      ? { joint: [choice.joint], weight: choice.weight }
      : {}),
    ...(choice.candidates === 'auto' && choice.district ? { district: choice.district } : {}),
  };
  dispatch({ type: 'siting/clear' });
  try {
    const proposal = await runner.exclusive(() =>
      runner.jobs.run('jobs.siting', (signal, onProgress) =>
        runner.client.send('site', req, {
          signal,
          onProgress,
          onPartial: (first) =>
            dispatch({ type: 'siting/proposal', proposal: first as ProposalView, final: false }),
          cancelGraceMs: CANCEL_GRACE_MS,
          timeoutMs: LONG_TASK_MS,
        }),
      ),
    );
    dispatch({ type: 'siting/proposal', proposal: proposal as ProposalView, final: true });
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return false;
    dispatch({ type: 'results/error', error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
