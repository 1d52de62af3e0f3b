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
  /** Row length of the vertex lattice (2 × size + 1), and per vertex its position's slot in `made`. */
  private width = 0;
  private slot = new Int32Array(0);
  private made: (Position | undefined)[] = [];
  private madeCount = 0;
  private keys = new Int32Array(1024);

  /**
   * Fills the tables for a raster and forgets the previous facility's positions.
   * @param size the raster's lattice points per side
   * @param half its centre index (lattice point (half, half) is the frame's origin)
   * @param cellM its cell size, metres
   * @param frame the facility's local frame
   */
  reset(size: number, half: number, cellM: number, frame: LocalFrame): void {
    const n = 2 * size + 1;
    for (let k = 0; k < this.madeCount; k++) this.slot[this.keys[k]!] = -1;
    // Only the references go; the arrays keep their capacity for the next facility.
    this.made.fill(undefined, 0, this.madeCount);
    this.madeCount = 0;
    if (this.width !== n) {
      this.width = n;
      this.lng = new Float64Array(n);
      this.lat = new Float64Array(n);
      this.slot = new Int32Array(n * n).fill(-1);
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
    const { lng, lat, slot, made, width } = this;
    const from = set.start[r]!;
    const out = new Array<Position>((set.end[r]! - from) >> 1);
    for (let k = 0, q = from; k < out.length; k++, q += 2) {
      const x = xy[q]!;
      const y = xy[q + 1]!;
      const key = y * width + x;
      const at = slot[key]!;
      if (at >= 0) out[k] = made[at]!;
      else {
        const pos = [lng[x]!, lat[y]!];
        const n = this.madeCount++;
        if (n === this.keys.length) this.grow();
        slot[key] = n;
        made[n] = pos;
        this.keys[n] = key;
        out[k] = pos;
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
