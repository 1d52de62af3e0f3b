/**
 * A square raster in a local metric frame centred on a facility; each lattice point ends up holding a
 * level: the index of the smallest service distance (of an ascending list) within which some street point
 * about `bufferM` away is reached, or the number of distances when none is. The area for distance k is
 * { points with level ≤ k }, so the areas drawn from one raster are nested by construction. (Levels are
 * monotone in walking distance, so taking the minimum level is the same as taking the minimum distance.)
 *
 * Two steps, both linear in the street length reached: the reached part of every segment is sampled once
 * per lattice column or row it crosses into a "street" layer (each sample keeps the walking distance at
 * that exact point, so a partly reached segment is cut at its reachable fraction), then each street point
 * spreads its level to a small disk of lattice points (min-dilation). Contours drawn at edge midpoints
 * put the boundary half a cell beyond the last inside point, so the disk radius is bufferM − cellM / 2:
 * with the defaults (50 m, 25 m cells) a 3 × 3 block, and the band's edge lies about bufferM from the
 * street, give or take half a cell (37.5 m across an axis-aligned street, 53 m diagonally).
 */
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
  /** Smallest walking distance sampled at each lattice point (Infinity: no street there). */
  private street = new Float64Array(0);
  private streetCells = new Int32Array(1024);
  private streetCount = 0;
  private limits: readonly number[] = [];
  private readonly disk: [number, number][] = [];
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
      for (let dx = -reach; dx <= reach; dx++)
        if (dx * dx + dy * dy <= r * r + 1e-9) this.disk.push([dx, dy]);
    }
    // A disk with its corners (r ≥ √2·reach) closes gaps of 2·reach cells; a thinner one only reach.
    this.stride = reach === 0 ? 1 : r * r + 1e-9 >= 2 * reach * reach ? 2 * reach : reach;
  }

  /**
   * Clears the raster for a facility.
   * @param limits service distances, ascending, metres (at most 255)
   */
  reset(limits: readonly number[]): void {
    this.limits = limits;
    const maxM = limits[limits.length - 1]!;
    // Two spare cells keep the outermost ring of points empty, so every contour closes inside the grid.
    this.half = Math.ceil((maxM + this.bufferM) / this.cellM) + 2;
    this.size = 2 * this.half + 1;
    const n = this.size * this.size;
    const none = limits.length;
    if (this.levels.length < n) {
      this.levels = new Uint8Array(n);
      this.street = new Float64Array(n).fill(Infinity);
    } else {
      for (let k = 0; k < this.streetCount; k++) this.street[this.streetCells[k]!] = Infinity;
    }
    this.levels.fill(none, 0, n);
    this.streetCount = 0;
    if (this.rowMin.length < this.size) {
      this.rowMin = new Int32Array(this.size);
      this.rowMax = new Int32Array(this.size);
    }
    this.rowMin.fill(this.size, 0, this.size);
    this.rowMax.fill(-1, 0, this.size);
    this.j0 = this.size;
    this.j1 = -1;
  }

  /**
   * Samples the part of segment P→Q reachable within the largest service distance. Walking distance at fraction f along it is
   * min(tP + f·L, tQ + (1 − f)·L): the segment can be entered from either end.
   * @param px segment start x, metres in the local frame (py likewise)
   * @param qx segment end x (qy likewise)
   * @param tP walking distance at P (Infinity when unreached)
   * @param tQ walking distance at Q
   * @param lengthM walking length of the segment (the graph's length)
   */
  segment(px: number, py: number, qx: number, qy: number, tP: number, tQ: number, lengthM: number): void {
    const L = lengthM;
    const maxM = this.limits[this.limits.length - 1]!;
    const fP = tP <= maxM ? (L > 0 ? Math.min(1, (maxM - tP) / L) : 1) : -1;
    const fQ = tQ <= maxM ? (L > 0 ? Math.min(1, (maxM - tQ) / L) : 1) : -1;
    if (fP < 0 && fQ < 0) return;
    if (fP >= 0 && fQ >= 0 && fP + fQ >= 1) this.sample(px, py, qx, qy, tP, tQ, L, 0, 1);
    else {
      if (fP >= 0) this.sample(px, py, qx, qy, tP, tQ, L, 0, fP);
      if (fQ >= 0) this.sample(px, py, qx, qy, tP, tQ, L, 1 - fQ, 1);
    }
  }

  /** Spreads the street layer over the disk; call once after all segments. */
  finish(): void {
    const { size, levels, street, disk, limits } = this;
    for (let k = 0; k < this.streetCount; k++) {
      const p = this.streetCells[k]!;
      const t = street[p]!;
      let v = 0;
      while (v < limits.length && t > limits[v]!) v++;
      const i = p % size;
      const j = (p - i) / size;
      for (const [dx, dy] of disk) {
        const q = p + dy * size + dx;
        if (v < levels[q]!) levels[q] = v;
      }
      for (let jj = j - this.reach; jj <= j + this.reach; jj++) {
        if (i - this.reach < this.rowMin[jj]!) this.rowMin[jj] = i - this.reach;
        if (i + this.reach > this.rowMax[jj]!) this.rowMax[jj] = i + this.reach;
      }
      if (j < this.j0) this.j0 = j;
      if (j > this.j1) this.j1 = j;
    }
    this.j0 -= this.reach;
    this.j1 += this.reach;
  }

  private sample(
    px: number,
    py: number,
    qx: number,
    qy: number,
    tP: number,
    tQ: number,
    L: number,
    f0: number,
    f1: number,
  ): void {
    const c = this.cellM;
    // Samples `stride` columns or rows apart along the major axis (DDA): the dilation disk reaches
    // stride / 2 cells either way, so the band stays closed between samples. The level only changes
    // where a service distance runs out, and those points are sampled exactly below.
    const dx = (qx - px) / c;
    const dy = (qy - py) / c;
    const steps = Math.max(1, Math.ceil(((f1 - f0) * Math.max(Math.abs(dx), Math.abs(dy))) / this.stride));
    const half = this.half;
    const x0 = px / c + half + 0.5;
    const y0 = py / c + half + 0.5;
    const df = (f1 - f0) / steps;
    const { size, street } = this;
    for (let s = 0; s <= steps; s++) {
      const f = f0 + s * df;
      const p = Math.floor(y0 + f * dy) * size + Math.floor(x0 + f * dx);
      const t = Math.min(tP + f * L, tQ + (1 - f) * L);
      const cur = street[p]!;
      if (t >= cur) continue;
      if (cur === Infinity) this.keep(p);
      street[p] = t;
    }
    // The exact points where each service distance runs out along the segment, so that every area is
    // cut where its budget ends rather than at the nearest sample. Walking distance along the piece
    // lies between its smaller end value and the apex of the tent (tP + tQ + L) / 2.
    const low = Math.min(tP + f0 * L, tQ + (1 - f0) * L, tP + f1 * L, tQ + (1 - f1) * L);
    const high = Math.min((tP + tQ + L) / 2, tP + f1 * L, tQ + (1 - f0) * L);
    for (let k = 0; k < this.limits.length; k++) {
      const limit = this.limits[k]!;
      if (limit <= low || limit >= high) continue;
      const fromP = (limit - tP) / L;
      if (fromP > f0 && fromP < f1) this.put(x0, y0, dx, dy, fromP, tP, tQ, L);
      const fromQ = 1 - (limit - tQ) / L;
      if (fromQ > f0 && fromQ < f1) this.put(x0, y0, dx, dy, fromQ, tP, tQ, L);
    }
  }

  /** Records the walking distance at fraction f of a segment on its nearest lattice point. */
  private put(
    x0: number,
    y0: number,
    dx: number,
    dy: number,
    f: number,
    tP: number,
    tQ: number,
    L: number,
  ): void {
    const p = Math.floor(y0 + f * dy) * this.size + Math.floor(x0 + f * dx);
    const t = Math.min(tP + f * L, tQ + (1 - f) * L);
    const cur = this.street[p]!;
    if (t >= cur) return;
    if (cur === Infinity) this.keep(p);
    this.street[p] = t;
  }

  private keep(p: number): void {
    if (this.streetCount === this.streetCells.length) {
      const grown = new Int32Array(this.streetCells.length * 2);
      grown.set(this.streetCells);
      this.streetCells = grown;
    }
    this.streetCells[this.streetCount++] = p;
  }
}
