/**
 * A square raster in a local metric frame centred on a facility; each lattice point ends up holding a
 * level: the index of the smallest service distance (of an ascending list) within which some street point
 * about `bufferM` away is reached, or the number of distances when none is. The area for distance k is
 * { points with level ≤ k }, so the areas drawn from one raster are nested by construction. (Levels are
 * monotone in walking distance, so taking the minimum level is the same as taking the minimum distance.)
 *
 * Two steps, both linear in the street length reached: the reached part of every segment is sampled once
 * per lattice column or row it crosses into a "street" layer (each sample keeps the level of the walking
 * distance at that exact point, so a partly reached segment is cut at its reachable fraction), then each
 * street point spreads its level to a small disk of lattice points (min-dilation). Contours drawn at edge
 * midpoints put the boundary half a cell beyond the last inside point, so the disk radius is
 * bufferM − cellM / 2: with the defaults (50 m, 25 m cells) a 3 × 3 block, and the band's edge lies about
 * bufferM from the street, give or take half a cell (37.5 m across an axis-aligned street, 53 m diagonally).
 *
 * Everything lives in typed arrays reused between facilities: the street layer is cleared through its
 * list of written points, the level layer through the rows it touched.
 */
/** Metres kept between a piece's distance range and a limit before one level is used for all its samples. */
const MARGIN_M = 1e-6;

/** Layout of the array `ReachRaster.segment` reads. */
export const SEG_PX = 0;
export const SEG_PY = 1;
export const SEG_QX = 2;
export const SEG_QY = 3;
export const SEG_TP = 4;
export const SEG_TQ = 5;
export const SEG_LENGTH = 6;

export class ReachRaster {
  /** Lattice points per side; point (i, j) is at x = (i − half) × cellM, y = (j − half) × cellM. */
  size = 0;
  half = 0;
  /** Level per lattice point, row-major size × size; `limits.length` = not reached. */
  levels = new Uint8Array(0);
  /** Rows holding points below `limits.length` (inclusive), and per row the columns that may. */
  j0 = 0;
  j1 = -1;
  rowMin = new Int32Array(0);
  rowMax = new Int32Array(0);
  /** Smallest level sampled at each lattice point (`none`: no street there). */
  private street = new Uint8Array(0);
  private streetCells = new Int32Array(1024);
  private streetCount = 0;
  /** Rows holding street points, and per row their columns (streetMin > streetMax: none). */
  private streetJ0 = 0;
  private streetJ1 = -1;
  private streetMin = new Int32Array(0);
  private streetMax = new Int32Array(0);
  /** Service distances, ascending, and their count (= the "not reached" level). */
  private limits = new Float64Array(0);
  private none = 0;
  private maxM = 0;
  /** The disk as (dx, dy) pairs, and as index offsets for the current size. */
  private readonly disk: number[] = [];
  private diskOffsets = new Int32Array(0);
  /** Sample spacing in cells: twice the disk's reach (1 when the disk is a single point). */
  private readonly stride: number;
  /** The disk's reach in cells. */
  private readonly reach: number;

