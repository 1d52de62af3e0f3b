/**
 * The app state: serialisable data only (style.md) — the scenario, the view, handles to results, and
 * the undo history. No map, no worker, no class instances.
 */
import type { FeatureCollection } from 'geojson';
import type {
  Estate,
  EstateResult,
  EstateStatus,
  EvaluationSummary,
  Facility,
  FacilityKind,
  NetworkBuildReport,
  ProfileParameters,
} from '../core';

/** Where the walking network came from; its bytes live in IndexedDB under `key` (or ship with the demo). */
export interface NetworkRef {
  source: 'demo' | 'file';
  fileName: string;
  /** IndexedDB key of the original file's bytes (`demo` for the bundled demo). */
  key: string;
  report: NetworkBuildReport | null;
}

export type Bounds = [west: number, south: number, east: number, north: number];

/** Everything the user edits; what autosave stores and undo restores. */
export interface Scenario {
  id: string;
  name: string;
  /** True for the generated demo: the header says “示例数据 (synthetic)”. */
  synthetic: boolean;
  profileId: string;
  /** Parameter overrides by name, e.g. `personsPerHousehold` or `serviceMinutes.nursery`. */
  overrides: Record<string, number>;
  /** Status assumed for estates whose data does not say new/existing. */
  defaultStatus: EstateStatus | null;
  estates: Estate[];
  facilities: Facility[];
  network: NetworkRef | null;
  districts: FeatureCollection | null;
  /** Decoration drawn under the streets (water, rail); never analysed. */
  context: FeatureCollection | null;
  bounds: Bounds | null;
}

export type PanelId = 'compliance' | 'coverage' | 'whatif' | 'import' | 'settings';
export type ColourBy = 'compliance' | 'minutes';
export type LayerKey = 'streets' | 'estates' | 'facilities' | 'serviceAreas' | 'underserved' | 'districts';
export type Selection = { type: 'estate' | 'facility'; id: string } | null;
export type Lang = 'zh' | 'en';

export interface ViewState {
  lang: Lang;
  panel: PanelId;
  colourBy: ColourBy;
  /** Facility kind whose walking minutes colour the estates and whose service areas are drawn. */
  kind: FacilityKind;
  layers: Record<LayerKey, boolean>;
  selected: Selection;
  /** `add`: the next click on the map places a facility of `addKind`. */
  tool: 'select' | 'add';
  addKind: FacilityKind;
  /** Optional online base map (raster tile template or style JSON URL); empty = offline. */
  styleUrl: string;
}

/** A long task shown with a progress bar and a cancel button. */
export interface Job {
  id: string;
  /** i18n key of what is running. */
  label: string;
  /** 0–1, or null when unknown. */
  progress: number | null;
  /** What the job is doing now (i18n key under `jobs.phase`, e.g. 'read', 'build', 'rows'), if known. */
  phase?: string;
}

/** Compliance results for the current scenario. */
export interface EvaluationView {
  estates: EstateResult[];
  summary: EvaluationSummary;
  /** Parameters used (shown next to every figure). */
  parameters: ProfileParameters;
  /** Overrides that were rejected, one message each (English, from the core). */
  parameterErrors: string[];
  /**
   * The same messages in Chinese, in the same order (the core's `errorsZh`). Optional: an evaluation
   * built without it (e.g. in tests) shows the English messages.
   */
  parameterErrorsZh?: string[];
  /**
   * The profile it was computed with (its walking-time rules are joined in with it, not with a
   * profile picked since). Absent in evaluations built without it (tests): the scenario's profile.
   */
  profileId?: string;
}

/**
 * The parts of the core's CoverageResult the app reads (same field names), per facility kind.
 * Plain JSON, as the worker returns it.
 */
export interface KindCoverage {
  estates: {
    id: string;
    nearestFacility: string | null;
    minutes: number | null;
    distanceM: number | null;
    covered: boolean;
    offNetwork: boolean;
    underserved: boolean;
    households: number | null;
    demand: number | null;
    supplyDemandRatio: number | null;
  }[];
  facilities: {
    id: string;
    load: number | null;
    capacity: number | null;
    householdsServed: number | null;
    estatesServed: number | null;
    demand: number | null;
  }[];
  summary: {
    households: number;
    householdsCovered: number;
    pctCovered: number | null;
    householdsUnderserved: number;
    estatesUnderserved: number;
    facilitiesOverCapacity: number;
    demandUnmet: number | null;
  };
  parameters: {
    minutes: number;
    speedMps: number;
    thresholdM: number;
    capacityUnit: string | null;
    mode: string;
  };
  underserved: FeatureCollection;
}

export interface CoverageView {
  byKind: Partial<Record<FacilityKind, KindCoverage>>;
}

export interface ResultsState {
  /** Compliance: the worker's evaluation with the walking-time (coverage-scope) verdicts joined in. */
  evaluation: EvaluationView | null;
  /** The worker's evaluation as it came (estate-scope rules only). */
  workerEvaluation: EvaluationView | null;
  coverage: CoverageView | null;
  /** Bumped whenever results change, so subscribers can compare cheaply. */
  version: number;
  jobs: Job[];
  /** A message for the user about the analysis engine (e.g. the worker was restarted). */
  notice: { key: string; detail?: string } | null;
  error: string | null;
}

export interface History {
  past: Scenario[];
  future: Scenario[];
}

export interface AppState {
  scenario: Scenario;
  view: ViewState;
  results: ResultsState;
  history: History;
}
