import { convertCoordinate } from './convert-coordinate';
import { crsAlternatives } from './crs-alternatives';
import type { CrsId } from './crs-id';
import { inverseProjectorFor } from './inverse-projector';
import type { LandMask } from './land-mask';
import { DEFAULT_SEA_TOLERANCE_M, pointsAtSea } from './points-at-sea';

/** Another reading of the file that puts more of its points on land. */
export interface CrsSuggestion {
  crs: CrsId;
  /** Share (0–1) of the sampled points still at sea (or refused) when read this way. */
  seaShare: number;
  /** Share of the same sample at sea as the file was read. */
  currentSeaShare: number;
}

export interface LandCheck {
  /** Point numbers (indexes into the input) more than the tolerance from land, ascending. */
  atSea: Uint32Array;
  /** The first other CRS (nearest first) with the fewest points at sea, when it at least halves them;
   * null also when under a tenth of the points are at sea (mistyped rows, not a wrong CRS). */
  suggestion: CrsSuggestion | null;
}

export interface LandCheckOptions {
  /** Distance from the coast within which a point counts as on land (default 2 km). */
  toleranceM?: number;
  /** Points tried per alternative CRS: up to this many at sea plus as many on land (default 300). */
  sample?: number;
}

/**
 * A wrong CRS moves every point, so it shows as many points at sea; below this share the points at sea
 * are taken for mistyped rows and no other CRS is suggested for the whole file.
 */
const MIN_SEA_SHARE_FOR_SUGGESTION = 0.1;

/** Every k-th of `from`, at most `max` of them. */
function strided(from: ArrayLike<number>, max: number): number[] {
  const step = Math.max(1, Math.ceil(from.length / max));
  const out: number[] = [];
  for (let i = 0; i < from.length; i += step) out.push(from[i] as number);
  return out;
}

function landIndexes(count: number, atSea: Uint32Array): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i < count; i++) {
    if (s < atSea.length && atSea[s] === i) s++;
    else out.push(i);
  }
  return out;
}

/** Share of `raw` points refused or at sea when read in `crs`. */
function seaShareAs(mask: LandMask, raw: Float64Array, crs: CrsId, toleranceM: number): number {
  const n = raw.length >> 1;
  const converted = new Float64Array(raw.length).fill(NaN);
  for (let i = 0; i < n; i++) {
    const r = convertCoordinate(raw[2 * i] as number, raw[2 * i + 1] as number, crs);
    if (r.point) converted.set(r.point, 2 * i);
  }
  // Refused points are NaN, which pointsAtSea counts as at sea.
  return pointsAtSea(mask, converted, toleranceM).length / n;
}

/**
 * Checks imported points against a land mask: which lie in the sea, and whether reading the file in
 * another CRS (crsAlternatives) would put them on land. The points are turned back into the file's own
 * numbers with the inverse of `crs`, then read with each alternative on a sample: up to `sample` points
 * at sea and as many on land, so a few mistyped rows do not make every point move.
 * @param mask from landMaskFromTopology
 * @param points the imported points, WGS-84 [lng0, lat0, …]
 * @param crs the CRS the file was read in
 * @param options tolerance and sample size
 * @returns the points at sea and the suggested CRS
 * @example landCheck(mask, points, 'EPSG:4550').suggestion?.crs // 'EPSG:4549' for Shanghai read one zone east
 */
export function landCheck(
  mask: LandMask,
  points: Float64Array,
  crs: CrsId,
  options: LandCheckOptions = {},
): LandCheck {
  const toleranceM = options.toleranceM ?? DEFAULT_SEA_TOLERANCE_M;
  const sample = options.sample ?? 300;
  const atSea = pointsAtSea(mask, points, toleranceM);
  if (atSea.length < MIN_SEA_SHARE_FOR_SUGGESTION * (points.length >> 1)) return { atSea, suggestion: null };
  const seaSample = strided(atSea, sample);
  const picked = [...seaSample, ...strided(landIndexes(points.length >> 1, atSea), sample)];
  const currentSeaShare = seaSample.length / picked.length;
  const inverse = inverseProjectorFor(crs);
  const raw = new Float64Array(picked.length * 2);
  picked.forEach((p, i) => raw.set(inverse(points[2 * p] as number, points[2 * p + 1] as number), 2 * i));
  let best: CrsSuggestion | null = null;
  for (const alternative of crsAlternatives(crs)) {
    const seaShare = seaShareAs(mask, raw, alternative, toleranceM);
    if (seaShare <= currentSeaShare / 2 && (best === null || seaShare < best.seaShare)) {
      best = { crs: alternative, seaShare, currentSeaShare };
    }
  }
  return { atSea, suggestion: best };
}
