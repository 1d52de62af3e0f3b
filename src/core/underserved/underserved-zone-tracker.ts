import type { Feature, Polygon, Position } from 'geojson';
import type { Estate } from '../model/estate';
import { traceCellOutline } from './cell-outline';
import { signedArea } from './rings-to-polygons';
import { zoneCellGrid } from './zone-cell-grid';
import type {
  CoverageParameters,
  EstateCoverage,
  UnderservedZoneProperties,
  UnderservedZones,
} from '../coverage/types';

/** Styling (simplestyle-spec, read by geojson.io and the app's map): a warm red for unmet need. */
const ZONE_STYLE = { fill: '#d7301f', 'fill-opacity': 0.35, stroke: '#b30000', 'stroke-width': 1 } as const;

export type UnderservedZoneFeature = Feature<Polygon, UnderservedZoneProperties>;

/** The zones one update changed: zone numbers no longer shown, and new or changed zones. */
export interface UnderservedZonePatch {
  removed: number[];
  upserted: UnderservedZoneFeature[];
}

/** Underserved zones kept up to date estate by estate (see `createUnderservedZoneTracker`). */
export interface UnderservedZoneTracker {
  /** All zones, ordered by their south-west-most cell. */
  zones(): UnderservedZones;
  /**
   * Re-derives the zones near the changed estates only.
   * @param changed indices of estates whose rows may have changed
   * @param rows every estate's current row (the changed ones included)
   */
  update(changed: Iterable<number>, rows: readonly EstateCoverage[]): UnderservedZonePatch;
}

interface Zone {
  /** Cell keys, ascending (the first is the south-west-most). */
  cells: number[];
  feature: UnderservedZoneFeature;
}

/**
 * Underserved zones that follow what-if edits locally. The estates flagged `underserved` (on the
 * network, located) are binned into square demand cells of `parameters.zoneCellM` in a local metric
 * frame anchored at the south-west corner of all located estates (the grid never moves); 4-connected
 * groups of occupied cells inside one planning block (`parameters.zoneBlockM`, whole cells) become
 * one polygon each (exact union of the squares, holes kept) with the households, residents, demand and
 * missing supply (Σ demand × max(0, 1 − A_i)) of their estates. Zones never cross a block's edge, so
 * an update re-traces only the zones of the blocks it touched, however much of the city is
 * underserved. An update re-traces the zones that contain or touch a changed estate's cell; a zone keeps its
 * number while its south-west-most cell stays in it (the first build numbers zones 1…n from the
 * south-west), so the map can diff zones by number.
 * @param estates the estates, in the order of `rows`
 * @param rows their coverage rows
 * @param parameters the coverage parameters (cell size, mode, capacity unit)
 * @returns the tracker
 * @example
 * const zones = createUnderservedZoneTracker(estates, result.estates, result.parameters);
 * zones.update([3, 17], rowsAfterEdit).upserted.length
 */
