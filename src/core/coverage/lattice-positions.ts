import type { Position } from 'geojson';
import type { LocalFrame } from './local-frame';
import type { RingSet } from './ring-set';

/**
 * Turns rings in doubled lattice coordinates (see ContourTracer) into GeoJSON positions for one facility's
 * raster. Longitude depends on x only and latitude on y only, so both come from per-column and per-row
 * tables filled once per facility instead of being computed per vertex. Coordinates are rounded to 1e-7°
 * (about 1 cm; the cells are 25 m).
 *
 * A lattice vertex becomes one Position array shared by every ring of the facility that passes through
 * it (a ring's closing position is its first one; the 10- and 15-minute outlines share the stretches
 * where they coincide): building a few hundred thousand small arrays is what dominates the cost of the
 * GeoJSON, and sharing saves about a third of them. The output is meant to be read, not edited in place.
 */
export class LatticePositions {
  private lng = new Float64Array(0);
  private lat = new Float64Array(0);
  /** Row length of the vertex lattice (2 × size + 1). */
  private width = 0;
  /**
   * Per lattice vertex, where its position was first written: ring `inRing` (-1: not yet) of this
   * facility, slot `atSlot`. (Indices into the output itself rather than a long-lived array of positions:
   * storing each new position in an old array would cost the garbage collector a remembered pointer.)
   */
  private inRing = new Int32Array(0);
  private atSlot = new Int32Array(0);
  private rings: Position[][] = [];
  private keys = new Int32Array(1024);
  private keyCount = 0;

  /**
   * Fills the tables for a raster and forgets the previous facility's positions.
   * @param size the raster's lattice points per side
   * @param half its centre index (lattice point (half, half) is the frame's origin)
   * @param cellM its cell size, metres
   * @param frame the facility's local frame
   */
  reset(size: number, half: number, cellM: number, frame: LocalFrame): void {
    const n = 2 * size + 1;
    for (let k = 0; k < this.keyCount; k++) this.inRing[this.keys[k]!] = -1;
    this.keyCount = 0;
    this.rings = [];
    if (this.width !== n) {
      this.width = n;
      this.lng = new Float64Array(n);
      this.lat = new Float64Array(n);
      this.inRing = new Int32Array(n * n).fill(-1);
      this.atSlot = new Int32Array(n * n);
    }
    const s = cellM / 2;
    const offset = half * cellM;
    const kx = 1 / frame.mPerLng;
    const ky = 1 / frame.mPerLat;
    for (let v = 0; v < n; v++) {
      this.lng[v] = round7(frame.lng0 + (v * s - offset) * kx);
      this.lat[v] = round7(frame.lat0 + (v * s - offset) * ky);
    }
  }

  /**
   * @param set traced rings
   * @param r ring index
   * @returns the ring as WGS-84 positions, closed (the last position is the first one)
   */
  ring(set: RingSet, r: number): Position[] {
    const { xy } = set;
    const { lng, lat, inRing, atSlot, rings, width } = this;
    const from = set.start[r]!;
    const out = new Array<Position>((set.end[r]! - from) >> 1);
    const self = rings.length;
    rings.push(out);
    for (let k = 0, q = from; k < out.length; k++, q += 2) {
      const x = xy[q]!;
      const y = xy[q + 1]!;
      const key = y * width + x;
      const seen = inRing[key]!;
      if (seen >= 0) out[k] = rings[seen]![atSlot[key]!]!;
      else {
        out[k] = [lng[x]!, lat[y]!];
        inRing[key] = self;
        atSlot[key] = k;
        if (this.keyCount === this.keys.length) this.grow();
        this.keys[this.keyCount++] = key;
      }
    }
    return out;
  }

  private grow(): void {
    const keys = new Int32Array(2 * this.keys.length);
    keys.set(this.keys);
    this.keys = keys;
  }
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
