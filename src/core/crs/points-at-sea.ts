import type { LandMask } from './land-mask';

/** Metres per degree of latitude (mean Earth radius 6 371 008.8 m · π/180). */
const M_PER_DEG = 111_195;
/**
 * Cells of the per-call cache, degrees: a cell with no coast within the tolerance is all land or all
 * sea, so one ray test answers every point in it. Coarse cells (about 50 km) settle inland and open
 * sea at once; near a coast, fine cells (about 2 km) do; only points in fine coastal cells are tested
 * one by one. Imported points cluster in one city, so few cells are ever classified.
 */
const COARSE_DEG = 0.5;
const FINE_DEG = 0.02;
const LAND = 1;
const SEA = 2;
const COAST = 3;
/**
 * Natural Earth's 1:10m coastline is up to about a kilometre off the real one in places (and the
 * world-atlas quantization adds up to ~0.2 km), so a point counts as at sea only beyond 2 km of land.
 */
export const DEFAULT_SEA_TOLERANCE_M = 2000;

const covers = ({ region }: LandMask, x: number, y: number): boolean =>
  region === null || (x >= region.west && y >= region.south && y <= region.north);

/** Even–odd count of coast crossings on the ray from (x, y) eastwards. */
function inside(mask: LandMask, x: number, y: number): boolean {
  const { segments, index } = mask;
  if (segments.length === 0 || x > mask.east) return false;
  let crossings = 0;
  index.search(x, y, mask.east, y, (i) => {
    const o = i * 4;
    const y1 = segments[o + 1] as number;
    const y2 = segments[o + 3] as number;
    // Half-open in y, so a ray through a vertex counts the two segments meeting there once.
    if (y1 > y === y2 > y) return false;
    const x1 = segments[o] as number;
    const x2 = segments[o + 2] as number;
    if (x1 + ((y - y1) / (y2 - y1)) * (x2 - x1) > x) crossings++;
    return false;
  });
  return crossings % 2 === 1;
}

const degLng = (m: number, lat: number) => m / (M_PER_DEG * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));

/** Whether some coast segment lies within toleranceM of (x, y), measured in a local flat frame. */
function nearCoast(mask: LandMask, x: number, y: number, toleranceM: number): boolean {
  const { segments, index } = mask;
  if (segments.length === 0) return false;
  const kx = M_PER_DEG * Math.max(0.01, Math.cos((y * Math.PI) / 180));
  const dy = toleranceM / M_PER_DEG;
  const dx = degLng(toleranceM, Math.abs(y) + dy);
  const limit = toleranceM * toleranceM;
  let near = false;
  index.search(x - dx, y - dy, x + dx, y + dy, (i) => {
    if (near) return false;
    const o = i * 4;
    const ax = ((segments[o] as number) - x) * kx;
    const ay = ((segments[o + 1] as number) - y) * M_PER_DEG;
    const bx = ((segments[o + 2] as number) - x) * kx;
    const by = ((segments[o + 3] as number) - y) * M_PER_DEG;
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, -(ax * vx + ay * vy) / (vx * vx + vy * vy || 1)));
    const px = ax + t * vx;
    const py = ay + t * vy;
    if (px * px + py * py <= limit) near = true;
    return false;
  });
  return near;
}

function classifyCell(mask: LandMask, west: number, south: number, size: number, toleranceM: number): number {
  const dy = toleranceM / M_PER_DEG;
  const dx = degLng(toleranceM, Math.max(Math.abs(south), Math.abs(south + size)) + dy);
  let coast = false;
  if (mask.segments.length) {
    mask.index.search(west - dx, south - dy, west + size + dx, south + size + dy, () => {
      coast = true;
      return false;
    });
  }
  if (coast) return COAST;
  return inside(mask, west + size / 2, south + size / 2) ? LAND : SEA;
}

/** The state of the cell of `size` degrees holding (x, y), classified on first use. */
function cellState(
  cells: Map<number, number>,
  mask: LandMask,
  x: number,
  y: number,
  size: number,
  toleranceM: number,
): number {
  const cx = Math.floor((x + 180) / size);
  const cy = Math.floor((y + 90) / size);
  const key = cy * Math.ceil(360 / size + 1) + cx;
  let state = cells.get(key);
  if (state === undefined) {
    state = classifyCell(mask, cx * size - 180, cy * size - 90, size, toleranceM);
    cells.set(key, state);
  }
  return state;
}

/**
 * Finds the points that lie in the sea: farther than `toleranceM` from land. A point within the
 * tolerance of the coast counts as on land (the mask's coastline is generalised). Points that are not
 * valid longitude, latitude pairs (NaN, |lat| > 90, |lng| > 180 — e.g. swapped columns) count as at sea,
 * and so do points outside the region the mask was built for (it cannot tell).
 * @param mask from landMaskFromTopology
 * @param coords WGS-84 [lng0, lat0, lng1, lat1, …]
 * @param toleranceM distance from the coast within which a point still counts as on land
 * @returns indexes (point numbers, not array offsets) of the points at sea, ascending
 * @example pointsAtSea(mask, new Float64Array([121.47, 31.23, 123.5, 30.5])) // Uint32Array [1]
 */
export function pointsAtSea(
  mask: LandMask,
  coords: Float64Array,
  toleranceM = DEFAULT_SEA_TOLERANCE_M,
): Uint32Array {
  const count = coords.length >> 1;
  const coarse = new Map<number, number>();
  const fine = new Map<number, number>();
  const out = new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const x = coords[2 * i] as number;
    const y = coords[2 * i + 1] as number;
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90) || !covers(mask, x, y)) {
      out[n++] = i;
      continue;
    }
    let state = cellState(coarse, mask, x, y, COARSE_DEG, toleranceM);
    if (state === COAST) state = cellState(fine, mask, x, y, FINE_DEG, toleranceM);
    const atSea = state === COAST ? !nearCoast(mask, x, y, toleranceM) && !inside(mask, x, y) : state === SEA;
    if (atSea) out[n++] = i;
  }
  return out.slice(0, n);
}
