import type { Estate } from '../../../src/core';

/** An estate with every optional figure “not given” (null), overridden by the test's own values. */
export function makeEstate(over: Partial<Estate>): Estate {
  return {
    id: over.id ?? '1',
    row: 1,
    name: 'test estate',
    location: null,
    geometry: null,
    households: null,
    residents: null,
    status: null,
    elderlyCareFloorArea: null,
    elderlyCareFacilityAreas: null,
    nurseryPlaces: null,
    childcareFloorArea: null,
    district: null,
    properties: {},
    ...over,
  };
}
