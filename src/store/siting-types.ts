/**
 * Siting (建议选址) as the app holds it: the parts of the core's SitingProposal the planner reads (same
 * field names, plain JSON as the worker returns it), and the panel's choices.
 */
import type { FacilityKind, ImportError, LngLat } from '../core';
import type { ProposedSite, SitingModel, SolveMethod } from '../core/siting';

export type { SitingModel };

/** One proposed site: where, how much it adds, and the estates it newly serves (its catchment). */
export type { ProposedSite };

export interface ProposalView {
  model: SitingModel;
  kind: FacilityKind;
  objective: number;
  coveredBefore: number;
  coveredAfter: number;
  sites: ProposedSite[];
  /** Proven upper bound (lower for LSCP) on the optimum; null when none was proven. */
  bound: number | null;
  gapPct: number | null;
  method: SolveMethod;
  seconds: { matrix?: number; heuristic?: number; exact?: number; total: number };
  candidates: { given: number; usable: number; offNetwork: number; reduced: number };
  demand: { estates: number; offNetwork: number; unreachable: number };
  /** The demand unit: households, residents, places, beds or m² (`weighted` when joint). */
  unit: string;
  /** Weight of each kind in the objective (one entry unless the sites are joint, 综合体). */
  weights: { kind: FacilityKind; minutes: number; weight: number }[];
  unreachableEstateIds: string[];
  offNetworkCandidateIds: string[];
  errors: string[];
  warnings: string[];
}

/** What the user asked for in the Suggest-sites form. */
export interface SitingChoice {
  kind: FacilityKind;
  model: SitingModel;
  /** New sites to place (MCLP, capacitated); ignored by LSCP ("cover everyone"). */
  count: number;
  /** Capacity of each new site in the kind's unit (places, beds or m²), capacitated model only. */
  capacity: number | null;
  /**
   * 'auto': street nodes in underserved zones; 'drawn': the planned facilities on the map of the kind;
   * 'file': the points or parcels of a file the user picked (CandidateFile).
   */
  candidates: 'auto' | 'drawn' | 'file';
  /** Weight of the kind's demand in the objective when the sites are joint (default 1). */
  weight: number;
  /** The other care category's kind every new site also hosts (综合体), with its weight; null: not joint. */
  joint: { kind: FacilityKind; weight: number } | null;
  /** Automatic candidates only in the underserved zones of this district's estates (区县); null: all. */
  district: string | null;
}

/** Candidates read from a file: the usable points, and every row that could not be used. */
export interface CandidateFile {
  fileName: string;
  candidates: { id: string; location: LngLat }[];
  /** Rejected rows (row 0: the whole file), with the field and what was expected. */
  errors: ImportError[];
  /** Data rows or features read. */
  rowCount: number;
}

export interface SitingState {
  proposal: ProposalView;
  /** False while the solver is still improving the first (heuristic) answer. */
  final: boolean;
  /** The site whose catchment is highlighted (hovered or selected in the table), or null. */
  highlight: string | null;
}
