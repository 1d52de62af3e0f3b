import { RingSet } from './ring-set';

/**
 * Contour pieces per pattern of inside corners (bit m = corner m inside), as [exit edge, entry edge] pairs
 * of square edges m (0 bottom, 1 right, 2 top, 3 left), up to two per pattern: PAIRS[4 · bits …]. An exit
 * edge has corner m inside and m + 1 outside; it pairs with the entry edge just before the run of inside
 * corners that ends at m, so a saddle keeps its two inside corners apart.
 */
const PAIRS = new Int8Array(64);
const PAIR_COUNT = new Int8Array(16);
for (let bits = 0; bits < 16; bits++) {
  const inside = (m: number): boolean => (bits & (1 << (m & 3))) !== 0;
  for (let m = 0; m < 4; m++) {
    if (!inside(m) || inside(m + 1)) continue;
    let first = m;
    while (inside(first + 3)) first = (first + 3) & 3;
    PAIRS[4 * bits + 2 * PAIR_COUNT[bits]!] = m;
    PAIRS[4 * bits + 2 * PAIR_COUNT[bits]! + 1] = (first + 3) & 3;
    PAIR_COUNT[bits]!++;
  }
}

/** Where a level lattice may hold inside points (see ContourTracer.trace). */
export interface LevelSpan {
  j0: number;
  j1: number;
  rowMin: Int32Array;
  rowMax: Int32Array;
}

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
 *
 * Lattice edges are numbered 2p (the edge from point p to p + 1) and 2p + 1 (from p to p + size); the
 * square with bottom-left point p has edges 2p, 2p + 3, 2(p + size), 2p + 1. Successor links, start lists,
 * edge coordinates and ring buffers are typed arrays kept between calls.
 */
export class ContourTracer {
  /** Per level, the successor of each contour edge (-1: none); all -1 between calls. */
  private next: Int32Array[] = [];
  /** Every contour piece's exit edge and level in scan order (where rings start). */
  private startEdge = new Int32Array(4096);
  private startLevel = new Uint8Array(4096);
  private startCount = 0;
  /** Doubled lattice coordinates of each edge's midpoint, for the current size. */
  private ex = new Int32Array(0);
  private ey = new Int32Array(0);
  private size = 0;
  /** Per level, the rings of the last call. */
  private sets: RingSet[] = [];
  private pieces: number[] = [];

  /**
   * @param levels level index per lattice point, row-major `size` × `size`; `levelCount` or more = outside
   * @param size lattice points per side
   * @param levelCount number of levels
   * @param span where points below levelCount may be: rows j0..j1, and per row the columns
   *   rowMin[j]..rowMax[j] (rowMin > rowMax for an empty row); everything else must be outside
   * @returns rings per level as flat [x0, y0, …, x0, y0] arrays
   */
  trace(levels: Uint8Array, size: number, levelCount: number, span: LevelSpan): number[][][] {
    return this.traceSets(levels, size, levelCount, span).map((set) =>
      Array.from({ length: set.count }, (_, r) => Array.from(set.xy.subarray(set.start[r]!, set.end[r]!))),
    );
  }

  /**
   * Same as `trace`, into typed ring sets that are reused by the next call (no per-ring arrays).
   * @returns per level its rings, valid until the next call
   */
  traceSets(levels: Uint8Array, size: number, levelCount: number, span: LevelSpan): RingSet[] {
    this.prepare(size, levelCount);
    const { rowMin, rowMax } = span;
    const j0 = Math.max(0, span.j0 - 1);
    const j1 = Math.min(size - 2, span.j1);
    const up = 2 * size;
    for (let j = j0; j <= j1; j++) {
      // Squares of this row with a corner that may be inside (corners i and i + 1 in rows j and j + 1).
      const i0 = Math.max(0, Math.min(rowMin[j]!, rowMin[j + 1]!) - 1);
      const i1 = Math.min(size - 2, Math.max(rowMax[j]!, rowMax[j + 1]!));
      let p = j * size + i0;
      // Corners counter-clockwise from bottom-left (a, b, c, d); edge m joins corner m and corner m + 1.
      let b = levels[p]!;
      let c = levels[p + size]!;
      for (let i = i0; i <= i1; i++, p++) {
        const a = b;
        const d = c;
        b = levels[p + 1]!;
        c = levels[p + size + 1]!;
        if (a === b && b === c && c === d) continue; // no contour crosses a uniform square
        const hi = Math.min(levelCount, Math.max(a, b, c, d));
        for (let k = Math.min(a, b, c, d); k < hi; k++) {
          const bits = (a <= k ? 1 : 0) | (b <= k ? 2 : 0) | (c <= k ? 4 : 0) | (d <= k ? 8 : 0);
          const next = this.next[k]!;
          for (let x = 0; x < PAIR_COUNT[bits]!; x++) {
            const m = PAIRS[4 * bits + 2 * x]!;
            const n = PAIRS[4 * bits + 2 * x + 1]!;
            const from = 2 * p + (m === 0 ? 0 : m === 1 ? 3 : m === 2 ? up : 1);
            next[from] = 2 * p + (n === 0 ? 0 : n === 1 ? 3 : n === 2 ? up : 1);
            if (this.startCount === this.startEdge.length) this.growStarts();
            this.startEdge[this.startCount] = from;
            this.startLevel[this.startCount++] = k;
            this.pieces[k]!++;
          }
        }
      }
    }
    for (let k = 0; k < levelCount; k++) this.link(k);
    return this.sets.slice(0, levelCount);
  }

