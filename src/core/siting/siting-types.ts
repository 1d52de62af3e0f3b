/**
 * Siting (建议选址) requests and proposals: what `proposeSites` takes and returns. The proposal's
 * field names are the `lifecircle site` JSON of issue #10 (other tools read them), plus the estate
 * ids the planner draws.
 */
import type { Highs } from 'highs';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CapacityOptions, CoverageNetwork } from '../coverage/types';
import type { LngLat } from '../geo/units';
import type { Estate } from '../model/estate';
import type { Facility, FacilityKind } from '../model/facility';
import type { SnapMode } from '../model/network';
import type { CoveringModel, SolveMethod } from './solve-covering';

/** mclp: p sites covering the most; lscp: fewest sites covering everyone; capacitated: MCLP with capacities. */
export type SitingModel = CoveringModel;

/** What a covered estate is worth: its households, its residents, or the profile's demand for the kind. */
export type DemandMeasure = 'households' | 'residents' | 'demand';

/** A candidate site given by the user (a file row, or a point drawn in the planner). */
export interface CandidatePoint {
  id: string;
  location: LngLat;
}

/** Another kind a joint site (综合体) also hosts, with its own service minutes, demand and weight. */
export interface JointKind {
  kind: FacilityKind;
  minutes: number;
  /** The profile's demand rate for this kind (needed when measure is `demand`). */
  demand?: CapacityOptions;
  /** Weight of this kind's demand in the objective (shown and editable). */
  weight: number;
}

export interface SitingInput {
  network: CoverageNetwork;
  estates: Estate[];
  /** Existing (and planned) facilities; those of the request's kinds count as already serving. */
  facilities: Facility[];
  /** A loaded HiGHS module: without it only the heuristic and its own bound are reported. */
  highs?: Highs | null;
}

export interface SitingRequest {
  kind: FacilityKind;
  model: SitingModel;
  /** New sites to open (mclp, capacitated); ignored by lscp. */
  count: number;
  /** Capacity of each new site in the demand unit (capacitated only). */
  capacity?: number;
  /** 'auto': street nodes inside the underserved zones, thinned to `spacingM`; else these points. */
  candidates: 'auto' | CandidatePoint[];
  /** Minimum spacing of automatic candidates, metres (default 100). */
  spacingM?: number;
  /** Automatic candidates only inside this drawn area (WGS-84). */
  area?: Polygon | MultiPolygon | null;
  /** Automatic candidates only in the underserved zones of this district's estates (区县). */
  district?: string | null;
  /** Seconds for the solver (default 10); the heuristic answer is kept whatever happens. */
  timeLimitS?: number;
  /** The kind's service minutes. */
  minutes: number;
  speedMps: number;
  snap?: SnapMode;
  maxSnapM?: number;
  personsPerHousehold: number;
  /** Default `households`; the capacitated model always uses `demand`. */
  measure?: DemandMeasure;
  /** The profile's demand rate for the kind (e.g. nursery places per resident). */
  demand?: CapacityOptions;
  /** Weight of the main kind when the sites are joint (default 1). */
  weight?: number;
  /** Other kinds each new site also hosts (综合体); uncapacitated models only. */
  joint?: JointKind[];
  /** Side of the underserved-zone cells, metres (default 250, as coverage). */
  zoneCellM?: number;
}

export interface SitingProgress {
  signal?: { readonly aborted: boolean };
  /** phase: 'coverage' | 'candidates' | 'matrix' | 'solve' | 'check'. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Awaited between phases and matrix blocks (a worker yields there so Cancel gets in). */
  checkpoint?: () => Promise<void>;
  /** The heuristic's proposal, as soon as it exists. */
  onFirstAnswer?: (first: SitingProposal) => void;
}

/** One proposed site, in the order the sites add most (each gain given the ones before it). */
export interface ProposedSite {
  id: string;
  lon: number;
  lat: number;
  /** What this site adds, in the model's demand unit (weighted sum when joint). */
  gain: number;
  /** Households it newly serves (or, capacitated, whose demand it takes). */
  households: number;
  /** Estates it newly serves. */
  estates: number;
  estateIds: string[];
}

export interface SitingProposal {
  model: SitingModel;
  kind: FacilityKind;
  /** The model's objective: demand newly covered (mclp, capacitated) or the number of new sites (lscp). */
  objective: number;
  /** Demand covered (assigned, capacitated) by the existing facilities alone, in the demand unit. */
  coveredBefore: number;
  /** Demand covered with the proposed sites added. */
  coveredAfter: number;
  /** The demand unit: households, residents, places, beds or m² (`weighted` when joint). */
  unit: string;
  sites: ProposedSite[];
  /** Proven bound on the optimum (upper for mclp/capacitated, lower for lscp); null when none. */
  bound: number | null;
  /** (bound − objective) / objective × 100 (lscp: (objective − bound) / objective × 100); null without a bound. */
  gapPct: number | null;
  method: SolveMethod;
  /** HiGHS's final status, or null when it did not run. */
  solverStatus: string | null;
  seconds: { matrix: number; heuristic: number; exact: number; total: number };
  candidates: { given: number; usable: number; offNetwork: number; reduced: number };
  demand: { estates: number; offNetwork: number; unreachable: number };
  /** Weights of each kind in the objective (one entry unless joint). */
  weights: { kind: FacilityKind; minutes: number; weight: number }[];
  unreachableEstateIds: string[];
  offNetworkCandidateIds: string[];
  errors: string[];
  warnings: string[];
}
