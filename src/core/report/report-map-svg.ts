import type { FlatServiceAreas } from '../service-areas/flat-service-areas';
import type { Facility, FacilityKind } from '../model/facility';
import type { ReportLanguage } from './compliance-rows';
import { escapeHtml } from './html-escape';
import { KIND_WORDS, REPORT_WORDS } from './report-words';

/** Facility colours by kind; the planner's map uses the same (src/map/palette.ts). */
export const FACILITY_KIND_COLOURS: Record<FacilityKind, string> = {
  'elderly-daycare': '#6a3d9a',
  'elderly-station': '#a77dd6',
  'elderly-home': '#3b1470',
  nursery: '#e08214',
  'kindergarten-nursery': '#f2b35c',
};

const SIZE = 560;
const LEGEND_ROW = 20;
/** Metres per degree on the sphere the distances use (haversine, mean Earth radius 6,371,008.8 m). */
const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;

export interface ReportMapInput {
  /** The estate's location, WGS-84. */
  center: readonly [number, number];
  /** Half the side of the square drawn, metres. */
  radiusM: number;
  facilities: readonly Pick<Facility, 'id' | 'kind' | 'location'>[];
  /** Per kind, areas in the core's flat layout; the budget equal to the kind's service minutes is drawn. */
  serviceAreas: Partial<Record<FacilityKind, FlatServiceAreas>>;
  serviceMinutes: Partial<Record<FacilityKind, number>>;
  /** Street segments [lon0, lat0, lon1, lat1, …], or null (no network). */
  streets: Float64Array | null;
  lang: ReportLanguage;
}

/**
 * An inline SVG map of the service areas around an estate: streets (when given), each kind's service
 * areas at its service minutes, the facilities and the estate, a scale bar and a legend. Drawn in a
 * local metric frame from the data alone — no tiles, no request. Straight-line areas say so on the map.
 * @param input centre, extent, facilities, service areas, streets and language
 * @returns an `<svg>` element as text (every label escaped)
 * @example reportMapSvg({ center: [117.2, 31.8], radiusM: 1000, facilities, serviceAreas, serviceMinutes, streets: null, lang: 'zh' })
 */
export function reportMapSvg(input: ReportMapInput): string {
  const [lng0, lat0] = input.center;
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const scale = SIZE / (2 * input.radiusM);
  const px = (lng: number) => (lng - lng0) * mPerDegLng * scale + SIZE / 2;
  const py = (lat: number) => SIZE / 2 - (lat - lat0) * M_PER_DEG_LAT * scale;
  const inside = (x: number, y: number, pad: number) =>
    x >= -pad && x <= SIZE + pad && y >= -pad && y <= SIZE + pad;
  const f1 = (v: number) => Math.round(v * 10) / 10;
  const w = REPORT_WORDS[input.lang];
  const parts: string[] = [];

  if (input.streets) {
    const s = input.streets;
    let d = '';
    for (let i = 0; i + 3 < s.length; i += 4) {
      const x0 = px(s[i]!);
      const y0 = py(s[i + 1]!);
      const x1 = px(s[i + 2]!);
      const y1 = py(s[i + 3]!);
      if (!inside(x0, y0, 40) && !inside(x1, y1, 40)) continue;
      d += `M${f1(x0)} ${f1(y0)}L${f1(x1)} ${f1(y1)}`;
    }
    if (d) parts.push(`<path class="streets" d="${d}" fill="none" stroke="#a9aeb4" stroke-width="1"/>`);
  }

  const kinds = Object.keys(input.serviceAreas) as FacilityKind[];
  const modes = new Set<string>();
  for (const kind of kinds) {
    const areas = input.serviceAreas[kind]!;
    modes.add(areas.mode);
    const want = input.serviceMinutes[kind];
    const m = Math.max(0, areas.minutes.indexOf(want ?? areas.minutes[0]!));
    const colour = FACILITY_KIND_COLOURS[kind];
    for (let f = 0; f < areas.facilityIds.length; f++) {
      const d = areaPath(areas, f * areas.minutes.length + m, px, py, f1);
      if (d) {
        parts.push(
          `<path class="service-area" data-kind="${kind}" d="${d}" fill="${colour}" fill-opacity="0.16" fill-rule="evenodd" stroke="${colour}" stroke-width="1.2"/>`,
        );
      }
    }
  }

  for (const f of input.facilities) {
    const x = px(f.location[0]);
    const y = py(f.location[1]);
    if (!inside(x, y, 0)) continue;
    parts.push(
      `<circle class="facility" data-kind="${f.kind}" cx="${f1(x)}" cy="${f1(y)}" r="5" fill="${FACILITY_KIND_COLOURS[f.kind]}" stroke="#fff" stroke-width="1.5"/>`,
    );
  }
  const c = SIZE / 2;
  parts.push(
    `<rect class="estate" x="${c - 7}" y="${c - 7}" width="14" height="14" fill="#111" stroke="#fff" stroke-width="2"/>`,
  );
  const straight = modes.has('straight-line');
  const overlay = [
    straight
      ? `<text x="8" y="20" font-size="13" fill="#b2182b" class="mode-label">${escapeHtml(w.modeStraight)}</text>`
      : '',
    scaleBar(input.radiusM, scale, w.metres),
  ];
  const { svg: legendSvg, height } = legend(kinds, input);
  // Each map gets its own clip id: a batch report holds many maps in one document.
  const clip = `map-clip-${Math.round(lng0 * 1e6)}-${Math.round(lat0 * 1e6)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="report-map" data-mode="${straight ? 'straight-line' : 'network'}" viewBox="0 0 ${SIZE} ${SIZE + height}" role="img" aria-label="${escapeHtml(w.map)}">` +
    `<defs><clipPath id="${clip}"><rect width="${SIZE}" height="${SIZE}"/></clipPath></defs>` +
    `<rect width="${SIZE}" height="${SIZE}" fill="#f7f5f0"/>` +
    `<g clip-path="url(#${clip})">${parts.join('')}</g>` +
    `<rect width="${SIZE}" height="${SIZE}" fill="none" stroke="#999"/>${overlay.join('')}${legendSvg}</svg>`
  );
}

