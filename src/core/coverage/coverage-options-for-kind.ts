/**
 * Coverage options for one facility kind from a profile's parameters: the kind's service minutes,
 * the walking speed, and the demand rate the profile gives for what that kind supplies.
 */
import type { FacilityKind } from '../model/facility';
import type { ProfileParameters } from '../model/rule-profile';
import type { CoverageOptions } from './types';

/**
 * @param kind facility kind
 * @param p the profile's parameters after overrides
 * @returns options for createCoverageSession (capacity-aware, 2SFCA)
 * @example coverageOptionsForKind('nursery', hefei.parameters).capacity // { field: 'places', perResident: 0.01 }
 */
export function coverageOptionsForKind(kind: FacilityKind, p: ProfileParameters): CoverageOptions {
  const base = {
    minutes: p.serviceMinutes[kind],
    speedMps: p.walkingSpeed,
    personsPerHousehold: p.personsPerHousehold,
    kinds: [kind],
  };
  switch (kind) {
    case 'nursery':
    case 'kindergarten-nursery':
      return { ...base, capacity: { field: 'places', perResident: p.nurseryPlacesPer1000Residents / 1000 } };
    case 'elderly-home':
      return {
        ...base,
        capacity: { field: 'beds', perResident: (p.bedsPer1000Elderly / 1000) * p.elderlyShare },
      };
    case 'elderly-daycare':
    case 'elderly-station':
      return {
        ...base,
        capacity: { field: 'floorArea', perHousehold: p.elderlyCareM2Per100Households / 100 },
      };
  }
}
