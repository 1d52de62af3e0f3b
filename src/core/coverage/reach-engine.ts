import type { Facility } from '../model/facility';
import type { SnappedPoint } from '../model/network';

/** A facility in the session: slots are stable, so the slot order is the tie-break order. */
export interface FacilitySlot {
  facility: Facility;
  alive: boolean;
  /** Attachment to the network, normalised so nodeA ≤ nodeB; null in straight-line mode. */
  place: SnappedPoint | null;
  /** In the chosen capacity field; null when unknown or without capacity options. */
  capacity: number | null;
}

/** A facility's catchment: the estates within the service distance, ascending, with their distances. */
export interface Catchment {
  estates: Int32Array;
  distanceM: Float64Array;
}

/**
 * Distances between estates and facilities, network or straight-line. An engine owns each estate's
 * nearest facility and keeps it exact under single-facility edits.
 */
export interface ReachEngine {
  /** Nearest live slot per estate, −1 when none is reachable. */
  readonly nearestSlot: Int32Array;
  /** Total distance (access legs included) to the nearest slot; Infinity when none. */
  readonly nearestM: Float64Array;
  /** Network part of nearestM (NaN in straight-line mode). */
  readonly nearestNetworkM: Float64Array;
  /** Starts serving a slot (already alive with its place set); adds estates whose nearest may change. */
  add(slot: number, affected: IndexSet): void;
  /** Stops serving a slot (still holding its old place); adds estates whose nearest may change. */
  remove(slot: number, affected: IndexSet): void;
  /** Estates within limitM of the slot. */
  catchment(slot: number, limitM: number): Catchment;
}

/** A set of small integers with O(1) insert and a stable listing, reused between edits. */
export class IndexSet {
  private readonly stamp: Uint8Array;
  private items: number[] = [];

  constructor(size: number) {
    this.stamp = new Uint8Array(size);
  }

  add(i: number): void {
    if (this.stamp[i] === 1) return;
    this.stamp[i] = 1;
    this.items.push(i);
  }

  /** The members in ascending order; empties the set. */
  drain(): number[] {
    const out = this.items.sort((a, b) => a - b);
    for (const i of out) this.stamp[i] = 0;
    this.items = [];
    return out;
  }
}
