import { residentsOf } from './demand';
import { isCovered, isUnderserved, type SessionState } from './session-state';
import type { EstateCoverage, FacilityCoverage } from './types';

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
    // Off the network, or reached only by facilities of unknown capacity, nothing is known: null, not zero.
    supplyDemandRatio:
      p.capacity === null || reason !== null || !s.fca.knowsSupply(i) ? null : s.fca.access[i]!,
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
    estatesServed: s.catchments ? (catchment?.estates.length ?? 0) : null,
    householdsServed: s.catchments ? households : null,
    demand: capacityOn ? (s.fca.demandSum[j] ?? 0) : null,
    load: s.fca.load[j] ?? null,
    supplyRatio: s.fca.supplyRatio[j] ?? null,
  };
}