  /** Sizes the per-level links and the edge coordinate tables, and empties the start list. */
  private prepare(size: number, levelCount: number): void {
    const edges = 2 * size * size;
    for (let k = 0; k < levelCount; k++) {
      if (k === this.next.length) {
        this.next.push(new Int32Array(0));
        this.sets.push(new RingSet());
        this.pieces.push(0);
      }
      if (this.next[k]!.length < edges) this.next[k] = new Int32Array(edges).fill(-1);
      this.pieces[k] = 0;
    }
    this.startCount = 0;
    if (size !== this.size) {
      this.size = size;
      this.ex = new Int32Array(edges);
      this.ey = new Int32Array(edges);
      for (let id = 0; id < edges; id++) {
        const q = id >> 1;
        const i = q % size;
        const odd = id & 1;
        // The midpoint of edge (i, j)–(i+1, j) is (2i + 1, 2j); of (i, j)–(i, j+1) it is (2i, 2j + 1).
        this.ex[id] = 2 * i + 1 - odd;
        this.ey[id] = (2 * (q - i)) / size + odd;
      }
    }
  }

  private growStarts(): void {
    const edges = new Int32Array(2 * this.startEdge.length);
    edges.set(this.startEdge);
    const levels = new Uint8Array(2 * this.startLevel.length);
    levels.set(this.startLevel);
    this.startEdge = edges;
    this.startLevel = levels;
  }

  /**
   * Follows the successor links of level k into rings, dropping every vertex whose incoming and outgoing
   * steps are equal (steps are between neighbouring edge midpoints, so equal steps mean collinear).
   */
  private link(k: number): void {
    const next = this.next[k]!;
    const { ex, ey, startEdge, startLevel } = this;
    const set = this.sets[k]!;
    set.clear();
    // Each piece adds at most one vertex; each ring a closing vertex and maybe a dropped first one.
    set.reserve(6 * this.pieces[k]!);
    const xy = set.xy;
    let n = 0;
    for (let s = 0; s < this.startCount; s++) {
      const start = startEdge[s]!;
      if (startLevel[s] !== k || next[start] === -1) continue;
      const base = n;
      let px = ex[start]!;
      let py = ey[start]!;
      xy[n++] = px;
      xy[n++] = py;
      let firstStep = -1;
      let prevStep = -1;
      let area2 = 0;
      let id = start;
      do {
        const to = next[id]!;
        if (to < 0) throw new Error(`contour tracing: ring from edge ${start} does not close`);
        next[id] = -1;
        const x = ex[to]!;
        const y = ey[to]!;
        // Steps are at most 2 in each coordinate: a code in 0..24.
        const step = (x - px + 2) * 5 + (y - py + 2);
        if (firstStep < 0) firstStep = step;
        else if (step !== prevStep) {
          xy[n++] = px;
          xy[n++] = py;
        }
        area2 += px * y - x * py;
        prevStep = step;
        px = x;
        py = y;
        id = to;
      } while (id !== start);
      // The start vertex stays only where the ring turns there; then close on the first kept vertex.
      const first = prevStep === firstStep ? base + 2 : base;
      xy[n] = xy[first]!;
      xy[n + 1] = xy[first + 1]!;
      n += 2;
      set.length = n;
      set.close(first, area2);
    }
  }
}
