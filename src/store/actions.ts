/** Every change to the app state is one of these plain, serialisable actions. */
import type {
  Estate,
  EstateStatus,
  Facility,
  FacilityKind,
  LngLat,
  NetworkBuildReport,
  RuleProfile,
} from '../core';
import type {
  Bounds,
  CoveragePatch,
  CoverageView,
  EvaluationView,
  Job,
  LayerKey,
  NetworkRef,
  Scenario,
  Selection,
  ViewState,
} from './types';
import type { ProposalView } from './siting-types';

export type FacilityPatch = Partial<Pick<Facility, 'name' | 'kind' | 'status'>> & {
  capacity?: Partial<Facility['capacity']>;
};

/** Edits of the scenario: undoable, autosaved. */
export type ScenarioAction =
  | { type: 'facility/add'; facility: Facility }
  | { type: 'facility/move'; id: string; location: LngLat }
  | { type: 'facility/update'; id: string; patch: FacilityPatch }
  | { type: 'facility/remove'; id: string }
  | { type: 'facilities/replace'; facilities: Facility[]; mode: 'replace' | 'append' }
  /**
   * `demo`: what happens to the synthetic demo's facilities and districts when estates are imported into
   * the demo scenario — `keep` them or `drop` them (the UI asks; nothing is kept silently).
   */
  | { type: 'estates/replace'; estates: Estate[]; name?: string; demo?: 'keep' | 'drop' }
  /** 新建方案: an empty scenario (no estates, facilities, districts or network), keeping the profile. */
  | { type: 'scenario/new'; id: string; name: string }
  | { type: 'profile/set'; profileId: string }
  /**
   * Adds a user profile (imported, or duplicated and edited) or replaces the one of the same id — or of
   * id `replaces`, when an edit renamed it — and selects it. A built-in profile's id is refused.
   */
  | { type: 'profile/save'; profile: RuleProfile; replaces?: string }
  /** Removes a user profile; if it was selected, the national profile is selected instead. */
  | { type: 'profile/remove'; profileId: string }
  | { type: 'parameter/set'; name: string; value: number | null }
  | { type: 'status/default'; status: EstateStatus | null }
  | { type: 'network/set'; network: NetworkRef; bounds: Bounds | null };

export type Action =
  | ScenarioAction
  | { type: 'scenario/load'; scenario: Scenario }
  | { type: 'network/report'; report: NetworkBuildReport; bounds: Bounds | null }
  | { type: 'history/undo' }
  | { type: 'history/redo' }
  | { type: 'view/set'; patch: Partial<ViewState> }
  /**
   * Select an estate or facility. The map centres on it (`view.reveal`) unless `reveal` is false: a
   * pick in a list must show where it is, a click on the map must not move the map under the pointer.
   */
  | { type: 'view/select'; selection: Selection; reveal?: boolean }
  /** Centre the map on a point (a proposed site picked in its table). */
  | { type: 'view/reveal'; at: readonly [number, number] }
  | { type: 'view/toggle-layer'; layer: LayerKey }
  | { type: 'view/add-tool'; kind: FacilityKind | null }
  | { type: 'results/evaluation'; evaluation: EvaluationView | null }
  | { type: 'results/coverage'; coverage: CoverageView | null }
  /** A what-if edit's changes, applied to the coverage shown (see coverage-patch.ts). */
  | { type: 'results/coverage-patch'; patch: CoveragePatch }
  /** A siting proposal: the first (heuristic) answer, then the final one. */
  | { type: 'siting/proposal'; proposal: ProposalView; final: boolean }
  | { type: 'siting/highlight'; siteId: string | null }
  | { type: 'siting/clear' }
  | { type: 'job/start'; job: Job }
  | { type: 'job/progress'; id: string; progress: number | null; phase?: string }
  | { type: 'job/end'; id: string }
  | { type: 'results/notice'; notice: { key: string; detail?: string } | null }
  | { type: 'results/error'; error: string | null };

const SCENARIO_ACTIONS = new Set<Action['type']>([
  'facility/add',
  'facility/move',
  'facility/update',
  'facility/remove',
  'facilities/replace',
  'estates/replace',
  'scenario/new',
  'profile/set',
  'profile/save',
  'profile/remove',
  'parameter/set',
  'status/default',
  'network/set',
]);

/** True for the actions that edit the scenario (and so enter the undo history). */
export const isScenarioAction = (action: Action): action is ScenarioAction =>
  SCENARIO_ACTIONS.has(action.type);
