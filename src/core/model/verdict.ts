import type { EstateStatus } from './estate';
import type { RuleSource } from './rule-profile';

export type VerdictStatus = 'pass' | 'fail' | 'not-applicable' | 'insufficient-data';

/** The four statuses in reporting order. */
export const VERDICT_STATUSES: readonly VerdictStatus[] = [
  'pass',
  'fail',
  'not-applicable',
  'insufficient-data',
];

/** The outcome of one rule for one estate or district: never a bare boolean. */
export interface Verdict {
  /** Rule id, e.g. `hefei.elderly-area-new`. */
  rule: string;
  status: VerdictStatus;
  /** What the rule requires here (null when it cannot be computed). */
  required: number | null;
  /** What is provided (null when not given). */
  provided: number | null;
  /** max(0, required − provided) for ≥ rules; null when either side is unknown. */
  shortfall: number | null;
  unit: string;
  source: RuleSource;
  /** Why it is not-applicable / insufficient-data, or how the figure was derived. */
  note?: string;
  /** The same note in Chinese (always present when `note` is). */
  noteZh?: string;
}

/**
 * Jurisdiction totals for district-scope rules. Every field is optional: a rule whose totals are
 * missing is reported as insufficient-data, never skipped. Counts of communities, streets, etc. are
 * counted the way the rule's text counts them (城市社区 for Henan and Xinjiang).
 */
export interface DistrictTotals {
  /** 常住人口 */
  population?: number;
  /** Residents aged 60+; derived from population × elderlyShare when absent. */
  elderlyPopulation?: number;
  /** 托位数 (children under 3) */
  nurseryPlaces?: number;
  /** 养老床位数 */
  elderlyCareBeds?: number;
  /** 护理型床位数 */
  nursingBeds?: number;
  /** Land planned for elderly-care facilities, m² */
  elderlyCareLandM2?: number;
  /** 社区 */
  communities?: number;
  /** Communities with at least one childcare provider (托育机构, 幼儿园托班, 家庭托育点). */
  communitiesWithChildcare?: number;
  /** Communities with an elderly-care service place (养老服务场所 / 服务站). */
  communitiesWithElderlyService?: number;
  /** 街道 */
  streets?: number;
  /** Streets with a comprehensive elderly-care facility (综合养老服务设施). */
  streetsWithElderlyCareComplex?: number;
  /** 市辖区 */
  urbanDistricts?: number;
  /** Urban districts with a public childcare guidance centre (公办托育服务指导中心). */
  urbanDistrictsWithChildcareCentre?: number;
  /** 乡镇 */
  towns?: number;
  townsWithElderlyService?: number;
  /** 行政村 */
  villages?: number;
  villagesWithElderlyService?: number;
}

/** One estate's verdicts and the figures they were computed from. */
export interface EstateResult {
  id: string;
  /** 1-based row / feature number in the source file. */
  row: number;
  name: string;
  households: number | null;
  /** Explicit residents, else households × personsPerHousehold; null when neither is known. */
  residents: number | null;
  /** True when residents were derived from households. */
  residentsDerived: boolean;
  /** The status used: the estate's own, else the default given to the evaluator, else null. */
  status: EstateStatus | null;
  /** True when `status` came from the default (e.g. `--status existing`), not from the data. */
  statusDefaulted: boolean;
  /** fail if any verdict fails, else insufficient-data if any, else pass if any, else not-applicable. */
  overall: VerdictStatus;
  verdicts: Verdict[];
}

/** Per-rule totals over all estates. */
export interface RuleSummary {
  rule: string;
  unit: string;
  counts: Record<VerdictStatus, number>;
  /**
   * Sum of the shortfalls that could be computed, in `unit`, for estate-scope rules (m², places); null
   * for coverage-scope rules, whose per-estate shortfalls (minutes of walking) do not add up (#12).
   */
  totalShortfall: number | null;
  /** Estates that fail the rule (= `counts.fail`), and their households where known (受影响户数). */
  failingHouseholds: number;
}

export interface EvaluationSummary {
  estates: number;
  /** Estates per overall status. */
  overall: Record<VerdictStatus, number>;
  /** One entry per estate-scope rule of the profile, in profile order. */
  rules: RuleSummary[];
}
