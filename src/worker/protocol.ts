/**
 * The typed request map of the analysis worker (MapLibre's actor_messages style):
 * request type → [request payload, response]. Typed arrays in either direction are transferred.
 */
import type { FeatureCollection } from 'geojson';
import type {
  CoverageResult,
  CoverageSummary,
  CrsId,
  CrsSuggestion,
  Estate,
  EstateCoverage,
  EstateImport,
  EstateResult,
  EvaluationSummary,
  EstateStatus,
  Facility,
  FacilityCoverage,
  FacilityImport,
  FacilityImportInput,
  FacilityKind,
  ImportInput,
  LngLat,
  NetworkBuildReport,
  FlatServiceAreas,
  ProfileParameters,
  PublishedScenario,
  ReportConclusion,
  ReportKindCoverage,
  ReportLanguage,
  UnderservedZonePatch,
  ServingFacility,
  Verdict,
} from '../core';
import type { SitingModel, SitingProposal } from '../core/siting/siting-types';
import type { ProfileChoice } from '../profiles';

export type { ProfileChoice };

/** [west, south, east, north], WGS-84 degrees. */
export type Bounds = [west: number, south: number, east: number, north: number];

/** Compliance results for a scenario (the store keeps them as they come). */
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

export interface NetworkLoaded {
  report: NetworkBuildReport;
  /** Street segments for display: [lon0, lat0, lon1, lat1, …] per edge (transferred). */
  segments: Float64Array;
  bounds: Bounds | null;
  /** The graph in the core's binary layout, for IndexedDB and for restoring a restarted worker (transferred). */
  graphBytes: Uint8Array;
}

export interface EvaluateRequest extends ProfileChoice {
  estates: Estate[];
  overrides: Record<string, number>;
  defaultStatus: EstateStatus | null;
}

export interface EvaluateResponse extends EvaluationView {
  /** One message per rejected override. */
  parameterErrors: string[];
}

export interface CoverageRequest extends ProfileChoice {
  estates: Estate[];
  facilities: Facility[];
  overrides: Record<string, number>;
  /** The kind whose service areas are drawn (null: none). */
  serviceAreaKind: FacilityKind | null;
}

/** One what-if edit, applied in order to the worker's coverage sessions. */
export type CoverageOp =
  | { op: 'upsert'; facility: Facility }
  | { op: 'move'; id: string; kind: FacilityKind; location: LngLat }
  | { op: 'remove'; id: string; kind: FacilityKind };

/**
 * Service-area polygons changed by a request: replace those of `facilityIds` with `areas`. The areas
 * come in the core's flat layout, whose typed arrays are transferred (a structured clone of the same
 * areas as GeoJSON costs several times more: `npm run bench`, "service areas … structured clone").
 */
export interface ServiceAreaPatch {
  kind: FacilityKind;
  /** True: `areas` are all of the kind's service areas (drop what was shown). */
  replaceAll: boolean;
  facilityIds: string[];
  areas: FlatServiceAreas;
}

export interface CoverageResponse {
  /** Complete results of the kinds this request changed. */
  byKind: Partial<Record<FacilityKind, CoverageResult>>;
  serviceAreas: ServiceAreaPatch | null;
  /** Worker-side time of the request, ms (shown in the status bar, read by browser tests). */
  elapsedMs: number;
}

/**
 * What a what-if edit changed in one kind's coverage: applied to the kind's last result it gives the
 * result a full run of the edited facilities would (facilities in the session's order).
 */
export interface KindCoveragePatch {
  /** Positions, in the estates of the coverage run, of the rows that changed, ascending (transferred). */
  estateIndex: Uint32Array;
  /** The new rows, in the order of `estateIndex`. */
  estates: EstateCoverage[];
  /** Rows of the facilities the edit added or changed (an added one goes last). */
  facilities: FacilityCoverage[];
  /** Ids of the facilities the edit removed. */
  removedFacilities: string[];
  summary: CoverageSummary;
  /** Underserved zones gone (by number), and new or changed zones. */
  zones: UnderservedZonePatch;
}

export interface CoverageEditResponse {
  /** Changes of the kinds the edit touched. */
  byKind: Partial<Record<FacilityKind, KindCoveragePatch>>;
  serviceAreas: ServiceAreaPatch | null;
  /** Worker-side time of the request, ms. */
  elapsedMs: number;
}

/** The import review's checks of where imported points landed (issue #4: the sea, the network). */
export interface ImportCheckRequest {
  /** WGS-84 [lng0, lat0, lng1, lat1, …] of the located items (transferred). */
  points: Float64Array;
  /** The CRS the file was read in: other readings are tried from it. */
  crs: CrsId;
  /** Farther than this from the street network counts as outside it (coverage's max snap). */
  maxSnapM: number;
}

export interface ImportCheckResponse {
  /** Point numbers more than `toleranceM` from land, and the CRS that would put them on land; null when
   * the land mask could not be loaded. */
  sea: { atSea: Uint32Array; suggestion: CrsSuggestion | null; toleranceM: number } | null;
  /** Point numbers farther than maxSnapM from the network; null when no network is loaded. */
  offNetwork: Uint32Array | null;
}

/** One file of the bundled demo: its absolute same-origin URL, and its name for messages. */
export interface DemoFile {
  url: string;
  fileName: string;
}

export interface DemoOpenRequest {
  estates: DemoFile;
  facilities: DemoFile;
  /** OSM XML of the demo's streets. */
  network: DemoFile;
}

export interface DemoOpened {
  estates: EstateImport;
  facilities: FacilityImport;
  /** The network the worker now holds (as `network/load` returns it). */
  network: NetworkLoaded;
}

