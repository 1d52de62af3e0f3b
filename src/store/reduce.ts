/**
 * The root reducer: (state, action) => state, pure, testable without React (kepler.gl updaters,
 * excalidraw actions). The Zustand store only calls this.
 */
import { isScenarioAction, type Action } from './actions';
import { recordEdit, redo, undo, emptyHistory } from './history';
import { reduceScenario } from './scenario-reducer';
import type { AppState, ResultsState, Scenario, Selection } from './types';
import { scenarioProfile } from './scenario-profile';
import { withWalkingTimes, withWalkingTimesAt } from './walking-time-compliance';
import { applyCoveragePatch } from './coverage-patch';

/** A selection that points at something no longer in the scenario is cleared. */
function validSelection(selection: Selection, scenario: Scenario): Selection {
  if (!selection) return null;
  const list = selection.type === 'estate' ? scenario.estates : scenario.facilities;
  return list.some((x) => x.id === selection.id) ? selection : null;
}

/** Where a selected estate or facility is (null: it has no location). */
function locationOf(selection: NonNullable<Selection>, scenario: Scenario): readonly [number, number] | null {
  const list = selection.type === 'estate' ? scenario.estates : scenario.facilities;
  const at = list.find((x) => x.id === selection.id)?.location;
  return at ? [at[0], at[1]] : null;
}

const nextReveal = (
  last: AppState['view']['reveal'],
  at: readonly [number, number],
): AppState['view']['reveal'] => ({ at, seq: (last?.seq ?? 0) + 1 });

function withScenario(state: AppState, scenario: Scenario, history = state.history): AppState {
  const selected = validSelection(state.view.selected, scenario);
  const view = selected === state.view.selected ? state.view : { ...state.view, selected };
  return { ...state, scenario, history, view };
}

/**
 * Results with a new worker evaluation and/or coverage: `evaluation` is the worker's (estate-scope)
 * evaluation joined with the walking times of the latest coverage, using the profile the evaluation
 * was computed with (else the scenario's); `workerEvaluation` keeps the former so that a later
 * coverage result can be joined again.
 */
function withResults(
  results: ResultsState,
  next: Pick<ResultsState, 'workerEvaluation' | 'coverage'>,
  scenario: Scenario,
): ResultsState {
  const { workerEvaluation, coverage } = next;
  const profile = scenarioProfile(scenario, workerEvaluation?.profileId);
  return {
    ...results,
    ...next,
    evaluation: withWalkingTimes(workerEvaluation, coverage, profile),
    version: results.version + 1,
  };
}

function reduceResults(results: ResultsState, action: Action, scenario: Scenario): ResultsState {
  switch (action.type) {
    case 'results/evaluation':
      return withResults(
        results,
        { workerEvaluation: action.evaluation, coverage: results.coverage },
        scenario,
      );
    case 'results/coverage':
      return withResults(
        results,
        { workerEvaluation: results.workerEvaluation, coverage: action.coverage },
        scenario,
      );
    case 'results/coverage-patch': {
      if (!results.coverage) return results;
      const coverage = applyCoveragePatch(results.coverage, action.patch);
      const changed = new Set<number>();
      for (const p of Object.values(action.patch.byKind)) p.estateIndex.forEach((i) => changed.add(i));
      const { workerEvaluation } = results;
      const profile = scenarioProfile(scenario, workerEvaluation?.profileId);
      return {
        ...results,
        coverage,
        evaluation: withWalkingTimesAt(results.evaluation, workerEvaluation, coverage, profile, changed),
        version: results.version + 1,
      };
    }
    case 'siting/proposal':
      return {
        ...results,
        siting: {
          proposal: action.proposal,
          final: action.final,
          // The highlighted site stays highlighted while its proposal improves, if it is still there.
          highlight: action.proposal.sites.some((x) => x.id === results.siting?.highlight)
            ? (results.siting?.highlight ?? null)
            : null,
        },
      };
    case 'siting/highlight':
      return results.siting && results.siting.highlight !== action.siteId
        ? { ...results, siting: { ...results.siting, highlight: action.siteId } }
        : results;
    case 'siting/clear':
      return results.siting ? { ...results, siting: null } : results;
    case 'job/start':
      return { ...results, jobs: [...results.jobs.filter((j) => j.id !== action.job.id), action.job] };
    case 'job/progress':
      return {
        ...results,
        jobs: results.jobs.map((j) =>
          j.id === action.id
            ? {
                ...j,
                progress: action.progress,
                ...(action.phase === undefined ? {} : { phase: action.phase }),
              }
            : j,
        ),
      };
    case 'job/end':
      return { ...results, jobs: results.jobs.filter((j) => j.id !== action.id) };
    case 'results/notice':
      return { ...results, notice: action.notice };
    case 'results/error':
      return { ...results, error: action.error };
    default:
      return results;
  }
}

/**
 * Applies one action.
 * @param state the current state
 * @param action what happened
 * @returns the next state (the same object when nothing changed)
 * @example reduce(state, { type: 'history/undo' })
 */
export function reduce(state: AppState, action: Action): AppState {
  if (isScenarioAction(action)) {
    const next = reduceScenario(state.scenario, action);
    return next === state.scenario
      ? state
      : withScenario(state, next, recordEdit(state.history, state.scenario));
  }
  switch (action.type) {
    case 'scenario/load':
      return withScenario(
        {
          ...state,
          results: {
            ...state.results,
            evaluation: null,
            workerEvaluation: null,
            coverage: null,
            siting: null,
          },
        },
        // Scenarios saved before user profiles existed have none.
        { ...action.scenario, userProfiles: action.scenario.userProfiles ?? [] },
        emptyHistory(),
      );
    case 'network/report': {
      const network = state.scenario.network;
      if (!network) return state;
      const scenario = {
        ...state.scenario,
        network: { ...network, report: action.report, extent: action.bounds ?? network.extent ?? null },
        bounds: action.bounds ?? state.scenario.bounds,
      };
      return { ...state, scenario };
    }
    case 'history/undo': {
      const step = undo(state.history, state.scenario);
      return step ? withScenario(state, step.scenario, step.history) : state;
    }
    case 'history/redo': {
      const step = redo(state.history, state.scenario);
      return step ? withScenario(state, step.scenario, step.history) : state;
    }
    case 'view/set':
      return { ...state, view: { ...state.view, ...action.patch } };
    case 'view/select': {
      const selected = validSelection(action.selection, state.scenario);
      // A facility's editor lives in the what-if panel: selecting one (on the map, in the loads
      // list) opens it there; an estate's detail shows in whichever panel is open.
      const panel = selected?.type === 'facility' ? 'whatif' : state.view.panel;
      const at = selected && action.reveal !== false ? locationOf(selected, state.scenario) : null;
      const reveal = at ? nextReveal(state.view.reveal, at) : state.view.reveal;
      return { ...state, view: { ...state.view, selected, panel, reveal } };
    }
    case 'view/reveal':
      return { ...state, view: { ...state.view, reveal: nextReveal(state.view.reveal, action.at) } };
    case 'view/toggle-layer':
      return {
        ...state,
        view: {
          ...state.view,
          layers: { ...state.view.layers, [action.layer]: !state.view.layers[action.layer] },
        },
      };
    case 'view/add-tool':
      return {
        ...state,
        view:
          action.kind === null
            ? { ...state.view, tool: 'select' }
            : { ...state.view, tool: 'add', addKind: action.kind, kind: action.kind },
      };
    default: {
      const results = reduceResults(state.results, action, state.scenario);
      return results === state.results ? state : { ...state, results };
    }
  }
}
