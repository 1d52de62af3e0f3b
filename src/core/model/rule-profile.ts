import type { EstateStatus } from './estate';
import type { FacilityKind } from './facility';

/** How far a rule's figure can be trusted (policy/README.md): shown to users, never hidden. */
export type Confidence = 'verified' | 'secondary' | 'to-verify';

/** Where a rule's number comes from. */
export interface RuleSource {
  /** Policy file name in shared/policy (e.g. `001_82989894b6aaeb46.txt`) or a standard (e.g. `GB 50180-2018`). */
  document: string;
  /** Human title of the document. */
  title?: string;
  /** `grep -n` line number(s) in the policy file, e.g. `207` or `207, 247`. */
  line?: string;
  /** Clause / article / table of a standard. */
  clause?: string;
  /** Short quote from the text, as written (traditional characters kept where the file has them). */
  quote: string;
  confidence: Confidence;
  /** Why this source was chosen or how the figure was derived (e.g. a figure borrowed from another document). */
  note?: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type RuleScope = 'estate' | 'facility' | 'district' | 'coverage';
export type RuleOperator = '>=' | '>' | '<=' | '<' | '==';

/** One quantitative rule. The metric names what is measured; the evaluator knows how to compute each. */
export interface Rule {
  /** Stable id, e.g. `hefei.elderly-area-new`. Other tools depend on these ids. */
  id: string;
  title: Bilingual;
  scope: RuleScope;
  /** Which estates it applies to (estate scope); empty or absent for other scopes. */
  appliesTo?: EstateStatus[];
  /** What is measured, e.g. `elderlyCareAreaPer100Households`. */
  metric: string;
  operator: RuleOperator;
  threshold: number;
  unit: string;
  /** Extra numbers the metric needs (e.g. a per-facility minimum), each with the same source. */
  options?: Record<string, number | string | boolean>;
  source: RuleSource;
  note?: Bilingual;
}

/** Planning parameters with defaults; every output shows the values used. */
export interface ProfileParameters {
  /** 户均人口 */
  personsPerHousehold: number;
  /** Walking speed, m/s. */
  walkingSpeed: number;
  /** Service minutes per facility kind (5/10/15-minute circles). */
  serviceMinutes: Record<FacilityKind, number>;
  /** Share of residents aged 60+ (0–1). */
  elderlyShare: number;
  /** Share of residents aged 0–3 (0–1). */
  infantShare: number;
  /** Slower walking speed for elderly residents, m/s (≈ 700 m in 15 minutes). */
  elderlyWalkingSpeed: number;
  /** Demand rate the coverage engine uses: nursery places needed per 1000 residents (the city target). */
  nurseryPlacesPer1000Residents: number;
  /** Demand rate: elderly-care service floor area needed per 100 households, m² (the existing-estate standard). */
  elderlyCareM2Per100Households: number;
  /** Demand rate: elderly-care beds needed per 1000 residents aged 60+. */
  bedsPer1000Elderly: number;
  [name: string]: number | Record<string, number>;
}

export interface RuleProfile {
  /** `hefei`, `henan`, `ganzi`, `turpan`, `xinjiang`, `national`. */
  id: string;
  name: Bilingual;
  jurisdiction: Bilingual;
  parameters: ProfileParameters;
  /** Where each default parameter comes from. */
  parameterSources: Record<string, RuleSource>;
  rules: Rule[];
}
