/**
 * A square raster in a local metric frame centred on a facility; each lattice point ends up holding the
 * smallest walking distance (metres from the facility) of any reached street point within about
 * `bufferM` of it. A service area for distance T is then { points with value ≤ T }, so the areas for
 * several T drawn from one raster are nested by construction.
 *
 * Two steps, both linear in the street length reached: the reached part of every segment is sampled every
 * half cell into a "street" layer (each sample keeps the walking distance at that exact point, so a
 * partly reached segment is cut at its reachable fraction), then each street point spreads its value to a
 * small disk of lattice points (min-dilation). Contours drawn at edge midpoints put the boundary half a
 * cell beyond the last inside point, so the disk radius is bufferM − cellM / 2 (1.5 cells by default:
 * a 3 × 3 block, a band ≈ 50 m either side of the street).
 */
export class ReachRaster {
  /** Lattice points per side; point (i, j) is at x = (i − half) × cellM, y = (j − half) × cellM. */
  size = 0;
  half = 0;
  values = new Float64Array(0);
  /** Bounding box of the points written, lattice indices (inclusive). */
  minI = 0;
  minJ = 0;
  maxI = -1;
  maxJ = -1;
  private street = new Float64Array(0);
  private streetCells = new Int32Array(1024);
  private streetCount = 0;
  private readonly disk: [number, number][] = [];

  constructor(
    readonly cellM: number,
    readonly bufferM: number,
  ) {
    const r = Math.max(0, bufferM / cellM - 0.5);
    const reach = Math.floor(r + 1e-9);
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) if (dx * dx + dy * dy <= r * r + 1e-9) this.disk.push([dx, dy]);
    }
  }

  /** Clears the raster for a facility whose areas reach at most `maxM` (plus the buffer). */
  reset(maxM: number): void {
    // Two spare cells keep the outermost ring of points empty, so every contour closes inside the grid.
    this.half = Math.ceil((maxM + this.bufferM) / this.cellM) + 2;
    this.size = 2 * this.half + 1;
    const n = this.size * this.size;
    if (this.values.length < n) {
      this.values = new Float64Array(n);
      this.street = new Float64Array(n);
    }
    this.values.fill(Infinity, 0, n);
    this.street.fill(Infinity, 0, n);
    this.streetCount = 0;
    this.minI = this.minJ = this.size;
    this.maxI = this.maxJ = -1;
  }

  /**
   * Samples the part of segment P→Q reachable within maxM. Walking distance at fraction f along it is
   * min(tP + f·L, tQ + (1 − f)·L): the segment can be entered from either end.
   * @param px segment start x, metres in the local frame (py likewise)
   * @param qx segment end x (qy likewise)
   * @param tP walking distance at P (Infinity when unreached)
   * @param tQ walking distance at Q
   * @param lengthM walking length of the segment (the graph's length)
   * @param maxM largest service distance drawn
   */
  segment(px: number, py: number, qx: number, qy: number, tP: number, tQ: number, lengthM: number, maxM: number): void {
    const L = lengthM;
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
    const { size, values, street, disk } = this;
    for (let k = 0; k < this.streetCount; k++) {
      const p = this.streetCells[k]!;
      const v = street[p]!;
      const i = p % size;
      const j = (p - i) / size;
      for (const [dx, dy] of disk) {
        const q = p + dy * size + dx;
        if (v < values[q]!) values[q] = v;
      }
      if (i < this.minI) this.minI = i;
      if (i > this.maxI) this.maxI = i;
      if (j < this.minJ) this.minJ = j;
      if (j > this.maxJ) this.maxJ = j;
    }
    const r = disk.reduce((m, [dx]) => Math.max(m, dx), 0);
    this.minI -= r;
    this.minJ -= r;
    this.maxI += r;
    this.maxJ += r;
  }

  private sample(px: number, py: number, qx: number, qy: number, tP: number, tQ: number, L: number, f0: number, f1: number): void {
    const dx = qx - px;
    const dy = qy - py;
    const c = this.cellM;
    const steps = Math.max(1, Math.ceil(((f1 - f0) * Math.sqrt(dx * dx + dy * dy)) / (0.5 * c)));
    const { size, half, street } = this;
    for (let s = 0; s <= steps; s++) {
      const f = f0 + ((f1 - f0) * s) / steps;
      const i = Math.round((px + f * dx) / c) + half;
      const j = Math.round((py + f * dy) / c) + half;
      const t = Math.min(tP + f * L, tQ + (1 - f) * L);
      const p = j * size + i;
      const cur = street[p]!;
      if (t >= cur) continue;
      if (cur === Infinity) this.keep(p);
      street[p] = t;
    }
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
