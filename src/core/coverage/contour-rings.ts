/**
 * Marching squares over a lattice of level indices, all levels in one pass. A lattice point with level l
 * is inside the region of every level k ≥ l (so regions are nested by construction). Contour vertices are
 * the midpoints of lattice edges; at a saddle (two diagonal corners inside) the corners stay separate,
 * which keeps the contour of a larger set around the contour of a smaller one (each square's inside
 * piece grows with its set of inside corners).
 *
 * Rings come back in doubled lattice coordinates (midpoint of the edge (i, j)–(i+1, j) is (2i+1, 2j)),
 * collinear vertices removed, closed, inside on the left: outer rings counter-clockwise and holes
 * clockwise with y up — RFC 7946's orientation once y points north.
 */
export class ContourTracer {
  private next = new Int32Array(0);
  private starts: number[][] = [];

  /**
   * @param levels level index per lattice point, row-major `size` × `size`; `levelCount` or more = outside
   * @param size lattice points per side
   * @param levelCount number of levels
   * @param box lattice bounding box of the points below levelCount, [minI, minJ, maxI, maxJ]
   * @returns rings per level
   */
  trace(levels: Uint8Array, size: number, levelCount: number, box: readonly number[]): number[][][] {
    const stride = 2 * size * size;
    if (this.next.length < stride * levelCount) this.next = new Int32Array(stride * levelCount).fill(-1);
    this.starts = Array.from({ length: levelCount }, () => []);
    const i0 = Math.max(0, box[0]! - 1);
    const j0 = Math.max(0, box[1]! - 1);
    const i1 = Math.min(size - 2, box[2]!);
    const j1 = Math.min(size - 2, box[3]!);
    const lv = [0, 0, 0, 0];
    const edge = [0, 0, 0, 0];
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const p = j * size + i;
        // Corners counter-clockwise from bottom-left; edge m joins corner m and corner m + 1.
        const a = levels[p]!;
        const b = levels[p + 1]!;
        const c = levels[p + size + 1]!;
        const d = levels[p + size]!;
        if (a === b && b === c && c === d) continue; // no contour crosses a uniform square
        lv[0] = a;
        lv[1] = b;
        lv[2] = c;
        lv[3] = d;
        const lo = Math.min(a, b, c, d);
        const hi = Math.min(levelCount, Math.max(a, b, c, d));
        if (lo >= hi) continue;
        edge[0] = 2 * p;
        edge[1] = 2 * (p + 1) + 1;
        edge[2] = 2 * (p + size);
        edge[3] = 2 * p + 1;
        for (let k = lo; k < hi; k++) {
          for (let m = 0; m < 4; m++) {
            // Exit edge: corner m inside, corner m + 1 outside; pair it with the entry edge that
            // precedes the run of inside corners ending at m.
            if (lv[m]! > k || lv[(m + 1) & 3]! <= k) continue;
            let first = m;
            while (lv[(first + 3) & 3]! <= k) first = (first + 3) & 3;
            const from = edge[m]!;
            const to = edge[(first + 3) & 3]!;
            this.next[k * stride + from] = to;
            this.starts[k]!.push(from);
          }
        }
      }
    }
    return this.starts.map((starts, k) => this.link(starts, k * stride, size));
  }

  private link(starts: number[], base: number, size: number): number[][] {
    const rings: number[][] = [];
    const next = this.next;
    for (const start of starts) {
      if (next[base + start] === -1) continue;
      const raw: number[] = [];
      let id = start;
      do {
        const to = next[base + id]!;
        if (to < 0) throw new Error(`contour tracing: ring from edge ${start} does not close`);
        next[base + id] = -1;
        const q = id >> 1;
        const i = q % size;
        const j = (q - i) / size;
        if ((id & 1) === 0) raw.push(2 * i + 1, 2 * j);
        else raw.push(2 * i, 2 * j + 1);
        id = to;
      } while (id !== start);
      rings.push(dropCollinear(raw));
    }
    return rings;
  }
}

/** Removes vertices lying on the straight line through their neighbours; closes the ring. */
function dropCollinear(raw: number[]): number[] {
  const n = raw.length / 2;
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    const a = (v + n - 1) % n;
    const b = (v + 1) % n;
    const cross =
      (raw[2 * v]! - raw[2 * a]!) * (raw[2 * b + 1]! - raw[2 * v + 1]!) -
      (raw[2 * v + 1]! - raw[2 * a + 1]!) * (raw[2 * b]! - raw[2 * v]!);
    if (cross !== 0) out.push(raw[2 * v]!, raw[2 * v + 1]!);
  }
  out.push(out[0]!, out[1]!);
  return out;
}
