/** The review report (审查意见) as data: what the HTML renderer draws, for one estate or a batch. */
import type { CoverageMode } from '../coverage/types';
import type { FlatServiceAreas } from '../service-areas/flat-service-areas';
import type { Estate } from '../model/estate';
import type { Facility, FacilityKind } from '../model/facility';
import type { Confidence, ProfileParameters, RuleProfile } from '../model/rule-profile';
import type { EstateResult, VerdictStatus } from '../model/verdict';
import type { ReportLanguage } from './compliance-rows';

/** The summary conclusion of a review: 符合 / 不符合 / 资料不全. */
export type ReportConclusion = 'compliant' | 'non-compliant' | 'incomplete';

/** The parts of a coverage result (core's CoverageResult or the planner's per-kind view) a report reads. */
export interface ReportKindCoverage {
  estates: readonly {
    id: string;
    nearestFacility: string | null;
    minutes: number | null;
    distanceM: number | null;
    covered: boolean;
    offNetwork: boolean;
  }[];
  parameters: { minutes: number; speedMps: number; mode: string };
}

export interface ReviewReportInput {
  profile: RuleProfile;
  /** Parameters in force (the profile's, with overrides). */
  parameters: ProfileParameters;
  /** The estates as imported (district, location). */
  estates: readonly Estate[];
  /** Their evaluation, walking-time verdicts joined in when coverage was computed. */
  results: readonly EstateResult[];
  /** Coverage per facility kind; absent kinds were not computed. */
  coverage?: Partial<Record<FacilityKind, ReportKindCoverage>>;
  facilities?: readonly Facility[];
  /** Service areas per kind (at the kind's service minutes), network or straight-line. */
  serviceAreas?: Partial<Record<FacilityKind, FlatServiceAreas>>;
  /** Street segments [lon0, lat0, lon1, lat1, …] for the map, when a network is loaded. */
  streets?: Float64Array | null;
  /** Date of the report, `YYYY-MM-DD` (the core reads no clock). */
  date: string;
  lang?: ReportLanguage;
  /** Scenario or input file name, shown as the report's subject. */
  subject?: string;
  /** Rows of the input that could not be used (listed in the report, never dropped silently). */
  rejected?: readonly { row: number; message: string; messageZh: string }[];
  /** Whether the profile is a user's own file rather than a built-in one (shown next to its name). */
  userProfile?: boolean;
}

export interface ReportCitation {
  /** Document title, else the document name. */
  title: string;
  /** File name or standard number: a reference only. */
  document: string;
  /** `第207行` / `line 207` or the clause; null when the source names neither. */
  where: string | null;
  quote: string;
  confidence: Confidence;
}

export interface ReportRuleRow {
  rule: string;
  title: string;
  status: VerdictStatus;
  required: number | null;
  provided: number | null;
  shortfall: number | null;
  unit: string;
  citation: ReportCitation;
  note: string | null;
  /** Judged from walking times (coverage scope). */
  walkingTime: boolean;
}

export interface ReportReachRow {
  kind: FacilityKind;
  /** The kind's service minutes used. */
  limitMinutes: number;
  minutes: number | null;
  distanceM: number | null;
  covered: boolean;
  offNetwork: boolean;
  nearestFacility: string | null;
  mode: CoverageMode;
}

export interface ReportEstate {
  id: string;
  name: string;
  district: string | null;
  households: number | null;
  residents: number | null;
  residentsDerived: boolean;
  status: EstateResult['status'];
  statusDefaulted: boolean;
  overall: VerdictStatus;
  conclusion: ReportConclusion;
  /** What the data lacks for a full review (empty when complete). */
  missing: string[];
  /** Titles of the failing rules. */
  failing: string[];
  rules: ReportRuleRow[];
  /** One row per computed facility kind; empty when no coverage was computed. */
  reach: ReportReachRow[];
  /** Inline SVG of the service areas around the estate; null without a location. */
  mapSvg: string | null;
}

export interface ReviewReport {
  lang: ReportLanguage;
  date: string;
  subject: string | null;
  profile: { id: string; name: string; jurisdiction: string; version: string; userProfile: boolean };
  parameters: {
    personsPerHousehold: number;
    walkingSpeed: number;
    serviceMinutes: Partial<Record<FacilityKind, number>>;
  };
  /** Distance mode of the coverage (null: no coverage computed). */
  mode: CoverageMode | null;
  estates: ReportEstate[];
  /** Input rows that could not be used, in the report's language. */
  rejected: { row: number; message: string }[];
  totals: Record<ReportConclusion, number>;
}
