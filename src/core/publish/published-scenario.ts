/**
 * The published scenario (发布的方案): what the residents' page (public.html) reads. Everything the
 * page shows is in here or in the street network file beside it; the page computes walking routes
 * itself and ships no pinyin dictionary (the compounds' pinyin is computed when publishing).
 */
import type { CareCategory, FacilityKind, FacilityStatus } from '../model/facility';

export const PUBLISHED_FORMAT = 'lifecircle-published';
export const PUBLISHED_VERSION = 1;
/** File names inside a published bundle (the page fetches them relative to itself). */
export const PUBLISHED_SCENARIO_FILE = 'scenario.json';
export const PUBLISHED_NETWORK_FILE = 'network.lcwg';

/** A residential compound (小区) residents can search for. */
export interface PublishedCompound {
  id: string;
  name: string;
  district: string | null;
  lng: number;
  lat: number;
  /** Full pinyin without tones, syllables joined: 金地国际城 → "jindiguojicheng". */
  pinyin: string;
  /** First letters of the syllables: 金地国际城 → "jdgjc". */
  initials: string;
}

/**
 * Whether a facility has places free (有空余), estimated from the scenario: its 2SFCA load (demand of
 * the estates within its service time ÷ its capacity) below 1. Unknown when its capacity is not given.
 */
export type PlacesFree = 'yes' | 'full' | 'unknown';

export interface PublishedFacility {
  id: string;
  name: string;
  kind: FacilityKind;
  category: CareCategory;
  lng: number;
  lat: number;
  status: FacilityStatus;
  /** The capacity in the unit the profile measures this kind by, null when not given. */
  capacity: number | null;
  /** `places`, `beds` or `m²`; null when the capacity is not given. */
  capacityUnit: string | null;
  /** demand ÷ capacity (the estimate behind placesFree); null when unknown. */
  load: number | null;
  placesFree: PlacesFree;
}

export interface PublishedScenario {
  format: typeof PUBLISHED_FORMAT;
  version: number;
  /** The scenario's name (方案名称). */
  name: string;
  /** The rule profile: `user` when it is the planner's own file, not a built-in one (marked on the page). */
  profile: { id: string; name: { zh: string; en: string }; version: string; source: 'builtin' | 'user' };
  /** ISO date-time of publishing. */
  publishedAt: string;
  /** Walking speeds from the profile, m/s: everyone, and the elderly preset. */
  walkingSpeed: { default: number; elderly: number };
  /** Points farther than this from the streets are off the network, metres (as coverage measured). */
  maxSnapM: number;
  /** Walking-time groups of "what is within … minutes of here", e.g. [5, 10, 15]. */
  withinMinutes: number[];
  compounds: PublishedCompound[];
  facilities: PublishedFacility[];
  /** [west, south, east, north] of the compounds and facilities; null when there are none. */
  bounds: [number, number, number, number] | null;
}
