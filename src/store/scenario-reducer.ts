/** Pure scenario edits: (scenario, action) => scenario, never mutating the input. */
import type { Facility } from '../core';
import type { FacilityPatch, ScenarioAction } from './actions';
import type { Scenario } from './types';
import { dataBounds } from './data-bounds';
import { emptyScenario } from './initial-state';
import { saveUserProfile, removeUserProfile } from './user-profiles';

function patchFacility(facility: Facility, patch: FacilityPatch): Facility {
  return {
    ...facility,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    capacity: { ...facility.capacity, ...patch.capacity },
  };
}

const mapFacility = (s: Scenario, id: string, f: (x: Facility) => Facility): Scenario => {
  const index = s.facilities.findIndex((x) => x.id === id);
  if (index < 0) return s;
  const next = f(s.facilities[index]!);
  if (next === s.facilities[index]) return s;
  const facilities = s.facilities.slice();
  facilities[index] = next;
  return { ...s, facilities };
};

/**
 * Applies one scenario edit.
 * @param s the current scenario
 * @param action the edit
 * @returns the new scenario, or `s` itself when nothing changed (an unknown id, the same value)
 * @example reduceScenario(s, { type: 'facility/remove', id: 'nursery-1' })
 */
export function reduceScenario(s: Scenario, action: ScenarioAction): Scenario {
  switch (action.type) {
    case 'facility/add':
      if (s.facilities.some((f) => f.id === action.facility.id)) return s;
      return { ...s, facilities: [...s.facilities, action.facility] };
    case 'facility/move':
      return mapFacility(s, action.id, (f) =>
        f.location[0] === action.location[0] && f.location[1] === action.location[1]
          ? f
          : { ...f, location: action.location },
      );
    case 'facility/update':
      return mapFacility(s, action.id, (f) => patchFacility(f, action.patch));
    case 'facility/remove':
      return s.facilities.some((f) => f.id === action.id)
        ? { ...s, facilities: s.facilities.filter((f) => f.id !== action.id) }
        : s;
    case 'facilities/replace':
      return {
        ...s,
        facilities: action.mode === 'append' ? [...s.facilities, ...action.facilities] : action.facilities,
        // The map fits to what was imported (the facilities read, not those kept beside them).
        bounds: dataBounds(action.facilities.map((f) => f.location)) ?? s.bounds,
      };
    case 'estates/replace': {
      const dropDemo = s.synthetic && action.demo === 'drop';
      return {
        ...s,
        estates: action.estates,
        synthetic: false,
        bounds: dataBounds(action.estates.map((e) => e.location)) ?? s.bounds,
        ...(dropDemo ? { facilities: [], districts: null } : {}),
        ...(action.name !== undefined ? { name: action.name } : {}),
      };
    }
    case 'scenario/new':
      return {
        ...emptyScenario(),
        id: action.id,
        name: action.name,
        profileId: s.profileId,
        userProfiles: s.userProfiles,
        overrides: { ...s.overrides },
      };
    case 'profile/set':
      return s.profileId === action.profileId ? s : { ...s, profileId: action.profileId, overrides: {} };
    case 'profile/save':
      return saveUserProfile(s, action.profile, action.replaces);
    case 'profile/remove':
      return removeUserProfile(s, action.profileId);
    case 'parameter/set': {
      const overrides = { ...s.overrides };
      if (action.value === null || !Number.isFinite(action.value)) delete overrides[action.name];
      else overrides[action.name] = action.value;
      return { ...s, overrides };
    }
    case 'status/default':
      return s.defaultStatus === action.status ? s : { ...s, defaultStatus: action.status };
    case 'network/set':
      return {
        ...s,
        network: action.network,
        bounds: action.bounds ?? s.bounds,
        // A real street network does not make the demo's estates and facilities real: the scenario stays
        // synthetic, so the next estate import still asks whether to keep them (never kept silently).
      };
  }
}
