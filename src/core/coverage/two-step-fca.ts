import type { Catchment } from './reach-engine';

/**
 * Capacity-aware allocation by the two-step floating catchment area method (2SFCA; W. Luo and F. Wang,
 * "Measures of spatial accessibility to health care in a GIS environment", Environment and Planning B
 * 30(6), 2003, 865–884), with demand already expressed in the capacity's unit:
 *
 *   step 1, per facility j:  D_j = Σ_{i: d_ij ≤ d0} demand_i,  R_j = capacity_j / D_j,  load_j = D_j / capacity_j
 *   step 2, per estate i:    A_i = Σ_{j: d_ij ≤ d0} R_j
 *
 * d0 is the service distance (minutes × 60 × speed). A_i is supply per unit of demand: 1 means the
 * facilities within reach could, shared with everyone else within their reach, just meet the estate's
 * demand; Σ_i A_i × demand_i = Σ_j capacity_j over facilities with demand in reach (nothing is lost).
 * Facilities whose capacity is unknown get no R_j (they add nothing to A_i) and no load.
 *
 * The catchments are kept per facility, so a what-if edit of facility j only redoes D_j, R_j and the
 * A_i of the estates in j's old and new catchments; A_i is always re-summed in ascending facility order,
 * so an incremental update gives exactly the numbers a full recompute gives.
 */
const NONE: readonly number[] = [];

export class TwoStepFca {
  readonly catchments: (Catchment | null)[] = [];
  readonly capacity: (number | null)[] = [];
  readonly demandSum: number[] = [];
  /** R_j; null when capacity is unknown or D_j = 0. */
  readonly supplyRatio: (number | null)[] = [];
  /** load_j; null when capacity is unknown. */
  readonly load: (number | null)[] = [];
  /** A_i per estate. */
  readonly access: Float64Array;
  /** The facilities whose catchment holds each estate, ascending (made on first use: most are empty). */
  private readonly reachedBy: (number[] | undefined)[];

  /**
   * @param demand demand per estate in the capacity unit (NaN when unknown: counted as 0)
   */
  constructor(private readonly demand: Float64Array) {
    this.access = new Float64Array(demand.length);
    this.reachedBy = new Array<number[] | undefined>(demand.length);
  }

  /** Facilities whose catchment holds estate i, ascending. */
  reaching(i: number): readonly number[] {
    return this.reachedBy[i] ?? NONE;
  }

  /**
   * Sets (or clears, with null) facility j's catchment and capacity; returns the estates whose A_i or
   * underserved status may have changed (old ∪ new catchment).
   */
  set(j: number, catchment: Catchment | null, capacity: number | null): number[] {
    const touched = new Set<number>();
    const old = this.catchments[j];
    if (old) {
      for (const i of old.estates) {
        const list = this.reachedBy[i]!;
        list.splice(list.indexOf(j), 1);
        touched.add(i);
      }
    }
    this.catchments[j] = catchment;
    this.capacity[j] = capacity;
    let sum = 0;
    if (catchment) {
      for (const i of catchment.estates) {
        const d = this.demand[i]!;
        if (!Number.isNaN(d)) sum += d;
        insertSorted((this.reachedBy[i] ??= []), j);
        touched.add(i);
      }
    }
    this.demandSum[j] = sum;
    this.supplyRatio[j] = capacity !== null && sum > 0 ? capacity / sum : null;
    this.load[j] = capacity !== null ? sum / capacity : null;
    const out = [...touched].sort((a, b) => a - b);
    for (const i of out) this.sumAccess(i);
    return out;
  }

  /** Sets the catchments of all facilities at once (ascending j), then A_i of every estate. */
  setAll(catchments: (Catchment | null)[], capacities: (number | null)[]): void {
    for (let j = 0; j < catchments.length; j++) {
      const c = catchments[j] ?? null;
      this.catchments[j] = c;
      this.capacity[j] = capacities[j] ?? null;
      let sum = 0;
      for (const i of c?.estates ?? []) {
        const d = this.demand[i]!;
        if (!Number.isNaN(d)) sum += d;
        (this.reachedBy[i] ??= []).push(j);
      }
      const cap = this.capacity[j] ?? null;
      this.demandSum[j] = sum;
      this.supplyRatio[j] = cap !== null && sum > 0 ? cap / sum : null;
      this.load[j] = cap !== null ? sum / cap : null;
    }
    for (let i = 0; i < this.access.length; i++) this.sumAccess(i);
  }

  /**
   * True when A_i says something: no facility reaches estate i (A_i = 0 is known), or at least one that
   * does has a known capacity. False when every facility reaching it has an unknown capacity.
   */
  knowsSupply(i: number): boolean {
    const list = this.reaching(i);
    return list.length === 0 || list.some((j) => this.capacity[j] !== null && this.capacity[j] !== undefined);
  }

  /** True when every facility reaching i is known to be over capacity (load > 1). */
  onlyOverloaded(i: number): boolean {
    const list = this.reaching(i);
    if (list.length === 0) return false;
    for (const j of list) {
      const l = this.load[j];
      if (l === null || l === undefined || l <= 1) return false;
    }
    return true;
  }

  private sumAccess(i: number): void {
    let a = 0;
    for (const j of this.reaching(i)) a += this.supplyRatio[j] ?? 0;
    this.access[i] = a;
  }
}

function insertSorted(list: number[], j: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > j) at--;
  list.splice(at, 0, j);
}
