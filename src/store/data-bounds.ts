/** The extent of imported data, so the map fits to it after an import (issue #12). */
import type { LngLat } from '../core';
import type { Bounds } from './types';

/**
 * @param locations points (null: not located, skipped)
 * @returns [west, south, east, north], or null when no point is located
 * @example dataBounds([[117.2, 31.8], null, [117.3, 31.9]]) // [117.2, 31.8, 117.3, 31.9]
 */
export function dataBounds(locations: Iterable<LngLat | null>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const p of locations) {
    if (p === null || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    west = Math.min(west, p[0]);
    east = Math.max(east, p[0]);
    south = Math.min(south, p[1]);
    north = Math.max(north, p[1]);
  }
  return west === Infinity ? null : [west, south, east, north];
}