  constructor(
    readonly cellM: number,
    readonly bufferM: number,
  ) {
    const r = Math.max(0, bufferM / cellM - 0.5);
    const reach = Math.floor(r + 1e-9);
    this.reach = reach;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) if (dx * dx + dy * dy <= r * r + 1e-9) this.disk.push(dx, dy);
    }
    // A disk with its corners (r ≥ √2·reach) closes gaps of 2·reach cells; a thinner one only reach.
    this.stride = reach === 0 ? 1 : r * r + 1e-9 >= 2 * reach * reach ? 2 * reach : reach;
  }

  /**
   * Clears the raster for a facility.
   * @param limits service distances, ascending, metres (at most 254)
   */
  reset(limits: readonly number[]): void {
    const none = limits.length;
    const maxM = limits[none - 1]!;
    // Two spare cells keep the outermost ring of points empty, so every contour closes inside the grid.
    const half = Math.ceil((maxM + this.bufferM) / this.cellM) + 2;
    const size = 2 * half + 1;
    const n = size * size;
    if (this.levels.length < n || size !== this.size || none !== this.none) {
      this.levels = new Uint8Array(n).fill(none);
      this.street = new Uint8Array(n).fill(none);
      this.rowMin = new Int32Array(size).fill(size);
      this.rowMax = new Int32Array(size).fill(-1);
      this.streetMin = new Int32Array(size).fill(size);
      this.streetMax = new Int32Array(size).fill(-1);
      this.diskOffsets = Int32Array.from({ length: this.disk.length / 2 }, (_, k) => {
        return this.disk[2 * k + 1]! * size + this.disk[2 * k]!;
      });
      this.j0 = size;
      this.j1 = -1;
      this.streetJ0 = size;
      this.streetJ1 = -1;
      this.streetCount = 0;
    } else {
      this.clear();
    }
    this.limits = Float64Array.from(limits);
    this.none = none;
    this.maxM = maxM;
    this.half = half;
    this.size = size;
  }

  /**
   * Samples the part of a segment P→Q reachable within the largest service distance. Walking distance at
   * fraction f along it is min(tP + f·L, tQ + (1 − f)·L): the segment can be entered from either end.
   * The segment comes in a small array rather than as arguments: hundreds of thousands of calls with
   * seven floating-point arguments would box each one on the heap.
   * @param s [px, py, qx, qy, tP, tQ, L]: P and Q in metres in the local frame, the walking distances at
   *   P and Q (Infinity when unreached) and the segment's walking length (the graph's length)
   */
  segment(s: Float64Array): void {
    const px = s[SEG_PX]!;
    const py = s[SEG_PY]!;
    const tP = s[SEG_TP]!;
    const tQ = s[SEG_TQ]!;
    const L = s[SEG_LENGTH]!;
    const maxM = this.maxM;
    const fP = tP <= maxM ? (L > 0 ? Math.min(1, (maxM - tP) / L) : 1) : -1;
    const fQ = tQ <= maxM ? (L > 0 ? Math.min(1, (maxM - tQ) / L) : 1) : -1;
    if (fP < 0 && fQ < 0) return;
    const c = this.cellM;
    const dx = (s[SEG_QX]! - px) / c;
    const dy = (s[SEG_QY]! - py) / c;
    const x0 = px / c + this.half + 0.5;
    const y0 = py / c + this.half + 0.5;
    const { limits, none } = this;
    const whole = fP >= 0 && fQ >= 0 && fP + fQ >= 1;
    // One piece from 0 to 1, or the reachable piece at either end.
    for (let piece = 0; piece < 2; piece++) {
      if (piece === 0 ? fP < 0 && !whole : fQ < 0 || whole) continue;
      const f0 = piece === 0 ? 0 : 1 - fQ;
      const f1 = piece === 0 ? (whole ? 1 : fP) : 1;
      // Samples `stride` columns or rows apart along the major axis (DDA): the dilation disk reaches
      // stride / 2 cells either way, so the band stays closed between samples.
      const steps = Math.max(1, Math.ceil(((f1 - f0) * Math.max(Math.abs(dx), Math.abs(dy))) / this.stride));
      const df = (f1 - f0) / steps;
      // Walking distance along the piece lies between its smaller end value and the apex of the tent
      // (tP + tQ + L) / 2.
      const low = Math.min(tP + f0 * L, tQ + (1 - f0) * L, tP + f1 * L, tQ + (1 - f1) * L);
      const high = Math.min((tP + tQ + L) / 2, tP + f1 * L, tQ + (1 - f0) * L);
      let v = 0;
      while (v < none && low > limits[v]!) v++;
      // Most pieces lie well inside one level band: one level for all samples. (The margin keeps
      // rounding in the per-sample distances from ever crossing a limit the band test did not see.)
      const uniform =
        (v === 0 || low - MARGIN_M > limits[v - 1]!) && (v === none || high + MARGIN_M < limits[v]!);
      for (let k = 0; k <= steps; k++) {
        const f = f0 + k * df;
        const level = uniform ? v : this.level(Math.min(tP + f * L, tQ + (1 - f) * L));
        this.mark(Math.floor(x0 + f * dx), Math.floor(y0 + f * dy), level);
      }
      if (uniform) continue;
      // The level changes only where a service distance runs out: those points are sampled exactly,
      // so that every area is cut where its budget ends rather than at the nearest sample.
      for (let k = v; k < none && limits[k]! < high; k++) {
        const limit = limits[k]!;
        if (limit <= low) continue;
        for (let end = 0; end < 2; end++) {
          const f = end === 0 ? (limit - tP) / L : 1 - (limit - tQ) / L;
          if (!(f > f0 && f < f1)) continue;
          const level = this.level(Math.min(tP + f * L, tQ + (1 - f) * L));
          this.mark(Math.floor(x0 + f * dx), Math.floor(y0 + f * dy), level);
        }
      }
    }
  }

  /** Spreads the street layer over the disk; call once after all segments. */
  finish(): void {
    const { levels, street, diskOffsets, rowMin, rowMax, reach, streetCells } = this;
    const nd = diskOffsets.length;
    for (let k = 0; k < this.streetCount; k++) {
      const p = streetCells[k]!;
      const v = street[p]!;
      for (let d = 0; d < nd; d++) {
        const q = p + diskOffsets[d]!;
        if (v < levels[q]!) levels[q] = v;
      }
    }
    // Rows of the disk around each street row.
    const { streetMin, streetMax } = this;
    for (let j = this.streetJ0; j <= this.streetJ1; j++) {
      if (streetMin[j]! > streetMax[j]!) continue;
      for (let jj = j - reach; jj <= j + reach; jj++) {
        if (streetMin[j]! - reach < rowMin[jj]!) rowMin[jj] = streetMin[j]! - reach;
        if (streetMax[j]! + reach > rowMax[jj]!) rowMax[jj] = streetMax[j]! + reach;
      }
    }
    if (this.streetJ0 <= this.streetJ1) {
      this.j0 = this.streetJ0 - reach;
      this.j1 = this.streetJ1 + reach;
    }
  }

  /** Puts back the layers' "nothing here" state on the rows and points the last facility wrote. */
  private clear(): void {
    const { size, levels, street, rowMin, rowMax, none, streetCells, streetMin, streetMax } = this;
    for (let k = 0; k < this.streetCount; k++) street[streetCells[k]!] = none;
    for (let j = Math.max(0, this.j0); j <= this.j1 && j < size; j++) {
      if (rowMin[j]! <= rowMax[j]!) levels.fill(none, j * size + rowMin[j]!, j * size + rowMax[j]! + 1);
      rowMin[j] = size;
      rowMax[j] = -1;
      streetMin[j] = size;
      streetMax[j] = -1;
    }
    this.j0 = size;
    this.j1 = -1;
    this.streetJ0 = size;
    this.streetJ1 = -1;
    this.streetCount = 0;
  }

  /** The level of walking distance t: the first service distance that covers it, or `none`. */
  private level(t: number): number {
    let v = 0;
    while (v < this.none && t > this.limits[v]!) v++;
    return v;
  }

  /** Lowers lattice point (i, j)'s street level to v. */
  private mark(i: number, j: number, v: number): void {
    const p = j * this.size + i;
    const { none, street } = this;
    const cur = street[p]!;
    if (v >= cur) return;
    if (cur === none) {
      if (this.streetCount === this.streetCells.length) {
        const grown = new Int32Array(this.streetCells.length * 2);
        grown.set(this.streetCells);
        this.streetCells = grown;
      }
      this.streetCells[this.streetCount++] = p;
      if (i < this.streetMin[j]!) this.streetMin[j] = i;
      if (i > this.streetMax[j]!) this.streetMax[j] = i;
      if (j < this.streetJ0) this.streetJ0 = j;
      if (j > this.streetJ1) this.streetJ1 = j;
    }
    street[p] = v;
  }
}
