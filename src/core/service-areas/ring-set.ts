/**
 * Closed integer rings in one growable Int32Array (flat x, y; each ring's first vertex repeated at its
 * end) with their signed areas, as the contour tracer writes them: no array per ring or per vertex, so
 * tracing hundreds of service areas leaves nothing for the garbage collector until GeoJSON is built.
 * Outer rings are counter-clockwise (positive area, y up), holes clockwise.
 */
export class RingSet {
  /** Vertex coordinates, x0, y0, x1, y1, …; the first `length` entries are in use. */
  xy = new Int32Array(4096);
  length = 0;
  /** Ring r spans xy[start[r] … end[r]) (closing vertex included). */
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Twice the signed area of each ring (shoelace sum, exact for integer coordinates). */
  area2 = new Float64Array(64);
  count = 0;

  /** Empties the set, keeping its buffers. */
  clear(): void {
    this.length = 0;
    this.count = 0;
  }

  /** Makes room for `more` coordinates (not vertices) after `length`. */
  reserve(more: number): void {
    if (this.length + more <= this.xy.length) return;
    const grown = new Int32Array(Math.max(2 * this.xy.length, this.length + more));
    grown.set(this.xy.subarray(0, this.length));
    this.xy = grown;
  }

  /**
   * Registers the ring written at xy[start … length) (closing vertex included).
   * @param start index of its first coordinate
   * @param area2 twice its signed area
   */
  close(start: number, area2: number): void {
    if (this.count === this.start.length) {
      const n = 2 * this.count;
      this.start = grownInt(this.start, n);
      this.end = grownInt(this.end, n);
      const a = new Float64Array(n);
      a.set(this.area2);
      this.area2 = a;
    }
    this.start[this.count] = start;
    this.end[this.count] = this.length;
    this.area2[this.count++] = area2;
  }

  /**
   * Appends ring r of another set.
   * @param from the set holding it
   * @param r its index there
   * @returns its index here
   */
  copy(from: RingSet, r: number): number {
    const start = from.start[r]!;
    const n = from.end[r]! - start;
    this.reserve(n);
    this.xy.set(from.xy.subarray(start, start + n), this.length);
    const at = this.length;
    this.length += n;
    this.close(at, from.area2[r]!);
    return this.count - 1;
  }

  /**
   * Groups the rings into polygons: each hole goes to the smallest outer ring that contains it; outer
   * rings keep their order, holes follow their outer ring in their own order (deterministic output).
   * @returns per polygon its ring indices, outer ring first
   * @throws Error when a hole lies in no outer ring (a tracing bug)
   */
  polygons(): number[][] {
    const outers: number[] = [];
    for (let r = 0; r < this.count; r++) if (this.area2[r]! > 0) outers.push(r);
    const polys = outers.map((r) => [r]);
    const slot = new Map<number, number[]>(outers.map((r, k) => [r, polys[k]!]));
    for (let r = 0; r < this.count; r++) {
      if (this.area2[r]! >= 0) continue;
      // One outer ring (the usual service area): every hole is its own, no containment test needed.
      if (outers.length === 1) {
        polys[0]!.push(r);
        continue;
      }
      const x = this.xy[this.start[r]!]!;
      const y = this.xy[this.start[r]! + 1]!;
      let owner = -1;
      for (const o of outers) {
        if (!this.contains(o, x, y)) continue;
        if (owner < 0 || this.area2[o]! < this.area2[owner]!) owner = o;
      }
      if (owner < 0) throw new Error('service area: a hole lies in no outer ring');
      slot.get(owner)!.push(r);
    }
    return polys;
  }

  /** Even-odd ray casting; the point is never on the ring here (contour vertices are unique per ring). */
  private contains(r: number, x: number, y: number): boolean {
    const xy = this.xy;
    let inside = false;
    const first = this.start[r]!;
    const last = this.end[r]! - 2;
    for (let k = first, m = last - 2; k < last; m = k, k += 2) {
      const xi = xy[k]!;
      const yi = xy[k + 1]!;
      const xj = xy[m]!;
      const yj = xy[m + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

function grownInt(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
