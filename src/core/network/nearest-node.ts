import { EARTH_RADIUS_M, haversineM } from './haversine';

const RAD = Math.PI / 180;
const METERS_PER_DEGREE = EARTH_RADIUS_M * RAD;
/** Cells are sized for about this many nodes each on an even spread (streets crowd some, leave others empty). */
const NODES_PER_CELL = 2;
/** The grid never holds more cells than this (a city of a few million nodes, or a very long, thin extent). */
const MAX_CELLS = 1 << 23;
/**
 * The local flat distance (equirectangular at the query's latitude) is within 1 % of the haversine
 * distance up to this far at latitudes below 70° (the scale of cos φ changes by tan φ · Δφ < 1 %), so
 * within it a point whose flat distance is over 1 % beyond the best haversine distance cannot be
 * nearer, and its haversine is not computed. Farther than this every point gets its exact haversine.
 */
const FLAT_FILTER_M = 20_000;
const FLAT_SLACK = 0.01;
/** Rings stop being searched once their lower bound passes this; a full scan answers the rest exactly. */
const RING_SEARCH_MAX_M = 50_000;

/**
 * A uniform lon/lat grid of a graph's nodes (CSR: the node ids of cell c are ids[start[c] .. start[c + 1]),
 * in ascending id order, with their coordinates beside them), answering nearest-node queries by
 * haversine distance with exact ties to the lowest id. Cells are square in metres at the extent's
 * middle latitude. Built once per graph by the snapper.
 */
export class NodeGrid {
  private readonly minLng: number;
  private readonly minLat: number;
  private readonly cellLng: number;
  private readonly cellLat: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly start: Uint32Array;
  private readonly ids: Uint32Array;
  /** [lng, lat] of ids[k] at 2k, 2k + 1: a ring's nodes are read from one stretch of memory. */
  private readonly coords: Float64Array;
  /** cos(lat) of ids[k], as haversineM computes it. */
  private readonly cosLat: Float64Array;
  /** Wider than 180° of longitude: the ring bounds do not hold (Δλ wraps), every query scans all nodes. */
  private readonly wide: boolean;
  /**
   * For each cell, how many rings around it hold no node (its chessboard distance in cells to the nearest
   * cell with a node, at most 255): a query in a park or a river starts at the first ring with nodes.
   */
  private readonly emptyRings: Uint8Array;

