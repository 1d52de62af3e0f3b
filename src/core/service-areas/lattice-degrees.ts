import type { LocalFrame } from '../geo/local-frame';

/**
 * WGS-84 degrees of a facility raster's contour lattice (doubled lattice coordinates, see ContourTracer):
 * longitude depends on x only and latitude on y only, so both come from a column and a row table filled
 * once per facility instead of being computed per vertex. Values are rounded to 1e-7° (about 1 cm; the
 * cells are 25 m), which keeps files short and the output identical across runs and platforms.
 */
export class LatticeDegrees {
  /** Longitude of doubled lattice column x, latitude of doubled lattice row y. */
  lng = new Float64Array(0);
  lat = new Float64Array(0);

  /**
   * Fills the tables for a raster.
   * @param size the raster's lattice points per side
   * @param half its centre index (lattice point (half, half) is the frame's origin)
   * @param cellM its cell size, metres
   * @param frame the facility's local frame
   */
  reset(size: number, half: number, cellM: number, frame: LocalFrame): void {
    const n = 2 * size + 1;
    if (this.lng.length !== n) {
      this.lng = new Float64Array(n);
      this.lat = new Float64Array(n);
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
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
