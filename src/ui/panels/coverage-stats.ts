/** Figures the coverage panel shows, computed from one kind's coverage rows (pure, tested). */
import type { KindCoverage } from '../../store/types';

/** Walking-minute classes of the histogram: upper bounds, then “beyond” and “unreachable”. */
export const HISTOGRAM_BOUNDS = [5, 10, 15, 20, 30] as const;

export interface HistogramBin {
  /** Lower and upper bound in minutes; upper null for the last open class; both null for unreachable. */
  from: number | null;
  to: number | null;
  households: number;
  estates: number;
}

/**
 * Households by walking minutes to the nearest facility.
 * @param rows one kind's estate rows
 * @returns bins [0,5) [5,10) … [30, ∞) and a last bin for estates that reach none (or are off the network)
 */
export function minutesHistogram(rows: KindCoverage['estates']): HistogramBin[] {
  const bins: HistogramBin[] = [];
  let from = 0;
  for (const to of HISTOGRAM_BOUNDS) {
    bins.push({ from, to, households: 0, estates: 0 });
    from = to;
  }
  bins.push({ from, to: null, households: 0, estates: 0 });
  const none: HistogramBin = { from: null, to: null, households: 0, estates: 0 };
  for (const r of rows) {
    const bin =
      r.minutes === null
        ? none
        : (bins[HISTOGRAM_BOUNDS.findIndex((b) => r.minutes! < b)] ?? bins[bins.length - 1]!);
    bin.households += r.households ?? 0;
    bin.estates++;
  }
  return [...bins, none];
}

export interface Deficit {
  id: string;
  households: number | null;
  minutes: number | null;
  covered: boolean;
  /** Demand not met, in the capacity unit: demand × max(0, 1 − supply/demand ratio); null when demand is unknown. */
  missing: number | null;
}

/**
 * Underserved estates, largest unmet demand first (unknown demand last, then by households).
 * @param rows one kind's estate rows
 */
export function underservedByDeficit(rows: KindCoverage['estates']): Deficit[] {
  return rows
    .filter((r) => r.underserved)
    .map((r) => ({
      id: r.id,
      households: r.households,
      minutes: r.minutes,
      covered: r.covered,
      missing:
        r.demand === null ? null : r.demand * Math.max(0, 1 - (r.covered ? (r.supplyDemandRatio ?? 0) : 0)),
    }))
    .sort((a, b) => (b.missing ?? -1) - (a.missing ?? -1) || (b.households ?? 0) - (a.households ?? 0));
}

/** Coverage of all households and of those on the network, and who is off it and why (issue #12). */
export interface NetworkShare {
  households: number;
  householdsCovered: number;
  /** Covered share of all households, % (null when there are none). */
  pctOfAll: number | null;
  /** Households of estates on the network. */
  householdsOnNetwork: number;
  /** Covered share of the households on the network, % (the core's pctCovered). */
  pctOnNetwork: number | null;
  estatesOff: number;
  householdsOff: number;
  /** Of those off the network, the ones beyond the network's extent (the streets end before them). */
  estatesBeyond: number;
  householdsBeyond: number;
}

/**
 * @param rows one kind's estate rows
 * @param locationOf an estate's WGS-84 location (null: none)
 * @param extent the network's [west, south, east, north], or null (no network, or unknown)
 * @returns the shares and counts; an estate without a location is off the network, never beyond it
 * @example networkShare(rows, (id) => byId.get(id)?.location ?? null, network.extent).pctOfAll
 */
export function networkShare(
  rows: KindCoverage['estates'],
  locationOf: (id: string) => readonly [number, number] | null,
  extent: readonly [number, number, number, number] | null,
): NetworkShare {
  let households = 0;
  let covered = 0;
  let estatesOff = 0;
  let householdsOff = 0;
  let estatesBeyond = 0;
  let householdsBeyond = 0;
  for (const r of rows) {
    const h = r.households ?? 0;
    households += h;
    if (r.covered) covered += h;
    if (!r.offNetwork) continue;
    estatesOff++;
    householdsOff += h;
    const at = extent ? locationOf(r.id) : null;
    if (at && extent && (at[0] < extent[0] || at[0] > extent[2] || at[1] < extent[1] || at[1] > extent[3])) {
      estatesBeyond++;
      householdsBeyond += h;
    }
  }
  const on = households - householdsOff;
  const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
  return {
    households,
    householdsCovered: covered,
    pctOfAll: pct(covered, households),
    householdsOnNetwork: on,
    pctOnNetwork: pct(covered, on),
    estatesOff,
    householdsOff,
    estatesBeyond,
    householdsBeyond,
  };
}