  /**
   * @param coords [lng0, lat0, lng1, lat1, …] of the nodes (WGS-84 degrees, finite)
   * @param count the number of nodes
   */
  constructor(coords: ArrayLike<number>, count: number) {
    let minLng = Infinity;
    let minLat = Infinity;
    let maxLng = -Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < count; i++) {
      const x = coords[2 * i]!;
      const y = coords[2 * i + 1]!;
      if (x < minLng) minLng = x;
      if (x > maxLng) maxLng = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    }
    if (count === 0) minLng = minLat = maxLng = maxLat = 0;
    const cosMid = Math.max(Math.cos(((minLat + maxLat) / 2) * RAD), 0.01);
    const widthM = Math.max((maxLng - minLng) * cosMid * METERS_PER_DEGREE, 1);
    const heightM = Math.max((maxLat - minLat) * METERS_PER_DEGREE, 1);
    let cellM = Math.max(Math.sqrt((widthM * heightM * NODES_PER_CELL) / Math.max(count, 1)), 1);
    while ((Math.floor(widthM / cellM) + 1) * (Math.floor(heightM / cellM) + 1) > MAX_CELLS) cellM *= 1.5;
    this.minLng = minLng;
    this.minLat = minLat;
    this.cellLat = cellM / METERS_PER_DEGREE;
    this.cellLng = cellM / (cosMid * METERS_PER_DEGREE);
    this.cols = Math.floor((maxLng - minLng) / this.cellLng) + 1;
    this.rows = Math.floor((maxLat - minLat) / this.cellLat) + 1;
    const cellOf = new Uint32Array(count);
    const start = new Uint32Array(this.cols * this.rows + 1);
    for (let i = 0; i < count; i++) {
      const cx = Math.min(this.cols - 1, Math.floor((coords[2 * i]! - minLng) / this.cellLng));
      const cy = Math.min(this.rows - 1, Math.floor((coords[2 * i + 1]! - minLat) / this.cellLat));
      const c = cy * this.cols + cx;
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, this.cols * this.rows);
    this.ids = new Uint32Array(count);
    this.coords = new Float64Array(2 * count);
    this.cosLat = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const k = fill[cellOf[i]!]!++;
      this.ids[k] = i;
      this.coords[2 * k] = coords[2 * i]!;
      this.coords[2 * k + 1] = coords[2 * i + 1]!;
      this.cosLat[k] = Math.cos(coords[2 * i + 1]! * RAD);
    }
    this.start = start;
    this.wide = maxLng - minLng > 180;
    this.emptyRings = emptyRingsOf(start, this.cols, this.rows);
  }

  /**
   * The nearest node by haversine distance (ties → lowest id), searched ring by ring of cells around
   * the query until every node outside the rings searched is provably farther than the best found.
   * @param lng query longitude
   * @param lat query latitude
   * @param maxDistanceM ignore nodes farther than this
   * @returns the node id and its distance in metres, or id −1 when none is within maxDistanceM
   * @example grid.nearest(121.47, 31.23, 500) // { id: 812, distanceM: 23.4 }
   */
  nearest(lng: number, lat: number, maxDistanceM: number): { id: number; distanceM: number } {
    const found = { id: -1, distanceM: Infinity };
    if (this.ids.length === 0) return found;
    if (this.wide) {
      this.scanAll(lng, lat, found);
      return found.distanceM <= maxDistanceM ? found : { id: -1, distanceM: Infinity };
    }
    const { cols, rows } = this;
    const cx = Math.floor((lng - this.minLng) / this.cellLng);
    const cy = Math.floor((lat - this.minLat) / this.cellLat);
    // Rings nearer the query than the grid's own cells hold nothing: start at the first that meets it.
    const k0 = Math.max(
      cx < 0 ? -cx : cx >= cols ? cx - cols + 1 : 0,
      cy < 0 ? -cy : cy >= rows ? cy - rows + 1 : 0,
    );
    // In the grid, rings that hold no node are skipped (none of them could change the answer).
    const inside = k0 === 0 ? (this.emptyRings[cy * cols + cx] as number) : 0;
    const cosQuery = Math.cos(lat * RAD);
    const kx = cosQuery * METERS_PER_DEGREE;
    // Nearer the poles than 70° the flat distance's error passes 1 %: no flat filter there.
    const flatLimitM = Math.abs(lat) < 70 ? FLAT_FILTER_M : -1;
    const maxRings = Math.max(cols, rows) + k0 + 1;
    for (let k = Math.max(k0, inside); k <= maxRings; k++) {
      const y0 = Math.max(0, cy - k);
      const y1 = Math.min(rows - 1, cy + k);
      for (let y = y0; y <= y1; y++) {
        const edgeRow = y === cy - k || y === cy + k;
        const x0 = Math.max(0, cx - k);
        const x1 = Math.min(cols - 1, cx + k);
        if (edgeRow) {
          if (x0 <= x1) this.scan(y * cols + x0, y * cols + x1, lng, lat, cosQuery, kx, flatLimitM, found);
        } else {
          if (cx - k >= 0 && cx - k < cols)
            this.scan(y * cols + cx - k, y * cols + cx - k, lng, lat, cosQuery, kx, flatLimitM, found);
          if (cx + k < cols && cx + k >= 0)
            this.scan(y * cols + cx + k, y * cols + cx + k, lng, lat, cosQuery, kx, flatLimitM, found);
        }
      }
      const beyond = this.outsideBound(cx, cy, k, lng, lat, cosQuery);
      // Every node outside the square of rings 0..k is at least `beyond` away.
      if (found.distanceM < beyond) break;
      if (beyond > maxDistanceM) break;
      if (beyond > RING_SEARCH_MAX_M) {
        this.scanAll(lng, lat, found);
        break;
      }
    }
    return found.distanceM <= maxDistanceM ? found : { id: -1, distanceM: Infinity };
  }

  /** Visits the nodes of cells first..last (one row), keeping the nearest in `found`. */
  private scan(
    first: number,
    last: number,
    lng: number,
    lat: number,
    cosQuery: number,
    kx: number,
    flatLimitM: number,
    found: { id: number; distanceM: number },
  ): void {
    const { ids, coords, cosLat } = this;
    for (let k = this.start[first]!, end = this.start[last + 1]!; k < end; k++) {
      const x = coords[2 * k]!;
      const y = coords[2 * k + 1]!;
      const fx = (x - lng) * kx;
      const fy = (y - lat) * METERS_PER_DEGREE;
      const flat = Math.sqrt(fx * fx + fy * fy);
      if (flat <= flatLimitM && flat * (1 - FLAT_SLACK) > found.distanceM) continue;
      // haversineM's own arithmetic, with the node's cos(lat) computed once.
      const sinDLat = Math.sin((y - lat) * RAD * 0.5);
      const sinDLng = Math.sin((x - lng) * RAD * 0.5);
      const a = sinDLat * sinDLat + cosQuery * cosLat[k]! * sinDLng * sinDLng;
      const d = 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, a)));
      const id = ids[k]!;
      if (d < found.distanceM || (d === found.distanceM && id < found.id)) {
        found.distanceM = d;
        found.id = id;
      }
    }
  }

  /** Exact answer by visiting every node (queries far from the whole network). */
  private scanAll(lng: number, lat: number, found: { id: number; distanceM: number }): void {
    for (let k = 0; k < this.ids.length; k++) {
      const d = haversineM(lng, lat, this.coords[2 * k]!, this.coords[2 * k + 1]!);
      const id = this.ids[k]!;
      if (d < found.distanceM || (d === found.distanceM && id < found.id)) {
        found.distanceM = d;
        found.id = id;
      }
    }
  }

  /**
   * A lower bound (metres, with 1 % to spare) of the distance from the query to any node outside the
   * square of cells cx − k .. cx + k × cy − k .. cy + k; Infinity when no node lies outside it. North and
   * south: a great circle is never shorter than R·Δφ. East and west, for nodes within the square's
   * latitudes (the others are beyond the north or south bound): hav(d/R) ≥ cos φ₁ cos φ₂ hav(Δλ), with
   * cos φ₂ at its least at the band's edge farthest from the equator.
   */
  private outsideBound(
    cx: number,
    cy: number,
    k: number,
    lng: number,
    lat: number,
    cosQuery: number,
  ): number {
    const south = this.minLat + (cy - k) * this.cellLat;
    const north = this.minLat + (cy + k + 1) * this.cellLat;
    const west = this.minLng + (cx - k) * this.cellLng;
    const east = this.minLng + (cx + k + 1) * this.cellLng;
    let bound = Infinity;
    if (cy - k > 0) bound = Math.min(bound, Math.max(0, lat - south) * RAD * EARTH_RADIUS_M);
    if (cy + k < this.rows - 1) bound = Math.min(bound, Math.max(0, north - lat) * RAD * EARTH_RADIUS_M);
    if (cx - k > 0 || cx + k < this.cols - 1) {
      const farLat = Math.min(90, Math.max(Math.abs(south), Math.abs(north)));
      const cosBand = cosQuery * Math.cos(farLat * RAD);
      if (cx - k > 0) bound = Math.min(bound, sideBoundM(lng - west, cosBand));
      if (cx + k < this.cols - 1) bound = Math.min(bound, sideBoundM(east - lng, cosBand));
    }
    return bound * (1 - FLAT_SLACK);
  }
}

