import { computeCoverage } from '../coverage/compute-coverage';
import { coverageOptionsForKind } from '../coverage/coverage-options-for-kind';
import type { CoverageNetwork, FacilityCoverage } from '../coverage/types';
import type { Estate } from '../model/estate';
import { careCategoryOf, FACILITY_KINDS, type Facility } from '../model/facility';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import { profileVersion } from '../report/profile-version';
import { compoundPinyin } from './compound-pinyin';
import {
  PUBLISHED_FORMAT,
  PUBLISHED_VERSION,
  type PlacesFree,
  type PublishedFacility,
  type PublishedScenario,
} from './published-scenario';

export interface PublishInput {
  name: string;
  estates: readonly Estate[];
  facilities: readonly Facility[];
  /** The street network (loads are then measured by walking on it); null: straight-line estimate. */
  network: CoverageNetwork | null;
  profile: RuleProfile;
  /** Where the profile came from: a built-in one, or the user's own file. */
  profileSource: 'builtin' | 'user';
  /** The profile's parameters after the scenario's overrides. */
  parameters: ProfileParameters;
  /** Walking-time groups shown to residents, e.g. [5, 10, 15]. */
  withinMinutes: readonly number[];
  /** ISO date-time of publishing. */
  publishedAt: string;
  /** Points farther than this from the streets are off the network (coverage's maxSnapM), metres. */
  maxSnapM: number;
}

const placesFree = (load: number | null): PlacesFree =>
  load === null ? 'unknown' : load < 1 ? 'yes' : 'full';

function grow(b: [number, number, number, number] | null, lng: number, lat: number) {
  if (!b) return [lng, lat, lng, lat] as [number, number, number, number];
  return [Math.min(b[0], lng), Math.min(b[1], lat), Math.max(b[2], lng), Math.max(b[3], lat)] as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * The scenario as the residents' page reads it: compounds with their pinyin (for search by initials),
 * facilities with whether they have places free — estimated with the planner's own capacity-aware
 * coverage (2SFCA, per kind, with the profile's service minutes and demand rates) — the profile's
 * walking speeds, and the bounds. Estates without a location cannot be found on a map and are left
 * out (the caller reports how many).
 * @param input the scenario, its network, profile and parameters
 * @returns the published scenario (JSON-serialisable)
 * @example buildPublishedScenario({ ...scenario, network, profile, parameters, withinMinutes: [5, 10, 15], publishedAt: new Date().toISOString() })
 */
export function buildPublishedScenario(input: PublishInput): PublishedScenario {
  const { estates, facilities, network, parameters } = input;
  const loads = new Map<string, { coverage: FacilityCoverage; unit: string | null }>();
  for (const kind of FACILITY_KINDS) {
    if (!facilities.some((f) => f.kind === kind)) continue;
    const result = computeCoverage({
      estates: [...estates],
      facilities: [...facilities],
      network,
      options: { ...coverageOptionsForKind(kind, parameters), maxSnapM: input.maxSnapM },
    });
    for (const f of result.facilities) loads.set(f.id, { coverage: f, unit: result.parameters.capacityUnit });
  }
  let bounds: PublishedScenario['bounds'] = null;
  const compounds = estates.flatMap((e) => {
    if (!e.location) return [];
    const [lng, lat] = e.location;
    bounds = grow(bounds, lng, lat);
    return [{ id: e.id, name: e.name, district: e.district, lng, lat, ...compoundPinyin(e.name) }];
  });
  const published: PublishedFacility[] = facilities.map((f) => {
    const measured = loads.get(f.id);
    const capacity = measured?.coverage.capacity ?? null;
    const load = measured?.coverage.load ?? null;
    bounds = grow(bounds, f.location[0], f.location[1]);
    return {
      id: f.id,
      name: f.name,
      kind: f.kind,
      category: careCategoryOf(f.kind),
      lng: f.location[0],
      lat: f.location[1],
      status: f.status,
      capacity,
      capacityUnit: capacity === null ? null : (measured?.unit ?? null),
      load,
      placesFree: placesFree(load),
    };
  });
  return {
    format: PUBLISHED_FORMAT,
    version: PUBLISHED_VERSION,
    name: input.name,
    profile: {
      id: input.profile.id,
      name: { zh: input.profile.name.zh, en: input.profile.name.en },
      version: profileVersion(input.profile),
      source: input.profileSource,
    },
    publishedAt: input.publishedAt,
    walkingSpeed: { default: parameters.walkingSpeed, elderly: parameters.elderlyWalkingSpeed },
    maxSnapM: input.maxSnapM,
    withinMinutes: [...input.withinMinutes],
    compounds,
    facilities: published,
    bounds,
  };
}
