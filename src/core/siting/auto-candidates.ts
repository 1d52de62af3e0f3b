import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { localFrame } from '../geo/local-frame';
import type { ZoneCellGrid } from '../underserved/zone-cell-grid';
import type { WalkingGraph } from '../model/network';

/**
 * Automatic candidate sites: the street access node of every underserved estate (so an estate whose
 * zone cell holds no street still has a site that can reach it) and the street nodes inside the
 * underserved zones (the zone cells of the coverage grid), optionally only inside a drawn area,
 * thinned to a minimum spacing — a node is kept unless a kept node lies within `spacingM` (straight
 * line), taking the access nodes first and then the others in graph order, so the same network and
 * zones always give the same candidates.
 * @param graph the walking graph
 * @param grid the underserved-zone cell grid (`zoneCellGrid`)
 * @param zoneCells keys of the cells that belong to underserved zones
 * @param spacingM minimum spacing, metres (≤ 0: every node)
 * @param area keep only nodes inside this polygon (WGS-84), or null
 * @param accessNodes the underserved estates' access nodes (taken first)
 * @returns node indices, ascending
 * @example autoCandidates(graph, grid, new Set([12, 13]), 100, null, [4051]).length
 */
export function autoCandidates(
  graph: WalkingGraph,
  grid: ZoneCellGrid,
  zoneCells: ReadonlySet<number>,
  spacingM: number,
  area: Polygon | MultiPolygon | null,
  accessNodes: readonly number[],
): number[] {
  const { coords } = graph;
  const box = area ? bbox(area) : null;
  const frame = localFrame(grid.lng0, grid.lat0);
  const step = spacingM > 0 ? spacingM : 1;
  const kept = new Map<string, number[]>();
  const out: number[] = [];
  const taken = new Uint8Array(graph.nodeCount);
  const consider = (u: number): void => {
    if (taken[u] === 1) return;
    taken[u] = 1;
    const lng = coords[2 * u]!;
    const lat = coords[2 * u + 1]!;
    if (area && box) {
      if (lng < box[0] || lat < box[1] || lng > box[2] || lat > box[3]) return;
      if (!booleanPointInPolygon([lng, lat], area)) return;
    }
    if (spacingM > 0) {
      const x = (lng - frame.lng0) * frame.mPerLng;
      const y = (lat - frame.lat0) * frame.mPerLat;
      const gx = Math.floor(x / step);
      const gy = Math.floor(y / step);
      let near = false;
      for (let dx = -1; dx <= 1 && !near; dx++) {
        for (let dy = -1; dy <= 1 && !near; dy++) {
          for (const v of kept.get(`${gx + dx},${gy + dy}`) ?? []) {
            const vx = (coords[2 * v]! - frame.lng0) * frame.mPerLng;
            const vy = (coords[2 * v + 1]! - frame.lat0) * frame.mPerLat;
            if ((vx - x) ** 2 + (vy - y) ** 2 < spacingM * spacingM) {
              near = true;
              break;
            }
          }
        }
      }
      if (near) return;
      const key = `${gx},${gy}`;
      const list = kept.get(key);
      if (list) list.push(u);
      else kept.set(key, [u]);
    }
    out.push(u);
  };
  for (const u of accessNodes) consider(u);
  for (let u = 0; u < graph.nodeCount; u++) {
    if (taken[u] === 0 && zoneCells.has(grid.cellOf(coords[2 * u]!, coords[2 * u + 1]!))) consider(u);
  }
  return out.sort((a, b) => a - b);
}
