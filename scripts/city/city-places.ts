/** Estates and care facilities of the synthetic large city, placed inside its street blocks. */
import type { LngLat } from '../../src/core/geo/units';
import type { Estate, EstateStatus } from '../../src/core/model/estate';
import type { Facility, FacilityKind } from '../../src/core/model/facility';
import { COL_NAMES, ESTATE_A, ESTATE_B, between, pick, type Rand } from '../demo/common';
import type { CityStreets } from './city-streets';

/** Converts metres east/north of the city's origin into WGS-84 [lon, lat]. */
export type ToLngLat = (x: number, y: number) => LngLat;

/** Districts by position: four quadrants, the river splitting the east. */
const DISTRICTS = ['示例西北区', '示例东北区', '示例西南区', '示例东南区', '示例河东区'];

/** A random point inside a block that does not lie in a river gap. */
function blockPoint(rand: Rand, streets: CityStreets): [number, number] {
  const { columns, rows, intersections, riverColumn, riverRow } = streets;
  let i: number;
  let j: number;
  do {
    i = Math.floor(rand() * (columns - 1));
    j = Math.floor(rand() * (rows - 1));
  } while (i === riverColumn || j === riverRow);
  const a = i * rows + j;
  const c = (i + 1) * rows + j + 1;
  const fx = between(rand, 0.2, 0.8);
  const fy = between(rand, 0.2, 0.8);
  const x = intersections[2 * a]! + (intersections[2 * c]! - intersections[2 * a]!) * fx;
  const y = intersections[2 * a + 1]! + (intersections[2 * c + 1]! - intersections[2 * a + 1]!) * fy;
  return [x, y];
}

function districtOf(streets: CityStreets, x: number, y: number): string {
  const east = x > streets.width / 2;
  const north = y > streets.height / 2;
  if (east && x > streets.width * 0.63) return DISTRICTS[4]!;
  return DISTRICTS[(north ? 0 : 2) + (east ? 1 : 0)]!;
}

/**
 * Estates with households, status, provided care areas and nursery places (some missing), as the
 * importer would give them (WGS-84).
 * @param rand seeded generator
 * @param streets the city
 * @param count how many estates
 * @param toLngLat metres → WGS-84
 * @returns the estates, ids e1, e2, …
 */
export function makeCityEstates(
  rand: Rand,
  streets: CityStreets,
  count: number,
  toLngLat: ToLngLat,
): Estate[] {
  const estates: Estate[] = [];
  for (let n = 0; n < count; n++) {
    const [x, y] = blockPoint(rand, streets);
    const status: EstateStatus = rand() < 0.15 ? 'new' : 'existing';
    const households = Math.round(between(rand, 200, 2600) / 10) * 10;
    const required = ((status === 'new' ? 30 : 20) * households) / 100;
    const elderly = rand() < 0.6 ? Math.round(required * between(rand, 0.4, 1.6)) : null;
    const nursery = rand() < 0.5 ? Math.round((households * 3 * 10 * between(rand, 0.4, 1.5)) / 1000) : null;
    estates.push({
      id: `e${n + 1}`,
      row: n + 1,
      name: `${pick(rand, ESTATE_A)}${pick(rand, ESTATE_B)}${n + 1}`,
      location: toLngLat(x, y),
      geometry: null,
      households,
      residents: null,
      status,
      elderlyCareFloorArea: elderly,
      elderlyCareFacilityAreas: elderly === null ? null : [elderly],
      nurseryPlaces: nursery,
      childcareFloorArea: null,
      district: districtOf(streets, x, y),
      properties: {},
    });
  }
  return estates;
}

type Capacity = Facility['capacity'];

/** Kind, label written in 类型 (read back by parseFacilityKind), share of the facilities, capacity. */
const FACILITY_SPEC: [FacilityKind, string, number, (rand: Rand) => Capacity][] = [
  ['elderly-daycare', '日间照料中心', 0.25, (r) => cap(null, null, between(r, 380, 750))],
  ['elderly-station', '养老服务站', 0.3, (r) => cap(null, null, between(r, 150, 320))],
  ['elderly-home', '养老院', 0.08, (r) => cap(null, between(r, 200, 320), between(r, 7000, 9000))],
  ['nursery', '托育中心', 0.22, (r) => cap(between(r, 40, 120), null, between(r, 400, 900))],
  ['kindergarten-nursery', '幼儿园托班', 0.15, (r) => cap(between(r, 20, 45), null, null)],
];

function cap(places: number | null, beds: number | null, floorArea: number | null): Capacity {
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return { places: round(places), beds: round(beds), floorArea: round(floorArea) };
}

/** The 类型 text written for a kind. */
export const facilityKindLabel = (kind: FacilityKind): string => FACILITY_SPEC.find(([k]) => k === kind)![1];

/**
 * Care facilities of every kind, spread over the city's blocks.
 * @param rand seeded generator
 * @param streets the city
 * @param count how many facilities in all (shared among the kinds)
 * @param toLngLat metres → WGS-84
 * @returns the facilities, ids f1, f2, …, all existing
 */
export function makeCityFacilities(
  rand: Rand,
  streets: CityStreets,
  count: number,
  toLngLat: ToLngLat,
): Facility[] {
  const facilities: Facility[] = [];
  let made = 0;
  FACILITY_SPEC.forEach(([kind, label, share, capacity], k) => {
    const n = k === FACILITY_SPEC.length - 1 ? count - made : Math.round(count * share);
    for (let m = 0; m < n; m++) {
      const [x, y] = blockPoint(rand, streets);
      made++;
      facilities.push({
        id: `f${made}`,
        row: made,
        name: `${pick(rand, COL_NAMES)}${label}${m + 1}`,
        kind,
        location: toLngLat(x, y),
        status: 'existing',
        capacity: capacity(rand),
        properties: {},
      });
    }
  });
  return facilities;
}
