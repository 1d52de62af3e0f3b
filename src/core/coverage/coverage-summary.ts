import { residentsOf } from './demand';
import { isCovered, isPlaced, isUnderserved, type SessionState } from './session-state';
import type { CoverageSummary } from './types';

/**
 * Per-estate figures the summary adds up, in typed arrays: households and residents (fixed for the
 * session) and the placed / covered / underserved flags, which an edit refreshes for the estates it
 * changed. The sums run over the arrays in estate order, so they equal a full recount to the last bit.
 */
export class SummaryFigures {
  readonly households: Float64Array;
  /** NaN when unknown. */
  readonly residents: Float64Array;
  readonly placed: Uint8Array;
  readonly covered: Uint8Array;
  readonly underserved: Uint8Array;

  constructor(private readonly s: SessionState) {
    const n = s.estates.length;
    this.households = new Float64Array(n);
    this.residents = new Float64Array(n);
    this.placed = new Uint8Array(n);
    this.covered = new Uint8Array(n);
    this.underserved = new Uint8Array(n);
    s.estates.forEach((e, i) => {
      this.households[i] = e.households ?? 0;
      this.residents[i] = residentsOf(e, s.parameters.personsPerHousehold) ?? NaN;
      this.placed[i] = isPlaced(s, i) ? 1 : 0;
      this.refresh(i);
    });
  }

  /** Re-reads estate i's covered and underserved flags (after an edit changed it). */
  refresh(i: number): void {
    this.covered[i] = isCovered(this.s, i) ? 1 : 0;
    this.underserved[i] = isUnderserved(this.s, i) ? 1 : 0;
  }
}

/**
 * Totals over estates and live facilities, straight from the session's arrays (no row objects).
 * @param s the session state
 * @param f the per-estate figures, up to date for every estate
 * @returns the summary
 */
export function summarise(s: SessionState, f: SummaryFigures): CoverageSummary {
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
  const { households, residents, placed, covered, underserved } = f;
  const { demand } = s;
  const access = s.fca.access;
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    const known = residents[i]!;
    const r = Number.isNaN(known) ? 0 : known;
    if (Number.isNaN(known)) t.estatesWithoutHouseholds++;
    t.households += h;
    t.residents += r;
    if (placed[i] === 0) {
      t.estatesOffNetwork++;
      t.householdsOffNetwork += h;
      continue;
    }
    if (covered[i] === 1) {
      t.estatesCovered++;
      t.householdsCovered += h;
      t.residentsCovered += r;
    }
    if (underserved[i] === 1) {
      t.estatesUnderserved++;
      t.householdsUnderserved += h;
      t.residentsUnderserved += r;
    }
    const d = demand[i]!;
    if (!Number.isNaN(d)) {
      t.demand += d;
      t.demandUnmet += d * Math.max(0, 1 - access[i]!);
    }
  }
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