export function createUnderservedZoneTracker(
  estates: readonly Estate[],
  rows: readonly EstateCoverage[],
  parameters: CoverageParameters,
): UnderservedZoneTracker {
  const grid = zoneCellGrid(estates, parameters.zoneCellM);
  const { lng0, lat0, frame, size, width } = grid;
  /** Cells per side of a planning block. */
  const block = Math.max(1, Math.round(parameters.zoneBlockM / size));
  const blockOf = (c: number): number => {
    const x = c % width;
    return Math.floor((c - x) / width / block) * width + Math.floor(x / block);
  };
  const cellOf = grid.estateCell;
  const flagged = new Uint8Array(estates.length);
  /** Underserved estates per occupied cell, ascending. */
  const members = new Map<number, number[]>();
  const zoneOfCell = new Map<number, number>();
  const zones = new Map<number, Zone>();
  let nextZone = 1;

  /** The 4-neighbours of a cell in its own planning block. */
  const neighbours = (c: number): number[] => {
    const x = c % width;
    const b = blockOf(c);
    const out: number[] = [];
    for (const n of [c + width, c - width]) if (n >= 0 && blockOf(n) === b) out.push(n);
    if (x + 1 < width && blockOf(c + 1) === b) out.push(c + 1);
    if (x > 0 && blockOf(c - 1) === b) out.push(c - 1);
    return out;
  };
  const group = (seed: number): number[] => {
    const cells = [seed];
    zoneOfCell.set(seed, 0);
    for (let q = 0; q < cells.length; q++) {
      for (const n of neighbours(cells[q]!)) {
        if (members.has(n) && !zoneOfCell.has(n)) {
          zoneOfCell.set(n, 0);
          cells.push(n);
        }
      }
    }
    return cells.sort((a, b) => a - b);
  };
  const feature = (
    zone: number,
    cells: number[],
    current: readonly EstateCoverage[],
  ): UnderservedZoneFeature => {
    const coordinates = outline(cells, width).map((ring) => {
      const out: Position[] = [];
      for (let k = 0; k < ring.length; k += 2) {
        out.push([lng0 + (ring[k]! * size) / frame.mPerLng, lat0 + (ring[k + 1]! * size) / frame.mPerLat]);
      }
      return out;
    });
    const list = cells.flatMap((c) => members.get(c)!).sort((a, b) => a - b);
    return {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates },
      properties: zoneProperties(zone, cells.length, list, current, parameters),
    };
  };
  const settle = (cells: number[], zone: number, current: readonly EstateCoverage[]): Zone => {
    for (const c of cells) zoneOfCell.set(c, zone);
    const z = { cells, feature: feature(zone, cells, current) };
    zones.set(zone, z);
    return z;
  };

  rows.forEach((row, i) => {
    if (!row.underserved || cellOf[i]! < 0) return;
    flagged[i] = 1;
    const list = members.get(cellOf[i]!);
    if (list) list.push(i);
    else members.set(cellOf[i]!, [i]);
  });
  for (const c of [...members.keys()].sort((a, b) => a - b)) {
    if (!zoneOfCell.has(c)) settle(group(c), nextZone++, rows);
  }

  return {
    zones: () => ({
      type: 'FeatureCollection',
      features: [...zones.values()].sort((a, b) => a.cells[0]! - b.cells[0]!).map((z) => z.feature),
    }),
    update: (changed, current) => {
      const touched = new Set<number>();
      for (const i of changed) {
        const c = cellOf[i]!;
        const now = current[i]!.underserved ? 1 : 0;
        if (c < 0 || (now === 0 && flagged[i] === 0)) continue;
        touched.add(c);
        if (now === flagged[i]) continue;
        flagged[i] = now;
        const list = members.get(c) ?? [];
        if (now) list.splice(insertionPoint(list, i), 0, i);
        else list.splice(list.indexOf(i), 1);
        if (list.length > 0) members.set(c, list);
        else members.delete(c);
      }
      // A cell that filled in may join the zones of its neighbours; one that emptied may split its own.
      const affected = new Map<number, Zone>();
      for (const c of touched) {
        for (const n of [c, ...neighbours(c)]) {
          const z = zoneOfCell.get(n);
          if (z !== undefined && !affected.has(z)) affected.set(z, zones.get(z)!);
        }
      }
      const seeds = new Set(touched);
      for (const [number, z] of affected) {
        for (const c of z.cells) {
          zoneOfCell.delete(c);
          seeds.add(c);
        }
        zones.delete(number);
      }
      const reused = new Set<number>();
      const upserted: UnderservedZoneFeature[] = [];
      for (const seed of [...seeds].sort((a, b) => a - b)) {
        if (!members.has(seed) || zoneOfCell.has(seed)) continue;
        const cells = group(seed);
        const previous = [...affected].find(([, z]) => z.cells.includes(cells[0]!))?.[0];
        const number = previous !== undefined && !reused.has(previous) ? previous : nextZone++;
        reused.add(number);
        const z = settle(cells, number, current);
        const old = affected.get(number);
        if (!old || JSON.stringify(old.feature) !== JSON.stringify(z.feature)) upserted.push(z.feature);
      }
      return { removed: [...affected.keys()].filter((z) => !reused.has(z)), upserted };
    },
  };
}

/** Where `value` goes in an ascending list. */
function insertionPoint(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Outline rings of a group of cells (keys row × width + column) in cell units: outer ring first, then holes. */
function outline(cells: readonly number[], width: number): number[][] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of cells) {
    const x = c % width;
    const y = (c - x) / width;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  // One empty cell of padding on each side keeps every outline closed inside the mask.
  const w = maxX - minX + 3;
  const h = maxY - minY + 3;
  const mask = new Uint8Array(w * h);
  for (const c of cells) {
    const x = c % width;
    mask[((c - x) / width - minY + 1) * w + (x - minX + 1)] = 1;
  }
  const rings = traceCellOutline(mask, w, h).map((r) =>
    r.map((v, k) => v + (k % 2 === 0 ? minX - 1 : minY - 1)),
  );
  // A 4-connected group has exactly one counter-clockwise (positive) ring: the outer one.
  rings.sort((a, b) => signedArea(b) - signedArea(a));
  return rings;
}

function zoneProperties(
  zone: number,
  cellCount: number,
  list: number[],
  rows: readonly EstateCoverage[],
  p: CoverageParameters,
): UnderservedZoneProperties {
  let households = 0;
  let residents = 0;
  let demand = 0;
  let missing = 0;
  for (const i of list) {
    const r = rows[i]!;
    households += r.households ?? 0;
    residents += r.residents ?? 0;
    demand += r.demand ?? 0;
    missing += (r.demand ?? 0) * Math.max(0, 1 - (r.supplyDemandRatio ?? 0));
  }
  const capacityOn = p.capacity !== null;
  return {
    mode: p.mode,
    zone,
    cells: cellCount,
    estateIds: list.map((i) => rows[i]!.id),
    households,
    residents,
    demand: capacityOn ? demand : null,
    missing: capacityOn ? missing : null,
    unit: p.capacityUnit,
    ...ZONE_STYLE,
  };
}
