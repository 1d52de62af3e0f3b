/** A facility placed by the user on the map, with editable starting capacities. */
import { lngLat, type Facility, type FacilityKind } from '../core';

/**
 * Starting capacity per kind, for the user to edit. Mid-range sizes from GB 50180-2018 appendix
 * (日间照料中心 350–750 m²; 养老院 200–500 beds) and common practice for childcare rooms; these are
 * not rules and are never used to judge compliance.
 */
const STARTING_CAPACITY: Record<FacilityKind, Facility['capacity']> = {
  'elderly-daycare': { places: null, beds: null, floorArea: 500 },
  'elderly-station': { places: null, beds: null, floorArea: 200 },
  'elderly-home': { places: null, beds: 200, floorArea: 7000 },
  nursery: { places: 60, beds: null, floorArea: 600 },
  'kindergarten-nursery': { places: 30, beds: null, floorArea: null },
};

/**
 * Makes a planned facility at a clicked point.
 * @param kind facility kind
 * @param location WGS-84 position
 * @param existingIds ids already used (the new id is `new-<n>`, the first free n)
 * @param name display name
 * @returns a `planned` facility with row 0 (made in the app)
 */
export function newFacility(
  kind: FacilityKind,
  location: readonly [number, number],
  existingIds: ReadonlySet<string>,
  name: string,
): Facility {
  let n = 1;
  while (existingIds.has(`new-${n}`)) n++;
  return {
    id: `new-${n}`,
    row: 0,
    name: `${name} ${n}`,
    kind,
    location: lngLat(location[0], location[1]),
    status: 'planned',
    capacity: { ...STARTING_CAPACITY[kind] },
    properties: {},
  };
}