/** Suggest sites (建议选址) for one kind on the worker's network (issue #10). */
export interface SiteRequest extends ProfileChoice {
  estates: Estate[];
  /** The scenario's facilities (those of `kind` count as existing). */
  facilities: Facility[];
  overrides: Record<string, number>;
  kind: FacilityKind;
  model: SitingModel;
  count: number;
  /** Capacity of each new site (capacitated model), in the kind's unit; null otherwise. */
  capacity: number | null;
  /** 'auto': street nodes in underserved zones; else these points (drawn in the planner, or a file's). */
  candidates: 'auto' | { id: string; location: LngLat }[];
  timeLimitS?: number;
  /** Weight of the kind's demand when the sites are joint (default 1). */
  weight?: number;
  /** Other kinds each new site also hosts (综合体), with their weights; minutes and demand come from the profile. */
  joint?: { kind: FacilityKind; weight: number }[];
  /** Automatic candidates only in the underserved zones of this district's estates (区县). */
  district?: string | null;
}

/**
 * The review report (审查意见) of some estates, as `lifecircle report` writes it: the page sends what
 * it shows (the evaluation with walking-time verdicts joined in, the coverage rows), the worker adds
 * the service areas of its coverage sessions and the streets of its network.
 */
export interface ReportRequest extends ProfileChoice {
  /** Parameters in force (the evaluation's). */
  parameters: ProfileParameters;
  /** The estates reported (facts, location). */
  estates: Estate[];
  /** Their evaluation, in report order. */
  results: EstateResult[];
  /** Coverage of the kinds that have facilities, rows of the reported estates only. */
  coverage: Partial<Record<FacilityKind, ReportKindCoverage>>;
  /** Every facility of the scenario (drawn on the maps). */
  facilities: Facility[];
  /** `YYYY-MM-DD` (the page's local date). */
  date: string;
  lang: ReportLanguage;
  /** The scenario's name, shown as the report's subject. */
  subject: string | null;
}

export interface ReportResponse {
  /** The report as one self-contained HTML document (reviewReportHtml). */
  html: string;
  totals: Record<ReportConclusion, number>;
}

/** What the planner's 发布 / Publish asks: the scenario as the page shows it (after every edit). */
export interface PublishRequest extends ProfileChoice {
  name: string;
  estates: Estate[];
  facilities: Facility[];
  overrides: Record<string, number>;
  /** ISO date-time of publishing. */
  publishedAt: string;
}

export interface PublishResponse {
  scenario: PublishedScenario;
  /** The worker's street network in the core's graph file layout (transferred). */
  network: Uint8Array;
}

// A type alias (not an interface) so it satisfies the client's Record<string, [req, res]> constraint.
export type RequestMap = {
  ping: [Record<string, never>, { ok: true }];
  'network/load': [{ bytes: Uint8Array; fileName: string; minComponent?: number }, NetworkLoaded];
  'network/restore': [{ graphBytes: Uint8Array }, NetworkLoaded];
  /** Forget the network: coverage falls back to straight-line distances. */
  'network/clear': [Record<string, never>, { ok: true }];
  'import/estates': [Omit<ImportInput, 'parseXml' | 'onProgress'>, EstateImport];
  'import/facilities': [Omit<FacilityImportInput, 'parseXml' | 'onProgress'>, FacilityImport];
  /** Which imported points lie in the sea or off the street network (the land mask loads on first use). */
  'import/check': [ImportCheckRequest, ImportCheckResponse];
  /** The bundled demo: the worker fetches its files, imports them and builds its network. */
  'demo/open': [DemoOpenRequest, DemoOpened];
  'rules/evaluate': [EvaluateRequest, EvaluateResponse];
  /** Facility-scope rules (floor area per place or bed, minimum size) for one facility. */
  'rules/facility': [ProfileChoice & { facility: Facility; overrides: Record<string, number> }, Verdict[]];
  'coverage/run': [CoverageRequest, CoverageResponse];
  'coverage/edit': [{ ops: CoverageOp[]; serviceAreaKind: FacilityKind | null }, CoverageEditResponse];
  'coverage/service-areas': [{ kind: FacilityKind | null }, CoverageResponse];
  /** The facilities of each kind that serve an estate (within the kind's service minutes), nearest first. */
  /** Proposes new sites; the first (heuristic) answer arrives early through `onPartial`. */
  site: [SiteRequest, SitingProposal];
  'coverage/served-by': [{ estateId: string }, Partial<Record<FacilityKind, ServingFacility[]>>];
  /** The review report (审查意见) as HTML, built by the core's report functions from the worker's sessions. */
  'report/html': [ReportRequest, ReportResponse];
  /** The residents' page data (published scenario and street network) for the planner's 发布 / Publish. */
  'publish/build': [PublishRequest, PublishResponse];
  /**
   * Test hook: throws inside the worker as an uncaught error would. Served only by a worker started
   * with test hooks (`src/worker/test-hooks.ts`); the production worker answers it as unknown.
   */
  'debug/crash': [Record<string, never>, never];
};

/** The warning a proposal carries when HiGHS could not be loaded (the panel shows it translated). */
export const HIGHS_UNAVAILABLE = 'HiGHS could not be loaded';

/** Requests only a worker started with test hooks serves. */
export type TestHookRequestType = 'debug/crash';
/** The worker's name when the page runs under a browser test (`WorkerOptions.name`). */
export const TEST_HOOKS_WORKER_NAME = 'lifecircle-analysis+test-hooks';

export type RequestType = keyof RequestMap;
export type { FeatureCollection };