/** One area's polygons as an SVG path (rings closed); empty when none of it comes near the window. */
function areaPath(
  areas: FlatServiceAreas,
  a: number,
  px: (lng: number) => number,
  py: (lat: number) => number,
  f1: (v: number) => number,
): string {
  const { areaStart, polygonStart, ringStart, coordinates: xy } = areas;
  // A cheap numeric pass first: most of a batch's areas lie far from any one estate.
  let near = false;
  for (
    let v = ringStart[polygonStart[areaStart[a]!]!]!;
    v < ringStart[polygonStart[areaStart[a + 1]!]!]!;
    v++
  ) {
    const x = px(xy[2 * v]!);
    const y = py(xy[2 * v + 1]!);
    if (x > -SIZE && x < 2 * SIZE && y > -SIZE && y < 2 * SIZE) {
      near = true;
      break;
    }
  }
  if (!near) return '';
  let d = '';
  for (let p = areaStart[a]!; p < areaStart[a + 1]!; p++) {
    for (let r = polygonStart[p]!; r < polygonStart[p + 1]!; r++) {
      let last = '';
      for (let v = ringStart[r]!; v < ringStart[r + 1]!; v++) {
        const point = `${f1(px(xy[2 * v]!))} ${f1(py(xy[2 * v + 1]!))}`;
        if (point === last) continue;
        d += `${last === '' ? 'M' : 'L'}${point}`;
        last = point;
      }
      d += 'Z';
    }
  }
  return d;
}

/** A scale bar of a round length near a quarter of the width. */
function scaleBar(radiusM: number, scale: number, metres: string): string {
  const target = radiusM / 2;
  const lengthM = [50, 100, 200, 250, 500, 1000, 2000, 5000].reduce((best, l) =>
    Math.abs(l - target) < Math.abs(best - target) ? l : best,
  );
  const len = lengthM * scale;
  const y = SIZE - 16;
  return (
    `<g class="scale-bar"><rect x="12" y="${y - 14}" width="${len + 60}" height="22" fill="#fff" fill-opacity="0.8"/>` +
    `<path d="M16 ${y}h${len}" stroke="#111" stroke-width="3"/>` +
    `<text x="${len + 22}" y="${y + 4}" font-size="12">${lengthM} ${escapeHtml(metres)}</text></g>`
  );
}

/** The legend under the map: the estate, streets, and each kind drawn with its service minutes. */
function legend(kinds: FacilityKind[], input: ReportMapInput): { svg: string; height: number } {
  const w = REPORT_WORDS[input.lang];
  const items: string[] = [
    `<rect x="0" y="-9" width="10" height="10" fill="#111"/><text x="16" y="0">${escapeHtml(w.legendEstate)}</text>`,
  ];
  if (input.streets)
    items.push(
      `<path d="M0 -4h12" stroke="#a9aeb4" stroke-width="2"/><text x="18" y="0">${escapeHtml(w.legendStreets)}</text>`,
    );
  for (const kind of kinds) {
    const minutes = input.serviceMinutes[kind];
    const label = `${KIND_WORDS[input.lang][kind]} ${minutes ?? ''} ${w.minutesUnit}`;
    items.push(
      `<rect x="0" y="-10" width="12" height="12" fill="${FACILITY_KIND_COLOURS[kind]}" fill-opacity="0.35" stroke="${FACILITY_KIND_COLOURS[kind]}"/><text x="18" y="0">${escapeHtml(label)}</text>`,
    );
  }
  const columns = 3;
  const cellW = SIZE / columns;
  const placed = items.map(
    (item, i) =>
      `<g transform="translate(${(i % columns) * cellW + 4} ${SIZE + LEGEND_ROW + Math.floor(i / columns) * LEGEND_ROW})">${item}</g>`,
  );
  const rows = Math.ceil(items.length / columns);
  return {
    svg: `<g class="legend" font-size="12">${placed.join('')}</g>`,
    height: (rows + 0.5) * LEGEND_ROW,
  };
}
