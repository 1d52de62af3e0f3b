import { FACILITY_KINDS, type FacilityKind } from '../model/facility';
import type { Rule, RuleOperator, RuleScope } from '../model/rule-profile';
import type { DistrictTotals } from '../model/verdict';

/** Every field of DistrictTotals, for validating `coveredUnitShare` options and reading totals by name. */
export const DISTRICT_TOTAL_KEYS = [
  'population',
  'elderlyPopulation',
  'nurseryPlaces',
  'elderlyCareBeds',
  'nursingBeds',
  'elderlyCareLandM2',
  'communities',
  'communitiesWithChildcare',
  'communitiesWithElderlyService',
  'streets',
  'streetsWithElderlyCareComplex',
  'urbanDistricts',
  'urbanDistrictsWithChildcareCentre',
  'towns',
  'townsWithElderlyService',
  'villages',
  'villagesWithElderlyService',
] as const satisfies readonly (keyof DistrictTotals)[];

/** Care categories a `careCategoriesProvided` rule can ask for. */
export const CARE_CATEGORIES = ['elderly', 'childcare'] as const;

/**
 * What one option of a metric may hold: a number, a string, a comma-separated list of allowed words
 * (`"nursery,kindergarten-nursery"`), or one name from a list.
 */
export type OptionSpec =
  | { type: 'number' | 'string' | 'boolean'; required: boolean }
  | { type: 'list'; of: readonly string[]; required: boolean; what: string }
  | { type: 'name'; of: readonly string[]; required: boolean; what: string };

/** What the evaluator knows how to compute for one metric name. */
export interface MetricSpec {
  scopes: readonly RuleScope[];
  operators: readonly RuleOperator[];
  /** The units a rule's threshold may be written in (`unit`); any other unit is an error. */
  units: readonly string[];
  /** Unit of `required` / `provided` in a verdict (`coveredUnitShare` takes it from options.countUnit). */
  verdictUnit: string;
  /** Allowed options: type and whether the rule must give it. */
  options: Readonly<Record<string, OptionSpec>>;
  /** Largest sensible threshold (shares are percentages). */
  maxThreshold?: number;
  /**
   * Checks across fields that a schema cannot state (a threshold bounded by an option's list).
   * @returns the field at fault, what it should hold and the value found, or null when the rule is fine
   */
  check?: (rule: Rule) => { field: string; expected: string; found: unknown } | null;
}

const KINDS_OPTION = {
  kinds: { type: 'list', of: FACILITY_KINDS, required: true, what: 'facility kinds' },
} as const satisfies Record<string, OptionSpec>;

/** Splits a comma-separated option (`"nursery,kindergarten-nursery"`) into trimmed parts. */
export function splitList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
}

/** Facility kinds named by a rule's `kinds` option. */
export function ruleKinds(rule: Rule): FacilityKind[] {
  return splitList(rule.options?.kinds) as FacilityKind[];
}

/** A categories rule asks for at most as many categories as it lists, in whole numbers. */
function checkCategories(rule: Rule): ReturnType<NonNullable<MetricSpec['check']>> {
  const categories = splitList(rule.options?.categories);
  if (rule.threshold > categories.length || !Number.isInteger(rule.threshold)) {
    return {
      field: 'threshold',
      expected: `a whole number of categories ≤ ${categories.length}`,
      found: rule.threshold,
    };
  }
  return null;
}

const TOTAL_NAME = {
  type: 'name',
  of: DISTRICT_TOTAL_KEYS,
  required: true,
  what: 'a district total',
} as const;

/** The metrics rule profiles may use. A profile naming any other metric is rejected when loaded. */
export const METRICS: Readonly<Record<string, MetricSpec>> = {
  /** Estate: total elderly-care floor area vs threshold × households / 100; optional per-facility minimum. */
  elderlyCareAreaPer100Households: {
    units: ['m²/100 households'],
    scopes: ['estate'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: { minFacilityArea: { type: 'number', required: false } },
  },
  /** Estate or district: nursery places vs ⌈threshold × residents / 1000⌉. */
  nurseryPlacesPer1000Residents: {
    units: ['places/1000 residents'],
    scopes: ['estate', 'district'],
    operators: ['>='],
    verdictUnit: 'places',
    options: {},
  },
  /** Estate: childcare floor area vs an absolute minimum. */
  childcareFloorArea: {
    units: ['m²'],
    scopes: ['estate'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: {},
  },
  /** Estate: how many of the listed care categories the estate provides at all (四同步 proxy). */
  careCategoriesProvided: {
    units: ['categories'],
    scopes: ['estate'],
    operators: ['>='],
    verdictUnit: 'categories',
    options: {
      categories: { type: 'list', of: CARE_CATEGORIES, required: true, what: 'care categories' },
    },
    check: checkCategories,
  },
  /** District: elderly-care land vs threshold × population. */
  elderlyCareLandPerResident: {
    units: ['m²/resident'],
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: {},
  },
  /** District: beds vs ⌈threshold × elderly population / 1000⌉. */
  bedsPer1000Elderly: {
    units: ['beds/1000 elderly'],
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: 'beds',
    options: {},
  },
  /** District: nursing-type beds as a percentage of all elderly-care beds. */
  nursingBedShare: {
    units: ['%'],
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: '%',
    options: {},
    maxThreshold: 100,
  },
  /** District: units (streets, communities, …) with a service vs ⌈threshold % × units⌉. */
  coveredUnitShare: {
    units: ['%'],
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: 'units',
    maxThreshold: 100,
    options: {
      units: TOTAL_NAME,
      covered: TOTAL_NAME,
      countUnit: { type: 'string', required: true },
    },
  },
  /** Facility: floor area vs threshold × places; optional centre size reported in a note. */
  floorAreaPerPlace: {
    units: ['m²/place'],
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: { ...KINDS_OPTION, minPlacesPerCentre: { type: 'number', required: false } },
  },
  /** Facility: floor area vs threshold × beds. */
  floorAreaPerBed: {
    units: ['m²/bed'],
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: KINDS_OPTION,
  },
  /** Facility: floor area vs an absolute minimum. */
  facilityFloorArea: {
    units: ['m²'],
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: KINDS_OPTION,
  },
  /** Coverage: walking minutes to the nearest facility of the listed kinds (computed by the coverage engine). */
  walkingMinutesToService: {
    units: ['min'],
    scopes: ['coverage'],
    operators: ['<='],
    verdictUnit: 'min',
    options: KINDS_OPTION,
  },
};
