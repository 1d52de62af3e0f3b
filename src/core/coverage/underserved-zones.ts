import type { Feature, Polygon, Position } from 'geojson';
import type { Estate } from '../model/estate';
import { traceCellOutline } from './cell-outline';
import { localFrame } from './local-frame';
import { signedArea } from './rings-to-polygons';
import type {
  CoverageParameters,
  EstateCoverage,
  UnderservedZoneProperties,
  UnderservedZones,
} from './types';

/** Styling (simplestyle-spec, read by geojson.io and the app's map): a warm red for unmet need. */
const ZONE_STYLE = { fill: '#d7301f', 'fill-opacity': 0.35, stroke: '#b30000', 'stroke-width': 1 } as const;

/**
 * Underserved zones: the estates flagged `underserved` (on the network, located) are binned into square
 * demand cells of `parameters.zoneCellM` in a local metric frame anchored at the south-west corner of
 * all located estates (so the grid does not move when coverage changes); 4-connected groups of occupied
 * cells become one polygon each (exact union of the squares, holes kept) with the households, residents,
 * demand and missing supply (Σ demand × max(0, 1 − A_i), the part 2SFCA leaves unmet) of their estates.
 * Zones are ordered by their south-west-most cell; estate ids keep the estates' order.
 * @param estates the estates, in the order of `rows`
 * @param rows their coverage rows
 * @param parameters the coverage parameters (cell size, mode, capacity unit)
 * @returns a FeatureCollection of Polygons
 * @example underservedZones(estates, result.estates, result.parameters).features.length
 */
export function underservedZones(
  estates: readonly Estate[],
  rows: readonly EstateCoverage[],
  parameters: CoverageParameters,
): UnderservedZones {
  let lng0 = Infinity;
  let lat0 = Infinity;
  for (const e of estates) {
    if (e.location === null) continue;
    lng0 = Math.min(lng0, e.location[0]);
    lat0 = Math.min(lat0, e.location[1]);
  }
  const frame = localFrame(lng0, lat0);
  const cell = parameters.zoneCellM;
  const cells = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const at = estates[i]!.location;
    if (!row.underserved || at === null) return;
    const cx = Math.floor(((at[0] - lng0) * frame.mPerLng) / cell);
    const cy = Math.floor(((at[1] - lat0) * frame.mPerLat) / cell);
    const key = `${cx},${cy}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  const keys = [...cells.keys()].map((k) => k.split(',').map(Number) as [number, number]);
  keys.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const seen = new Set<string>();
  const features: Feature<Polygon, UnderservedZoneProperties>[] = [];
  for (const [sx, sy] of keys) {
    if (seen.has(`${sx},${sy}`)) continue;
    const group = floodFill(sx, sy, cells, seen);
    const coordinates = outline(group).map((ring) => {
      const out: Position[] = [];
      for (let k = 0; k < ring.length; k += 2) {
        out.push([lng0 + (ring[k]! * cell) / frame.mPerLng, lat0 + (ring[k + 1]! * cell) / frame.mPerLat]);
      }
      return out;
    });
    const members = group.flatMap(([x, y]) => cells.get(`${x},${y}`)!).sort((a, b) => a - b);
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates },
      properties: zoneProperties(features.length + 1, group.length, members, rows, parameters),
    });
  }
  return { type: 'FeatureCollection', features };
}

function floodFill(
  sx: number,
  sy: number,
  cells: Map<string, number[]>,
  seen: Set<string>,
): [number, number][] {
  const group: [number, number][] = [[sx, sy]];
  seen.add(`${sx},${sy}`);
  for (let q = 0; q < group.length; q++) {
    const [x, y] = group[q]!;
    for (const [nx, ny] of [
      [x + 1, y],
      [x - 1, y],
      [x, y + 1],
      [x, y - 1],
    ] as const) {
      const key = `${nx},${ny}`;
      if (cells.has(key) && !seen.has(key)) {
        seen.add(key);
        group.push([nx, ny]);
      }
    }
  }
  return group;
}

/** Outline rings of a group in global cell coordinates: outer ring first, then holes. */
function outline(group: [number, number][]): number[][] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of group) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  // One empty cell of padding on each side keeps every outline closed inside the mask.
  const w = maxX - minX + 3;
  const h = maxY - minY + 3;
  const mask = new Uint8Array(w * h);
  for (const [x, y] of group) mask[(y - minY + 1) * w + (x - minX + 1)] = 1;
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
  members: number[],
  rows: readonly EstateCoverage[],
  p: CoverageParameters,
): UnderservedZoneProperties {
  let households = 0;
  let residents = 0;
  let demand = 0;
  let missing = 0;
  for (const i of members) {
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
    estateIds: members.map((i) => rows[i]!.id),
    households,
    residents,
    demand: capacityOn ? demand : null,
    missing: capacityOn ? missing : null,
    unit: p.capacityUnit,
    ...ZONE_STYLE,
  };
}
