import type { SessionState } from './session-state';

/** A facility whose catchment holds an estate: it serves it (and counts it in its 2SFCA load). */
export interface ServingFacility {
  facilityId: string;
  /** Walking distance, access legs included (straight-line distance in straight-line mode). */
  distanceM: number;
  /** distanceM at the session's walking speed. */
  minutes: number;
  /** Demand on the facility against its capacity (2SFCA), null when its capacity is unknown. */
  load: number | null;
}

/**
 * The facilities that serve estate i: those within the service distance, nearest first (ties in
 * facility order).
 * @param s the session state
 * @param i the estate's index
 * @returns one entry per serving facility; empty when none is within reach
 */
export function servedBy(s: SessionState, i: number): ServingFacility[] {
  const out: ServingFacility[] = [];
  for (const k of s.fca.reaching(i)) {
    const slot = s.slots[k]!;
    const catchment = s.fca.catchments[k];
    if (!slot.alive || !catchment) continue;
    const at = binarySearch(catchment.estates, i);
    if (at < 0) continue;
    const distanceM = catchment.distanceM[at]!;
    out.push({
      facilityId: slot.facility.id,
      distanceM,
      minutes: distanceM / s.parameters.speedMps / 60,
      load: s.fca.load[k] ?? null,
    });
  }
  // reaching() is in facility order and the sort is stable: equal distances stay in that order.
  return out.sort((a, b) => a.distanceM - b.distanceM);
}

/** Index of `value` in an ascending array, −1 when absent. */
function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
