import type { RuleSource } from './rule-profile';

export type VerdictStatus = 'pass' | 'fail' | 'not-applicable' | 'insufficient-data';

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
}