/**
 * Chessboard distance transform of the grid's empty cells (two passes, exact for that metric), capped at
 * 255: 0 for a cell with nodes, k when the nearest cell with nodes is k rings away.
 */
function emptyRingsOf(start: Uint32Array, cols: number, rows: number): Uint8Array {
  const far = 255;
  const d = new Uint8Array(cols * rows);
  for (let c = 0; c < cols * rows; c++) d[c] = start[c + 1]! > start[c]! ? 0 : far;
  const relax = (c: number, x: number, y: number): void => {
    if (x < 0 || x >= cols || y < 0 || y >= rows) return;
    const via = d[y * cols + x]! + 1;
    if (via < d[c]!) d[c] = via;
  };
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const c = y * cols + x;
      relax(c, x - 1, y);
      relax(c, x - 1, y - 1);
      relax(c, x, y - 1);
      relax(c, x + 1, y - 1);
    }
  }
  for (let y = rows - 1; y >= 0; y--) {
    for (let x = cols - 1; x >= 0; x--) {
      const c = y * cols + x;
      relax(c, x + 1, y);
      relax(c, x + 1, y + 1);
      relax(c, x, y + 1);
      relax(c, x - 1, y + 1);
    }
  }
  return d;
}

/**
 * A lower bound of the great-circle distance to a point Δλ degrees east or west, given cos φ₁ · min cos φ₂
 * (`cosBand`): d = 2R asin(√cosBand · sin(x/2)) ≥ R x √cosBand (1 − x²/24) for x = Δλ in radians, as
 * asin z ≥ z and sin y ≥ y − y³/6 — no trigonometry per ring.
 */
function sideBoundM(dLng: number, cosBand: number): number {
  const x = Math.max(0, dLng) * RAD;
  return EARTH_RADIUS_M * x * Math.sqrt(cosBand) * Math.max(0, 1 - (x * x) / 24);
}
