import { residentsOf } from './demand';
import { isCovered, isPlaced, isUnderserved, type SessionState } from './session-state';
import type { CoverageSummary } from './types';

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
