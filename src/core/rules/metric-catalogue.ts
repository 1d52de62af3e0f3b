import { FACILITY_KINDS, type FacilityKind } from '../model/facility';
import type { Rule, RuleOperator, RuleScope } from '../model/rule-profile';
import type { DistrictTotals } from '../model/verdict';
import type { SchemaReader } from './schema-reader';

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

type OptionType = 'number' | 'string' | 'boolean';

/** What the evaluator knows how to compute for one metric name. */
export interface MetricSpec {
  scopes: readonly RuleScope[];
  operators: readonly RuleOperator[];
  /** Unit of `required` / `provided` in a verdict (`coveredUnitShare` takes it from options.countUnit). */
  verdictUnit: string;
  /** Allowed options: type and whether the rule must give it. */
  options: Readonly<Record<string, { type: OptionType; required: boolean }>>;
  /** Largest sensible threshold (shares are percentages). */
  maxThreshold?: number;
  /** Checks that need more than types (option values naming kinds or totals). */
  validate?: (rule: Rule, reader: SchemaReader) => void;
}

const KINDS_OPTION = { kinds: { type: 'string', required: true } } as const;

/** Splits a comma-separated option (`"nursery,kindergarten-nursery"`) into trimmed parts. */
export function splitList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
}

/** Facility kinds named by a rule's `kinds` option. */
export function ruleKinds(rule: Rule): FacilityKind[] {
  return splitList(rule.options?.kinds) as FacilityKind[];
}

function validateKinds(rule: Rule, reader: SchemaReader): void {
  for (const kind of splitList(rule.options?.kinds)) {
    if (!(FACILITY_KINDS as readonly string[]).includes(kind)) {
      reader.fail('options.kinds', `comma-separated facility kinds from ${FACILITY_KINDS.join(', ')}`, kind);
    }
  }
}

function validateCategories(rule: Rule, reader: SchemaReader): void {
  const categories = splitList(rule.options?.categories);
  for (const category of categories) {
    if (!(CARE_CATEGORIES as readonly string[]).includes(category)) {
      reader.fail(
        'options.categories',
        `comma-separated categories from ${CARE_CATEGORIES.join(', ')}`,
        category,
      );
    }
  }
  if (rule.threshold > categories.length || !Number.isInteger(rule.threshold)) {
    reader.fail('threshold', `a whole number of categories ≤ ${categories.length}`, rule.threshold);
  }
}

function validateUnitShare(rule: Rule, reader: SchemaReader): void {
  for (const key of ['units', 'covered'] as const) {
    const value = rule.options?.[key];
    if (!(DISTRICT_TOTAL_KEYS as readonly unknown[]).includes(value)) {
      reader.fail(`options.${key}`, `a district total name (${DISTRICT_TOTAL_KEYS.join(', ')})`, value);
    }
  }
}

/** The metrics rule profiles may use. A profile naming any other metric is rejected when loaded. */
export const METRICS: Readonly<Record<string, MetricSpec>> = {
  /** Estate: total elderly-care floor area vs threshold × households / 100; optional per-facility minimum. */
  elderlyCareAreaPer100Households: {
    scopes: ['estate'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: { minFacilityArea: { type: 'number', required: false } },
  },
  /** Estate or district: nursery places vs ⌈threshold × residents / 1000⌉. */
  nurseryPlacesPer1000Residents: {
    scopes: ['estate', 'district'],
    operators: ['>='],
    verdictUnit: 'places',
    options: {},
  },
  /** Estate: childcare floor area vs an absolute minimum. */
  childcareFloorArea: { scopes: ['estate'], operators: ['>='], verdictUnit: 'm²', options: {} },
  /** Estate: how many of the listed care categories the estate provides at all (四同步 proxy). */
  careCategoriesProvided: {
    scopes: ['estate'],
    operators: ['>='],
    verdictUnit: 'categories',
    options: { categories: { type: 'string', required: true } },
    validate: validateCategories,
  },
  /** District: elderly-care land vs threshold × population. */
  elderlyCareLandPerResident: { scopes: ['district'], operators: ['>='], verdictUnit: 'm²', options: {} },
  /** District: beds vs ⌈threshold × elderly population / 1000⌉. */
  bedsPer1000Elderly: { scopes: ['district'], operators: ['>='], verdictUnit: 'beds', options: {} },
  /** District: nursing-type beds as a percentage of all elderly-care beds. */
  nursingBedShare: {
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: '%',
    options: {},
    maxThreshold: 100,
  },
  /** District: units (streets, communities, …) with a service vs ⌈threshold % × units⌉. */
  coveredUnitShare: {
    scopes: ['district'],
    operators: ['>='],
    verdictUnit: 'units',
    maxThreshold: 100,
    options: {
      units: { type: 'string', required: true },
      covered: { type: 'string', required: true },
      countUnit: { type: 'string', required: true },
    },
    validate: validateUnitShare,
  },
  /** Facility: floor area vs threshold × places; optional centre size reported in a note. */
  floorAreaPerPlace: {
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: { ...KINDS_OPTION, minPlacesPerCentre: { type: 'number', required: false } },
    validate: validateKinds,
  },
  /** Facility: floor area vs threshold × beds. */
  floorAreaPerBed: {
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: KINDS_OPTION,
    validate: validateKinds,
  },
  /** Facility: floor area vs an absolute minimum. */
  facilityFloorArea: {
    scopes: ['facility'],
    operators: ['>='],
    verdictUnit: 'm²',
    options: KINDS_OPTION,
    validate: validateKinds,
  },
  /** Coverage: walking minutes to the nearest facility of the listed kinds (computed by the coverage engine). */
  walkingMinutesToService: {
    scopes: ['coverage'],
    operators: ['<='],
    verdictUnit: 'min',
    options: KINDS_OPTION,
    validate: validateKinds,
  },
};
