import type { Estate } from '../model/estate';
import { localFrame, type LocalFrame } from '../geo/local-frame';

/**
 * The square demand-cell grid underserved zones are made of: anchored at the south-west corner of
 * all located estates (so it never moves when coverage changes), cells of `size` metres in a local
 * metric frame, keys ascending by row then column (the south-west-most cell of a group has the
 * smallest key).
 */
export interface ZoneCellGrid {
  lng0: number;
  lat0: number;
  frame: LocalFrame;
  size: number;
  /** Columns (one more than the easternmost estate's column, so keys never wrap). */
  width: number;
  /** Cell key of every estate, −1 when it has no location. */
  estateCell: Int32Array;
  /**
   * Cell key of any point; −1 outside the grid (west or south of it, or east of every estate).
   * @param lng longitude, degrees
   * @param lat latitude, degrees
   */
  cellOf(lng: number, lat: number): number;
}

/**
 * @param estates the estates (their order is the order of `estateCell`)
 * @param size cell side, metres
 * @returns the grid
 * @example zoneCellGrid(estates, 250).estateCell[0]
 */
export function zoneCellGrid(estates: readonly Estate[], size: number): ZoneCellGrid {
  let lng0 = Infinity;
  let lat0 = Infinity;
  for (const e of estates) {
    if (e.location === null) continue;
    lng0 = Math.min(lng0, e.location[0]);
    lat0 = Math.min(lat0, e.location[1]);
  }
  const frame = localFrame(lng0, lat0);
  const cx = new Int32Array(estates.length).fill(-1);
  const cy = new Int32Array(estates.length).fill(-1);
  let width = 1;
  estates.forEach((e, i) => {
    if (e.location === null) return;
    cx[i] = Math.floor(((e.location[0] - lng0) * frame.mPerLng) / size);
    cy[i] = Math.floor(((e.location[1] - lat0) * frame.mPerLat) / size);
    width = Math.max(width, cx[i]! + 2);
  });
  const estateCell = new Int32Array(estates.length);
  for (let i = 0; i < estates.length; i++) estateCell[i] = cx[i]! < 0 ? -1 : cy[i]! * width + cx[i]!;
  const cellOf = (lng: number, lat: number): number => {
    const x = Math.floor(((lng - lng0) * frame.mPerLng) / size);
    const y = Math.floor(((lat - lat0) * frame.mPerLat) / size);
    return x < 0 || y < 0 || x >= width || !Number.isFinite(x + y) ? -1 : y * width + x;
  };
  return { lng0, lat0, frame, size, width, estateCell, cellOf };
}
