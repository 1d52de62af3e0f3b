/**
 * Checks an autosaved record before the planner restores it (issue #13): IndexedDB hands back
 * whatever was stored — by an older version, a bug, or another script of the same origin — and a
 * malformed scenario would break the worker, the map or every panel after a reload. The scenario is
 * checked by the scenario file's own reader (scenarioToGeoJson then scenarioFromGeoJson): a record is
 * valid when the reader accepts it and reads back the same values, so the autosave and an exported
 * file obey one set of rules.
 */
import type { Geometry } from 'geojson';
import { getProfile } from '../../profiles';
import { scenarioFromGeoJson, scenarioToGeoJson } from '../../store/scenario-file';
import type { ColourBy, LayerKey, PanelId, Scenario } from '../../store/types';
import { FACILITY_KINDS, type FacilityKind } from '../../core';
import type { SavedState, SavedView } from './persist';

/** A record that can be restored (its view keeps only the settings that are valid), or what is wrong. */
export type RestoredState = Omit<SavedState, 'view'> & { view: Partial<SavedView> };

export type SavedStateCheck = { ok: true; state: RestoredState } | { ok: false; problem: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  const text = typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : typeof v;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** Structural equality of plain data; NaN equals NaN, so only a value the reader changed differs. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => same(x, b[k]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(b);
    return keys.length === Object.keys(a).length && keys.every((k) => same(a[k], b[k]));
  }
  return false;
}

const finiteCoordinates = (c: unknown): boolean =>
  Array.isArray(c) &&
  (c.every((x) => typeof x === 'number' && Number.isFinite(x)) || c.every((x) => finiteCoordinates(x)));

/** The first field of a record the reader read differently, named with the record. */
function firstChange(label: string, stored: unknown[], read: readonly object[]): string | null {
  for (let k = 0; k < read.length; k++) {
    const original = stored[k] as Obj;
    const back = read[k] as Obj;
    const name = `${label} ${k + 1} (id ${shown(original.id)})`;
    for (const [field, value] of Object.entries(back)) {
      if (field === 'properties') {
        if (!isObject(original.properties)) return `${name}: field "properties" must be an object`;
      } else if (field === 'geometry') {
        const g = original.geometry as Geometry | null;
        if (g && !('coordinates' in g && finiteCoordinates(g.coordinates)))
          return `${name}: field "geometry" must have finite coordinates`;
      } else if (!same(original[field], value)) {
        return `${name}: field "${field}" cannot be read (found ${shown(original[field])})`;
      }
    }
  }
  return null;
}

function scenarioProblem(s: Obj): string | null {
  for (const key of ['estates', 'facilities'] as const) {
    const list = s[key];
    if (!Array.isArray(list)) return `field "scenario.${key}" must be a list (found ${shown(list)})`;
    const k = list.findIndex((x) => !isObject(x));
    if (k >= 0) return `scenario.${key}[${k + 1}] must be an object (found ${shown(list[k])})`;
  }
  if (typeof s.id !== 'string' || typeof s.name !== 'string')
    return 'fields "scenario.id" and "name" must be text';
  if (typeof s.synthetic !== 'boolean') return 'field "scenario.synthetic" must be true or false';
  // The user's own profiles are checked by the scenario file's reader below (parseRuleProfile).
  const userIds = Array.isArray(s.userProfiles) ? s.userProfiles.map((p) => (isObject(p) ? p.id : null)) : [];
  if (typeof s.profileId !== 'string' || !(getProfile(s.profileId) || userIds.includes(s.profileId)))
    return `field "scenario.profileId": unknown rule profile ${shown(s.profileId)}`;
  if (!isObject(s.overrides) || !Object.values(s.overrides).every((v) => Number.isFinite(v)))
    return 'field "scenario.overrides" must map parameter names to finite numbers';
  if (![null, 'new', 'existing'].includes(s.defaultStatus as string | null))
    return `field "scenario.defaultStatus" must be new, existing or null (found ${shown(s.defaultStatus)})`;
  if (s.bounds !== null && !(Array.isArray(s.bounds) && s.bounds.length === 4 && finiteCoordinates(s.bounds)))
    return 'field "scenario.bounds" must be null or four finite numbers';
  const net = s.network;
  if (net !== null && !(isObject(net) && typeof net.fileName === 'string' && typeof net.key === 'string'))
    return 'field "scenario.network" must be null or name its file and key';
  if (net !== null && net.source !== 'demo' && net.source !== 'file')
    return `field "scenario.network.source" must be demo or file (found ${shown(net.source)})`;
  for (const key of ['districts', 'context'] as const) {
    const fc = s[key];
    if (fc !== null && !(isObject(fc) && Array.isArray(fc.features)))
      return `field "scenario.${key}" must be null or a FeatureCollection`;
  }
  let read: Scenario;
  try {
    read = scenarioFromGeoJson(scenarioToGeoJson(s as unknown as Scenario), 'autosave');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return (
    firstChange('estate', s.estates as unknown[], read.estates) ??
    firstChange('facility', s.facilities as unknown[], read.facilities)
  );
}

const PANELS: readonly PanelId[] = ['compliance', 'coverage', 'whatif', 'import', 'settings'];
const COLOUR_BY: readonly ColourBy[] = ['compliance', 'minutes'];
const LAYERS: readonly LayerKey[] = [
  'streets',
  'estates',
  'facilities',
  'serviceAreas',
  'underserved',
  'districts',
];

/** The view settings that are valid; the others are left at their defaults (never a reason to refuse). */
function viewOf(v: unknown): Partial<SavedView> {
  if (!isObject(v)) return {};
  const view: Partial<SavedView> = {};
  if (v.lang === 'zh' || v.lang === 'en') view.lang = v.lang;
  if (PANELS.includes(v.panel as PanelId)) view.panel = v.panel as PanelId;
  if (COLOUR_BY.includes(v.colourBy as ColourBy)) view.colourBy = v.colourBy as ColourBy;
  if (FACILITY_KINDS.includes(v.kind as FacilityKind)) view.kind = v.kind as FacilityKind;
  if (typeof v.styleUrl === 'string') view.styleUrl = v.styleUrl;
  if (isObject(v.layers) && LAYERS.every((k) => typeof (v.layers as Obj)[k] === 'boolean'))
    view.layers = Object.fromEntries(LAYERS.map((k) => [k, (v.layers as Obj)[k]])) as SavedView['layers'];
  return view;
}

/**
 * Checks an autosaved record: its shape, and every value of its scenario as the scenario file's
 * reader reads them.
 * @param raw what IndexedDB returned
 * @returns the state to restore, or the first problem found (naming the record and field)
 * @example checkSavedState({ scenario: 'x' }) // { ok: false, problem: 'field "scenario" …' }
 */
export function checkSavedState(raw: unknown): SavedStateCheck {
  if (!isObject(raw)) return { ok: false, problem: `the record is ${shown(raw)}, not an object` };
  if (!isObject(raw.scenario))
    return { ok: false, problem: `field "scenario" must be an object (found ${shown(raw.scenario)})` };
  const problem = scenarioProblem(raw.scenario);
  if (problem) return { ok: false, problem };
  const savedAt = typeof raw.savedAt === 'number' && Number.isFinite(raw.savedAt) ? raw.savedAt : 0;
  return {
    ok: true,
    state: { scenario: raw.scenario as unknown as Scenario, view: viewOf(raw.view), savedAt },
  };
}
