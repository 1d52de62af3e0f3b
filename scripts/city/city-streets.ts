/**
 * The streets of the synthetic large city (scripts/generate-city.ts): a perturbed grid of blocks
 * (about 100 m apart) with shape points every ~18 m, some missing residential segments (superblocks
 * and dead ends), four diagonal avenues, and two rivers (one east–west, one north–south) crossed only
 * on bridges. Everything lives in flat typed arrays: a million nodes take well under a second.
 */
import type { Rand } from '../demo/common';

/** Highway classes written on the ways (index = CityStreets.wayClass value). */
export const HIGHWAY_CLASSES = ['primary', 'secondary', 'residential', 'footway'] as const;

export interface CityStreets {
  /** Grid columns and rows of intersections. */
  columns: number;
  rows: number;
  /** Intersection (i, j) positions in metres east/north of the origin: x at 2(i·rows + j), y at +1. */
  intersections: Float64Array;
  /** Every OSM node (intersections first, then shape points) in metres, [x0, y0, x1, y1, …]. */
  nodeXy: Float64Array;
  nodeCount: number;
  /** 0-based node indices of all ways, way after way; OSM node id = index + 1. */
  refs: Uint32Array;
  refCount: number;
  /** End (exclusive) in refs of each way. */
  wayEnds: Uint32Array;
  /** HIGHWAY_CLASSES index of each way. */
  wayClass: Uint8Array;
  wayCount: number;
  /** The east–west river lies between row riverRow and riverRow + 1; the north–south one between riverColumn and riverColumn + 1. */
  riverRow: number;
  riverColumn: number;
  /** Width and height of the city in metres. */
  width: number;
  height: number;
}

/** Mean spacing of the grid, metres, and the spacing of shape points along a street. */
const BLOCK_M = 100;
const SHAPE_STEP_M = 18;
const RIVER_GAP_M = 260;
/** OSM nodes per intersection as measured on the generated grid (the intersection and the shape points of its ~1.9 segments). */
const NODES_PER_INTERSECTION = 9.7;

class Growing {
  data: Float64Array | Uint32Array;
  length = 0;
  constructor(make: (n: number) => Float64Array | Uint32Array) {
    this.data = make(1 << 16);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => Float64Array | Uint32Array)(
        this.data.length * 2,
      );
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Builds the street network of the city.
 * @param rand seeded generator
 * @param targetNodes about how many OSM nodes to make (the grid is sized to it)
 * @returns nodes and ways in flat arrays
 * @example buildCityStreets(mulberry32(1), 1_000_000).nodeCount // ≈ 1,000,000
 */
export function buildCityStreets(rand: Rand, targetNodes: number): CityStreets {
  const side = Math.max(8, Math.round(Math.sqrt(targetNodes / NODES_PER_INTERSECTION)));
  const columns = side;
  const rows = side;
  const riverRow = Math.floor(rows * 0.42);
  const riverColumn = Math.floor(columns * 0.63);
  const xs = new Float64Array(columns);
  const ys = new Float64Array(rows);
  for (let i = 1; i < columns; i++)
    xs[i] = xs[i - 1]! + (i === riverColumn + 1 ? RIVER_GAP_M : BLOCK_M * (0.7 + 0.6 * rand()));
  for (let j = 1; j < rows; j++)
    ys[j] = ys[j - 1]! + (j === riverRow + 1 ? RIVER_GAP_M : BLOCK_M * (0.7 + 0.6 * rand()));
  const xy = new Growing((n) => new Float64Array(n));
  const intersections = new Float64Array(2 * columns * rows);
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const k = i * rows + j;
      intersections[2 * k] = xs[i]! + (rand() - 0.5) * 24;
      intersections[2 * k + 1] = ys[j]! + (rand() - 0.5) * 24;
      xy.push(intersections[2 * k]!);
      xy.push(intersections[2 * k + 1]!);
    }
  }
  const refs = new Growing((n) => new Uint32Array(n));
  const wayEnds = new Growing((n) => new Uint32Array(n));
  const classes: number[] = [];
  let open = false;
  const flush = (cls: number) => {
    if (!open) return;
    const start = wayEnds.length ? wayEnds.data[wayEnds.length - 1]! : 0;
    if (refs.length - start > 1) {
      wayEnds.push(refs.length);
      classes.push(cls);
    } else refs.length = start;
    open = false;
  };
  /** Appends the segment from intersection a to b (shape points with a small wiggle) to the open way. */
  const segment = (a: number, b: number) => {
    const ax = intersections[2 * a]!;
    const ay = intersections[2 * a + 1]!;
    const bx = intersections[2 * b]!;
    const by = intersections[2 * b + 1]!;
    const n = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / SHAPE_STEP_M));
    if (!open) {
      refs.push(a);
      open = true;
    }
    for (let s = 1; s < n; s++) {
      const f = s / n;
      refs.push(xy.length / 2);
      xy.push(ax + (bx - ax) * f + (rand() - 0.5) * 4);
      xy.push(ay + (by - ay) * f + (rand() - 0.5) * 4);
    }
    refs.push(b);
  };
  const classOf = (line: number) => (line % 12 === 0 ? 0 : line % 4 === 0 ? 1 : line % 7 === 3 ? 3 : 2);
  const bridge = (line: number) => line % 8 === 4 || line % 12 === 0;
  // Rows (east–west streets): cut by the north–south river except at bridges.
  for (let j = 0; j < rows; j++) {
    const cls = classOf(j);
    for (let i = 0; i + 1 < columns; i++) {
      const keep = (i !== riverColumn || bridge(j)) && (cls < 2 || rand() > 0.07);
      if (keep) segment(i * rows + j, (i + 1) * rows + j);
      else flush(cls);
    }
    flush(cls);
  }
  for (let i = 0; i < columns; i++) {
    const cls = classOf(i);
    for (let j = 0; j + 1 < rows; j++) {
      const keep = (j !== riverRow || bridge(i)) && (cls < 2 || rand() > 0.07);
      if (keep) segment(i * rows + j, i * rows + j + 1);
      else flush(cls);
    }
    flush(cls);
  }
  // Four diagonal avenues through intersections, broken where they would cross a river.
  const diagonals: [number, number, number][] = [
    [0, Math.floor(rows * 0.1), 1],
    [Math.floor(columns * 0.2), rows - 1, -1],
    [Math.floor(columns * 0.45), 0, 1],
    [0, Math.floor(rows * 0.8), -1],
  ];
  for (const [i0, j0, dj] of diagonals) {
    for (let i = i0, j = j0; i + 1 < columns && j + dj >= 0 && j + dj < rows; i++, j += dj) {
      const crossesRiver = i === riverColumn || Math.min(j, j + dj) === riverRow;
      if (crossesRiver) flush(1);
      else segment(i * rows + j, (i + 1) * rows + j + dj);
    }
    flush(1);
  }
  return {
    columns,
    rows,
    intersections,
    nodeXy: xy.data as Float64Array,
    nodeCount: xy.length / 2,
    refs: refs.data as Uint32Array,
    refCount: refs.length,
    wayEnds: wayEnds.data as Uint32Array,
    wayClass: Uint8Array.from(classes),
    wayCount: wayEnds.length,
    riverRow,
    riverColumn,
    width: xs[columns - 1]!,
    height: ys[rows - 1]!,
  };
}
