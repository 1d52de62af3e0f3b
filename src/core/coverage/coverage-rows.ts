import type { Estate } from '../model/estate';
import { residentsOf } from './demand';
import type { EstatePlacements } from './estate-placements';
import type { FacilitySlot, ReachEngine } from './reach-engine';
import type { TwoStepFca } from './two-step-fca';
import type { CoverageParameters, CoverageSummary, EstateCoverage, FacilityCoverage } from './types';

/** Everything a coverage session holds; rows and the summary are read from it. */
export interface SessionState {
  parameters: CoverageParameters;
  estates: readonly Estate[];
  /** Null in straight-line mode. */
  placements: EstatePlacements | null;
  slots: FacilitySlot[];
  engine: ReachEngine;
  fca: TwoStepFca;
  /** Demand per estate in the capacity unit, NaN when unknown or without capacity options. */
  demand: Float64Array;
}

/** True when estate i's nearest facility is within the service distance. */
export function isCovered(s: SessionState, i: number): boolean {
  return s.engine.nearestSlot[i]! >= 0 && s.engine.nearestM[i]! <= s.parameters.thresholdM;
}

/** True when estate i has a location and (network mode) is attached to the network. */
export function isPlaced(s: SessionState, i: number): boolean {
  return s.placements ? s.placements.reason[i] === null : s.estates[i]!.location !== null;
}

/**
 * On the network and not covered, or (with capacity) covered only by facilities known to be over
 * capacity. An estate off the network is not called underserved: nothing is known about it (it is
 * counted in `estatesOffNetwork` instead, so an extract's outside does not swamp the answer).
 */
export function isUnderserved(s: SessionState, i: number): boolean {
  if (!isPlaced(s, i)) return false;
  if (!isCovered(s, i)) return true;
  return s.parameters.capacity !== null && s.fca.onlyOverloaded(i);
}

/**
 * One estate's serialisable row.
 * @param s the session state
 * @param i the estate's index
 * @returns the row
 */
export function estateRow(s: SessionState, i: number): EstateCoverage {
  const e = s.estates[i]!;
  const p = s.parameters;
  const reason = s.placements ? s.placements.reason[i]! : e.location === null ? 'no-location' : null;
  const slot = s.engine.nearestSlot[i]!;
  const reached = slot >= 0;
  const distanceM = reached ? s.engine.nearestM[i]! : null;
  const network = p.mode === 'network' && reached;
  const snapM = s.placements && reason === null ? s.placements.accessM[i]! : null;
  const d = s.demand[i]!;
  return {
    id: e.id,
    name: e.name,
    households: e.households,
    residents: residentsOf(e, p.personsPerHousehold),
    nearestFacility: reached ? s.slots[slot]!.facility.id : null,
    networkM: network ? s.engine.nearestNetworkM[i]! : null,
    accessM: network ? snapM! + s.slots[slot]!.place!.accessM : null,
    distanceM,
    minutes: distanceM === null ? null : distanceM / p.speedMps / 60,
    covered: isCovered(s, i),
    offNetwork: reason !== null,
    reason,
    snapM,
    demand: p.capacity === null || Number.isNaN(d) ? null : d,
    supplyDemandRatio: p.capacity === null ? null : s.fca.access[i]!,
    underserved: isUnderserved(s, i),
  };
}

/**
 * One facility's serialisable row.
 * @param s the session state
 * @param j the facility's slot
 * @returns the row
 */
export function facilityRow(s: SessionState, j: number): FacilityCoverage {
  const slot = s.slots[j]!;
  const f = slot.facility;
  const offNetwork = slot.place !== null && slot.place.offNetwork;
  const catchment = s.fca.catchments[j] ?? null;
  let households = 0;
  for (const i of catchment?.estates ?? []) households += s.estates[i]!.households ?? 0;
  const capacityOn = s.parameters.capacity !== null;
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    offNetwork,
    snapM: slot.place !== null && !offNetwork ? slot.place.accessM : null,
    capacity: slot.capacity,
    estatesServed: catchment?.estates.length ?? 0,
    householdsServed: households,
    demand: capacityOn ? (s.fca.demandSum[j] ?? 0) : null,
    load: s.fca.load[j] ?? null,
    supplyRatio: s.fca.supplyRatio[j] ?? null,
  };
}

/**
 * Totals over estates and live facilities, straight from the session's arrays (no row objects).
 * @param s the session state
 * @returns the summary
 */
export function summarise(s: SessionState): CoverageSummary {
  const capacityOn = s.parameters.capacity !== null;
  const t = {
    estatesCovered: 0,
    estatesOffNetwork: 0,
    estatesUnderserved: 0,
    households: 0,
    householdsCovered: 0,
    residents: 0,
    residentsCovered: 0,
    householdsUnderserved: 0,
    residentsUnderserved: 0,
    estatesWithoutHouseholds: 0,
    householdsOffNetwork: 0,
    demand: 0,
    demandUnmet: 0,
  };
  s.estates.forEach((e, i) => {
    const h = e.households ?? 0;
    const r = residentsOf(e, s.parameters.personsPerHousehold);
    if (r === null) t.estatesWithoutHouseholds++;
    const covered = isCovered(s, i);
    const under = isUnderserved(s, i);
    t.households += h;
    t.residents += r ?? 0;
    if (!isPlaced(s, i)) {
      t.estatesOffNetwork++;
      t.householdsOffNetwork += h;
      return;
    }
    if (covered) {
      t.estatesCovered++;
      t.householdsCovered += h;
      t.residentsCovered += r ?? 0;
    }
    if (under) {
      t.estatesUnderserved++;
      t.householdsUnderserved += h;
      t.residentsUnderserved += r ?? 0;
    }
    const d = s.demand[i]!;
    if (!Number.isNaN(d)) {
      t.demand += d;
      t.demandUnmet += d * Math.max(0, 1 - s.fca.access[i]!);
    }
  });
  const placedHouseholds = t.households - t.householdsOffNetwork;
  let facilities = 0;
  let offNetwork = 0;
  let over = 0;
  let unknown = 0;
  let capacity = 0;
  s.slots.forEach((slot, j) => {
    if (!slot.alive) return;
    facilities++;
    if (slot.place?.offNetwork) offNetwork++;
    if ((s.fca.load[j] ?? 0) > 1) over++;
    if (capacityOn && slot.capacity === null) unknown++;
    capacity += slot.capacity ?? 0;
  });
  return {
    estates: s.estates.length,
    estatesCovered: t.estatesCovered,
    estatesOffNetwork: t.estatesOffNetwork,
    estatesUnderserved: t.estatesUnderserved,
    households: t.households,
    householdsCovered: t.householdsCovered,
    householdsOffNetwork: t.householdsOffNetwork,
    pctCovered: placedHouseholds > 0 ? (100 * t.householdsCovered) / placedHouseholds : null,
    residents: t.residents,
    residentsCovered: t.residentsCovered,
    householdsUnderserved: t.householdsUnderserved,
    residentsUnderserved: t.residentsUnderserved,
    estatesWithoutHouseholds: t.estatesWithoutHouseholds,
    facilities,
    facilitiesOffNetwork: offNetwork,
    facilitiesOverCapacity: over,
    facilitiesCapacityUnknown: unknown,
    demand: capacityOn ? t.demand : null,
    capacity: capacityOn ? capacity : null,
    demandUnmet: capacityOn ? t.demandUnmet : null,
  };
}
