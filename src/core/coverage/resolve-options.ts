import type { Facility, FacilityKind } from '../model/facility';
import { careCategoryOf } from '../model/facility';
import type { CapacityOptions, CoverageInput, CoverageParameters } from './types';

/** Issue #3: `--max-snap` defaults to 500 m. */
export const DEFAULT_MAX_SNAP_M = 500;
/** Demand cells of 250 m: a few blocks, about one neighbourhood committee's reach in central Shanghai. */
const DEFAULT_ZONE_CELL_M = 250;
const DEFAULT_ZONE_BLOCK_M = 2000;

/** The unit each capacity field is counted in (also the siting proposal's demand unit). */
export const CAPACITY_UNIT: Record<CapacityOptions['field'], string> = {
  places: 'places',
  beds: 'beds',
  floorArea: 'm²',
};

const positive = (name: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`coverage options: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
};

/**
 * Checks the options and fills the defaults; every number used appears in the result's `parameters`.
 * @param input the coverage input
 * @returns the parameters the computation runs with
 * @example resolveParameters({ estates, facilities, network: null, options }).thresholdM
 */
export function resolveParameters(input: CoverageInput): CoverageParameters {
  const o = input.options;
  const mode = input.network === null ? 'straight-line' : (o.mode ?? 'network');
  if (o.mode === 'network' && input.network === null) {
    throw new Error('coverage options: mode "network" needs a network; give one or use mode "straight-line"');
  }
  const minutes = positive('minutes', o.minutes);
  const speedMps = positive('speedMps', o.speedMps);
  const capacity = o.capacity ?? null;
  if (capacity !== null) {
    if (!(capacity.field in CAPACITY_UNIT)) {
      throw new Error(
        `coverage options: capacity.field must be places, beds or floorArea, got ${capacity.field}`,
      );
    }
    if ((capacity.perResident === undefined) === (capacity.perHousehold === undefined)) {
      throw new Error('coverage options: capacity needs exactly one of perResident or perHousehold');
    }
    positive(
      capacity.perResident === undefined ? 'capacity.perHousehold' : 'capacity.perResident',
      capacity.perResident ?? capacity.perHousehold,
    );
  }
  const used = selectFacilities(input.facilities, o.kinds);
  const kinds = [...new Set(used.map((f) => f.kind))].sort();
  if (capacity !== null && new Set(kinds.map(careCategoryOf)).size > 1) {
    throw new Error(
      `coverage options: capacity-aware coverage needs facilities of one care category, got ${kinds.join(', ')}; ` +
        'pass options.kinds',
    );
  }
  return {
    mode,
    snap: mode === 'network' ? (o.snap ?? 'edge') : null,
    maxSnapM: mode === 'network' ? positive('maxSnapM', o.maxSnapM ?? DEFAULT_MAX_SNAP_M) : null,
    minutes,
    speedMps,
    thresholdM: minutes * 60 * speedMps,
    personsPerHousehold: positive('personsPerHousehold', o.personsPerHousehold),
    kinds: o.kinds ? [...o.kinds].sort() : kinds,
    capacity,
    capacityUnit: capacity === null ? null : CAPACITY_UNIT[capacity.field],
    zoneCellM: positive('zoneCellM', o.zoneCellM ?? DEFAULT_ZONE_CELL_M),
    zoneBlockM: positive('zoneBlockM', o.zoneBlockM ?? DEFAULT_ZONE_BLOCK_M),
  };
}

/**
 * The facilities that take part, in input order, with a clear error on a duplicate id or a bad location.
 * @param facilities all facilities
 * @param kinds the kinds to keep (all when absent)
 * @returns the facilities used
 */
export function selectFacilities(
  facilities: readonly Facility[],
  kinds?: readonly FacilityKind[],
): Facility[] {
  const ids = new Set<string>();
  const out: Facility[] = [];
  for (const f of facilities) {
    if (kinds && !kinds.includes(f.kind)) continue;
    checkFacility(f);
    if (ids.has(f.id)) throw new Error(`facility row ${f.row}: duplicate facility id "${f.id}"`);
    ids.add(f.id);
    out.push(f);
  }
  return out;
}

/** Throws when a facility's location is not a finite WGS-84 longitude/latitude. */
export function checkFacility(f: Facility): void {
  const [lng, lat] = f.location;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw new Error(
      `facility "${f.id}" (row ${f.row}): location must be WGS-84 [lng, lat], got [${lng}, ${lat}]`,
    );
  }
}
