/**
 * The scenario as one GeoJSON file: estates, facilities and districts as features, the rest (profile,
 * overrides, network name) in a `lifecircle` foreign member. Exporting then importing is lossless
 * (tests/store/scenario-file.test.ts); the street network is not embedded (it is re-imported, or
 * the demo's is used).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  FACILITY_KINDS,
  lngLat,
  parseRuleProfile,
  type Estate,
  type Facility,
  type FacilityKind,
} from '../core';
import { getProfile } from '../profiles';
import type { Scenario } from './types';

export const SCENARIO_FORMAT = 'lifecircle-scenario';
export const SCENARIO_VERSION = 1;

interface ScenarioMeta {
  format: typeof SCENARIO_FORMAT;
  version: number;
  id: string;
  name: string;
  synthetic: boolean;
  profileId: string;
  /** The user's own profiles, each as a profile file holds it (geodata/rules/profile.schema.json). */
  userProfiles?: Scenario['userProfiles'];
  overrides: Record<string, number>;
  defaultStatus: Scenario['defaultStatus'];
  /** The key lets the same browser find the network it already built (IndexedDB). */
  network: { source: 'demo' | 'file'; fileName: string; key?: string } | null;
  bounds: Scenario['bounds'];
}

export type ScenarioFile = FeatureCollection & { lifecircle: ScenarioMeta };

const estateFeature = (e: Estate): Feature => ({
  type: 'Feature',
  id: e.id,
  geometry:
    e.geometry ?? (e.location ? { type: 'Point', coordinates: [e.location[0], e.location[1]] } : null)!,
  properties: {
    layer: 'estate',
    row: e.row,
    name: e.name,
    location: e.location ? [e.location[0], e.location[1]] : null,
    hasGeometry: e.geometry !== null,
    households: e.households,
    residents: e.residents,
    status: e.status,
    elderlyCareFloorArea: e.elderlyCareFloorArea,
    elderlyCareFacilityAreas: e.elderlyCareFacilityAreas,
    nurseryPlaces: e.nurseryPlaces,
    childcareFloorArea: e.childcareFloorArea,
    district: e.district,
    attributes: e.properties,
  },
});

const facilityFeature = (f: Facility): Feature => ({
  type: 'Feature',
  id: f.id,
  geometry: { type: 'Point', coordinates: [f.location[0], f.location[1]] },
  properties: {
    layer: 'facility',
    row: f.row,
    name: f.name,
    kind: f.kind,
    status: f.status,
    places: f.capacity.places,
    beds: f.capacity.beds,
    floorArea: f.capacity.floorArea,
    attributes: f.properties,
  },
});

/**
 * Writes the scenario as one GeoJSON FeatureCollection.
 * @param s the scenario
 * @returns a plain object ready for JSON.stringify
 */
export function scenarioToGeoJson(s: Scenario): ScenarioFile {
  const districts = (s.districts?.features ?? []).map((d) => ({
    ...d,
    properties: { ...d.properties, layer: 'district' },
  }));
  return {
    type: 'FeatureCollection',
    lifecircle: {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      id: s.id,
      name: s.name,
      synthetic: s.synthetic,
      profileId: s.profileId,
      userProfiles: s.userProfiles,
      overrides: s.overrides,
      defaultStatus: s.defaultStatus,
      network: s.network
        ? { source: s.network.source, fileName: s.network.fileName, key: s.network.key }
        : null,
      bounds: s.bounds,
    },
    features: [...s.estates.map(estateFeature), ...s.facilities.map(facilityFeature), ...districts],
  };
}

