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
/** Lattice edge m (0 bottom, 1 right, 2 top, 3 left) of the square whose bottom-left point is p. */
const edgeId = (p: number, size: number, m: number): number =>
  m === 0 ? 2 * p : m === 1 ? 2 * p + 3 : m === 2 ? 2 * (p + size) : 2 * p + 1;

/**
 * Contour pieces per pattern of inside corners (bit m = corner m inside): pairs [exit edge, entry edge].
 * An exit edge has corner m inside and m + 1 outside; it pairs with the entry edge just before the run of
 * inside corners that ends at m, so a saddle keeps its two inside corners apart.
 */
const SEGMENTS: number[][] = Array.from({ length: 16 }, (_, bits) => {
  const inside = (m: number): boolean => (bits & (1 << (m & 3))) !== 0;
  const pairs: number[] = [];
  for (let m = 0; m < 4; m++) {
    if (!inside(m) || inside(m + 1)) continue;
    let first = m;
    while (inside(first + 3)) first = (first + 3) & 3;
    pairs.push(m, (first + 3) & 3);
  }
  return pairs;
});

/** Where a level lattice may hold inside points (see ContourTracer.trace). */
export interface LevelSpan {
  j0: number;
  j1: number;
  rowMin: Int32Array;
  rowMax: Int32Array;
}

export class ContourTracer {
  private next = new Int32Array(0);
  /** Per level, the exit edges in scan order (where rings start), reused between calls. */
  private starts: Int32Array[] = [];
  private startCount: number[] = [];
  private ring = new Int32Array(4096);

  /**
   * @param levels level index per lattice point, row-major `size` × `size`; `levelCount` or more = outside
   * @param size lattice points per side
   * @param levelCount number of levels
   * @param span where points below levelCount may be: rows j0..j1, and per row the columns
   *   rowMin[j]..rowMax[j] (rowMin > rowMax for an empty row); everything else must be outside
   * @returns rings per level
   */
  trace(levels: Uint8Array, size: number, levelCount: number, span: LevelSpan): number[][][] {
    const stride = 2 * size * size;
    if (this.next.length < stride * levelCount) this.next = new Int32Array(stride * levelCount).fill(-1);
    while (this.starts.length < levelCount) this.starts.push(new Int32Array(1024));
    this.startCount = new Array<number>(levelCount).fill(0);
    const { rowMin, rowMax } = span;
    const j0 = Math.max(0, span.j0 - 1);
    const j1 = Math.min(size - 2, span.j1);
    const next = this.next;
    for (let j = j0; j <= j1; j++) {
      // Squares of this row with a corner that may be inside (corners i and i + 1 in rows j and j + 1).
      const i0 = Math.max(0, Math.min(rowMin[j]!, rowMin[j + 1]!) - 1);
      const i1 = Math.min(size - 2, Math.max(rowMax[j]!, rowMax[j + 1]!));
      for (let i = i0; i <= i1; i++) {
        const p = j * size + i;
        // Corners counter-clockwise from bottom-left; edge m joins corner m and corner m + 1.
        const a = levels[p]!;
        const b = levels[p + 1]!;
        const c = levels[p + size + 1]!;
        const d = levels[p + size]!;
        if (a === b && b === c && c === d) continue; // no contour crosses a uniform square
        const lo = Math.min(a, b, c, d);
        const hi = Math.min(levelCount, Math.max(a, b, c, d));
        for (let k = lo; k < hi; k++) {
          const pairs = SEGMENTS[(a <= k ? 1 : 0) | (b <= k ? 2 : 0) | (c <= k ? 4 : 0) | (d <= k ? 8 : 0)]!;
          for (let x = 0; x < pairs.length; x += 2) {
            const from = edgeId(p, size, pairs[x]!);
            next[k * stride + from] = edgeId(p, size, pairs[x + 1]!);
            this.pushStart(k, from);
          }
        }
      }
    }
    return this.startCount.map((count, k) => this.link(this.starts[k]!, count, k * stride, size));
  }

  private pushStart(k: number, edge: number): void {
    let list = this.starts[k]!;
    const n = this.startCount[k]!;
    if (n === list.length) {
      list = new Int32Array(n * 2);
      list.set(this.starts[k]!);
      this.starts[k] = list;
    }
    list[n] = edge;
    this.startCount[k] = n + 1;
  }

  private link(starts: Int32Array, count: number, base: number, size: number): number[][] {
    const rings: number[][] = [];
    const next = this.next;
    for (let s = 0; s < count; s++) {
      const start = starts[s]!;
      if (next[base + start] === -1) continue;
      let n = 0;
      let id = start;
      do {
        const to = next[base + id]!;
        if (to < 0) throw new Error(`contour tracing: ring from edge ${start} does not close`);
        next[base + id] = -1;
        if (n + 2 > this.ring.length) this.grow();
        const q = id >> 1;
        const i = q % size;
        const j = (q - i) / size;
        const odd = id & 1;
        this.ring[n++] = 2 * i + 1 - odd;
        this.ring[n++] = 2 * j + odd;
        id = to;
      } while (id !== start);
      rings.push(dropCollinear(this.ring, n));
    }
    return rings;
  }

  private grow(): void {
    const bigger = new Int32Array(this.ring.length * 2);
    bigger.set(this.ring);
    this.ring = bigger;
  }
}

/** The first n values of `raw` as a closed ring without the vertices lying between collinear neighbours. */
function dropCollinear(raw: Int32Array, n: number): number[] {
  const count = n / 2;
  const out: number[] = [];
  for (let v = 0; v < count; v++) {
    const a = v === 0 ? count - 1 : v - 1;
    const b = v === count - 1 ? 0 : v + 1;
    const cross =
      (raw[2 * v]! - raw[2 * a]!) * (raw[2 * b + 1]! - raw[2 * v + 1]!) -
      (raw[2 * v + 1]! - raw[2 * a + 1]!) * (raw[2 * b]! - raw[2 * v]!);
    if (cross !== 0) out.push(raw[2 * v]!, raw[2 * v + 1]!);
  }
  out.push(out[0]!, out[1]!);
  return out;
}
