/**
 * The app state: serialisable data only (style.md) — the scenario, the view, handles to results, and
 * the undo history. No map, no worker, no class instances.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Estate, EstateStatus, Facility, FacilityKind, NetworkBuildReport, RuleProfile } from '../core';
import type { Bounds, EvaluationView } from '../worker/protocol';
import type { SitingState } from './siting-types';

/** Where the walking network came from; its bytes live in IndexedDB under `key` (or ship with the demo). */
export interface NetworkRef {
  source: 'demo' | 'file';
  fileName: string;
  /** IndexedDB key of the original file's bytes (`demo` for the bundled demo). */
  key: string;
  report: NetworkBuildReport | null;
  /**
   * The streets' extent [west, south, east, north] (WGS-84), kept when imported data moves the map's
   * bounds: estates outside it are off the network because the network ends, not because of their CRS.
   */
  extent?: Bounds | null;
}

export type { Bounds, EvaluationView };

/** Everything the user edits; what autosave stores and undo restores. */
export interface Scenario {
  id: string;
  name: string;
  /** True for the generated demo: the header says “示例数据 (synthetic)”. */
  synthetic: boolean;
  /** A built-in profile's id, or the id of one of `userProfiles`. */
  profileId: string;
  /**
   * The user's own profiles (imported from a file, or a built-in one duplicated and edited), each
   * valid by parseRuleProfile and with an id no built-in profile has. They travel with the scenario:
   * autosave, the scenario file, and every worker request that uses one.
   */
  userProfiles: RuleProfile[];
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
  /**
   * Where a list last asked the map to go (the map bindings centre the map on it); `seq` counts the
   * requests, so picking the same estate again after panning away centres it again.
   */
  reveal: { at: readonly [number, number]; seq: number } | null;
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

/** What a what-if edit changed in one kind's coverage (the worker's KindCoveragePatch, as the store reads it). */
export interface KindCoveragePatch {
  /** Positions of the changed rows in `KindCoverage.estates`, ascending. */
  estateIndex: Uint32Array;
  /** The new rows, in the order of `estateIndex`. */
  estates: KindCoverage['estates'];
  /** New or changed facility rows (new ones are appended). */
  facilities: KindCoverage['facilities'];
  removedFacilities: string[];
  summary: KindCoverage['summary'];
  /** Zone numbers (`properties.zone`) gone, and zones new or changed. */
  zones: { removed: number[]; upserted: Feature[] };
}

export interface CoveragePatch {
  byKind: Partial<Record<FacilityKind, KindCoveragePatch>>;
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
  /** The last Suggest-sites proposal (not part of the scenario: accepting sites is). */
  siting: SitingState | null;
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