/** A scenario file that cannot be read: the message names the feature and field. */
export class ScenarioFileError extends Error {
  override name = 'ScenarioFileError';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const isFinite2 = (xy: readonly number[]): boolean => Number.isFinite(xy[0]) && Number.isFinite(xy[1]);
const pointOf = (g: Geometry | null, where: string): [number, number] => {
  if (g?.type !== 'Point') throw new ScenarioFileError(`${where}: geometry must be a Point`);
  const [lng, lat] = Array.isArray(g.coordinates) ? g.coordinates : [];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
    throw new ScenarioFileError(`${where}: geometry must be a Point with two finite coordinates`);
  return [lng, lat];
};

function readEstate(f: Feature, where: string): Estate {
  const p = f.properties ?? {};
  const loc = Array.isArray(p.location) ? lngLat(Number(p.location[0]), Number(p.location[1])) : null;
  // Number(null) is 0: an unreadable location must not become a point in the Gulf of Guinea.
  if (loc && !(typeof p.location[0] === 'number' && typeof p.location[1] === 'number' && isFinite2(loc)))
    throw new ScenarioFileError(`${where}: field "location" must be two finite numbers`);
  const status = p.status === 'new' || p.status === 'existing' ? p.status : null;
  const areas = Array.isArray(p.elderlyCareFacilityAreas) ? p.elderlyCareFacilityAreas.map(Number) : null;
  const geometry = p.hasGeometry === false ? null : (f.geometry as Estate['geometry']);
  if (geometry && !['Point', 'Polygon', 'MultiPolygon'].includes(geometry.type)) {
    throw new ScenarioFileError(
      `${where}: estate geometry must be a Point or Polygon, found ${geometry.type}`,
    );
  }
  return {
    id: String(f.id ?? p.id ?? where),
    row: num(p.row) ?? 0,
    name: str(p.name, ''),
    location: loc,
    geometry,
    households: num(p.households),
    residents: num(p.residents),
    status,
    elderlyCareFloorArea: num(p.elderlyCareFloorArea),
    elderlyCareFacilityAreas: areas,
    nurseryPlaces: num(p.nurseryPlaces),
    childcareFloorArea: num(p.childcareFloorArea),
    district: typeof p.district === 'string' ? p.district : null,
    properties: (p.attributes as Record<string, unknown>) ?? {},
  };
}

function readFacility(f: Feature, where: string): Facility {
  const p = f.properties ?? {};
  if (!FACILITY_KINDS.includes(p.kind as FacilityKind)) {
    throw new ScenarioFileError(
      `${where}: field "kind" must be one of ${FACILITY_KINDS.join(', ')}, found ${String(p.kind)}`,
    );
  }
  const [lng, lat] = pointOf(f.geometry, where);
  const status = p.status === 'planned' || p.status === 'proposed' ? p.status : 'existing';
  return {
    id: String(f.id ?? where),
    row: num(p.row) ?? 0,
    name: str(p.name, ''),
    kind: p.kind as FacilityKind,
    location: lngLat(lng, lat),
    status,
    capacity: { places: num(p.places), beds: num(p.beds), floorArea: num(p.floorArea) },
    properties: (p.attributes as Record<string, unknown>) ?? {},
  };
}

/**
 * The file's user profiles, each checked as a profile file is (parseRuleProfile: its errors name the
 * scenario file and the profile's place in it); an id a built-in profile has is refused.
 */
function readUserProfiles(value: unknown, fileName: string): Scenario['userProfiles'] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new ScenarioFileError(`${fileName}: field "lifecircle.userProfiles" must be an array of profiles`);
  return value.map((json, k) => {
    const profile = parseRuleProfile(json, `${fileName}, lifecircle.userProfiles[${k}]`);
    if (getProfile(profile.id))
      throw new ScenarioFileError(
        `${fileName}, lifecircle.userProfiles[${k}]: id "${profile.id}" is a built-in profile's`,
      );
    return profile;
  });
}

/**
 * Reads a file written by scenarioToGeoJson.
 * @param json the parsed file
 * @param fileName for error messages
 * @returns the scenario (without network report: the network is rebuilt from its source)
 * @throws ScenarioFileError naming the feature and field at fault
 */
export function scenarioFromGeoJson(json: unknown, fileName: string): Scenario {
  const file = json as Partial<ScenarioFile> | null;
  const meta = file?.lifecircle;
  if (
    file?.type !== 'FeatureCollection' ||
    meta?.format !== SCENARIO_FORMAT ||
    !Array.isArray(file.features)
  ) {
    throw new ScenarioFileError(
      `${fileName}: not a LifeCircle scenario (expected a FeatureCollection with a "lifecircle" member)`,
    );
  }
  const estates: Estate[] = [];
  const facilities: Facility[] = [];
  const districts: Feature[] = [];
  file.features.forEach((f, k) => {
    const where = `${fileName}, feature ${k + 1}`;
    if (typeof f !== 'object' || f === null || Array.isArray(f))
      throw new ScenarioFileError(`${where}: expected a GeoJSON Feature object`);
    const layer = f.properties?.layer;
    if (layer === 'estate') estates.push(readEstate(f, where));
    else if (layer === 'facility') facilities.push(readFacility(f, where));
    else if (layer === 'district') {
      const { layer: _layer, ...properties } = f.properties ?? {};
      districts.push({ ...f, properties });
    } else throw new ScenarioFileError(`${where}: field "layer" must be estate, facility or district`);
  });
  return {
    id: str(meta.id, 'imported'),
    name: str(meta.name, fileName),
    synthetic: meta.synthetic === true,
    profileId: str(meta.profileId, 'national'),
    userProfiles: readUserProfiles(meta.userProfiles, fileName),
    overrides: meta.overrides ?? {},
    defaultStatus: meta.defaultStatus ?? null,
    estates,
    facilities,
    network: meta.network
      ? {
          ...meta.network,
          key: meta.network.key ?? (meta.network.source === 'demo' ? 'demo' : meta.network.fileName),
          report: null,
        }
      : null,
    districts: districts.length ? { type: 'FeatureCollection', features: districts } : null,
    context: null,
    bounds: meta.bounds ?? null,
  };
}
