/**
 * Coverage scenarios on the w1 workload (tests/bench/w1-workload.ts, read-only here): the same 675 compounds and 200
 * facility nodes, turned into Estates and Facilities so that the coverage API runs on them. Used by the
 * coverage benchmark and the Shanghai tests.
 */
import { lngLat } from '../../../src/core/geo/units';
import type { Estate, Facility } from '../../../src/core/model';
import { mulberry32, type W1Workload } from '../../bench/w1-workload';

/** The w1 compounds as estates (WGS-84 already), in w1 order. */
export function w1Estates(w: W1Workload): Estate[] {
  return w.compounds.map((c, i) => ({
    id: `c${i}`,
    row: i + 1,
    name: c.name,
    location: lngLat(c.lng, c.lat),
    geometry: null,
    households: c.households,
    residents: null,
    status: 'existing',
    elderlyCareFloorArea: null,
    elderlyCareFacilityAreas: null,
    nurseryPlaces: null,
    childcareFloorArea: null,
    district: null,
    properties: {},
  }));
}

/**
 * Nurseries at the w1 facility nodes (exactly on the node, so node snapping lands on it), with
 * 20–120 places drawn by mulberry32(seed) — a plausible spread for 托育机构.
 */
export function w1Facilities(w: W1Workload, seed = 1): Facility[] {
  const next = mulberry32(seed);
  return Array.from(w.facilityNodes, (node, k) => ({
    id: `f${k}`,
    row: k + 1,
    name: `facility ${k}`,
    kind: 'nursery' as const,
    location: lngLat(w.graph.coords[2 * node]!, w.graph.coords[2 * node + 1]!),
    status: 'existing' as const,
    capacity: { places: 20 + (next() % 101), beds: null, floorArea: null },
    properties: {},
  }));
}

/** A facility node's coordinates nudged by a few tens of metres, so edge snapping has real access legs. */
export function nudged(f: Facility, next: () => number): Facility {
  const dx = ((next() % 1000) / 1000 - 0.5) * 6e-4;
  const dy = ((next() % 1000) / 1000 - 0.5) * 6e-4;
  return { ...f, location: lngLat(f.location[0] + dx, f.location[1] + dy) };
}
