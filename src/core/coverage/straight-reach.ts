import type { Estate } from '../model/estate';
import { haversineM } from '../network/haversine';
import type { Catchment, FacilitySlot, IndexSet, ReachEngine } from './reach-engine';

/**
 * Straight-line (great-circle) distances: the labelled fallback when no network is loaded. Adding a
 * facility compares it with every estate's current nearest; removing one rescans only the estates it
 * was nearest to. Both are O(estates), a few tens of microseconds for thousands of estates.
 */
export class StraightReach implements ReachEngine {
  readonly nearestSlot: Int32Array;
  readonly nearestM: Float64Array;
  readonly nearestNetworkM: Float64Array;

  constructor(
    private readonly estates: readonly Estate[],
    private readonly slots: readonly FacilitySlot[],
  ) {
    const n = estates.length;
    this.nearestSlot = new Int32Array(n).fill(-1);
    this.nearestM = new Float64Array(n).fill(Infinity);
    this.nearestNetworkM = new Float64Array(n).fill(NaN);
  }

  /** Labels every estate from all live slots. */
  build(): void {
    for (let k = 0; k < this.slots.length; k++) {
      if (this.slots[k]!.alive) this.offerSlot(k, null);
    }
  }

  add(slot: number, affected: IndexSet): void {
    this.offerSlot(slot, affected);
  }

  remove(slot: number, affected: IndexSet): void {
    for (let i = 0; i < this.estates.length; i++) {
      if (this.nearestSlot[i] !== slot) continue;
      affected.add(i);
      this.nearestSlot[i] = -1;
      this.nearestM[i] = Infinity;
      for (let k = 0; k < this.slots.length; k++) {
        if (k === slot || !this.slots[k]!.alive) continue;
        this.consider(i, this.distance(i, k), k);
      }
    }
  }

  catchment(slot: number, limitM: number): Catchment {
    const estates: number[] = [];
    const distances: number[] = [];
    for (let i = 0; i < this.estates.length; i++) {
      const d = this.distance(i, slot);
      if (d <= limitM) {
        estates.push(i);
        distances.push(d);
      }
    }
    return { estates: Int32Array.from(estates), distanceM: Float64Array.from(distances) };
  }

  private offerSlot(slot: number, affected: IndexSet | null): void {
    for (let i = 0; i < this.estates.length; i++) {
      if (this.consider(i, this.distance(i, slot), slot)) affected?.add(i);
    }
  }

  private consider(i: number, d: number, slot: number): boolean {
    const cur = this.nearestM[i]!;
    if (!(d < cur || (d === cur && d < Infinity && slot < this.nearestSlot[i]!))) return false;
    this.nearestM[i] = d;
    this.nearestSlot[i] = slot;
    return true;
  }

  private distance(i: number, slot: number): number {
    const at = this.estates[i]!.location;
    if (at === null) return Infinity;
    const f = this.slots[slot]!.facility.location;
    return haversineM(at[0], at[1], f[0], f[1]);
  }
}
