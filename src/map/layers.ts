/**
 * Sources and layers of the planner map, bottom to top. Colours come from palette.ts (the legend
 * reads the same constants). No glyphs or sprites: nothing is fetched, so there are no text labels on
 * the map; names appear in the hover card and the panels.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  BASE_COLOURS,
  COMPLIANCE_COLOURS,
  FACILITY_COLOURS,
  MINUTE_COLOURS,
  PROPOSAL_COLOURS,
  SERVICE_AREA_OPACITY,
  UNDERSERVED_COLOUR,
} from './palette';
import { NUMBER_ICON_PREFIX } from './number-icon';
import { STREET_SOURCE, STREET_TILE_LAYER } from './street-tiles';

/**
 * GeoJSON sources the controller owns; `promoteId` makes feature-state work with string ids, and keys
 * the features of sources sent as diffs (source-batcher.ts).
 */
export const SOURCE_IDS = [
  'districts',
  'context',
  'serviceAreas',
  'underserved',
  'estates',
  'facilities',
  'proposalCatchment',
  'proposal',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
export const PROMOTE_ID: Partial<Record<SourceId, string>> = {
  estates: 'id',
  facilities: 'id',
  underserved: 'zone',
};

export const HATCH_IMAGE = 'lifecircle-hatch';

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

export const complianceColour: ExpressionSpecification = [
  'match',
  ['get', 'overall'],
  'pass',
  COMPLIANCE_COLOURS.pass,
  'fail',
  COMPLIANCE_COLOURS.fail,
  'insufficient-data',
  COMPLIANCE_COLOURS['insufficient-data'],
  'not-applicable',
  COMPLIANCE_COLOURS['not-applicable'],
  COMPLIANCE_COLOURS.pending,
];

/** −2: no coverage yet; −1: no facility reachable; else 5/10/15-minute classes. */
export const minutesColour: ExpressionSpecification = [
  'case',
  ['==', ['get', 'minutes'], -2],
  COMPLIANCE_COLOURS.pending,
  ['<', ['get', 'minutes'], 0],
  MINUTE_COLOURS.unreachable,
  [
    'step',
    ['get', 'minutes'],
    MINUTE_COLOURS.within5,
    5,
    MINUTE_COLOURS.within10,
    10,
    MINUTE_COLOURS.within15,
    15,
    MINUTE_COLOURS.beyond,
  ],
];

const kindColour = [
  'match',
  ['get', 'kind'],
  ...Object.entries(FACILITY_COLOURS).flat(),
  '#777777',
] as unknown as ExpressionSpecification;

const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/** Layer id → the toggle in the layer list that shows or hides it. */
export const LAYER_GROUPS: Record<
  string,
  'streets' | 'estates' | 'facilities' | 'serviceAreas' | 'underserved' | 'districts'
> = {
  'districts-line': 'districts',
  'streets-line': 'streets',
  'service-areas-fill': 'serviceAreas',
  'service-areas-line': 'serviceAreas',
  'underserved-fill': 'underserved',
  'underserved-line': 'underserved',
  'estates-fill': 'estates',
  'estates-outline': 'estates',
  'estates-point': 'estates',
  'facilities-circle': 'facilities',
};

/** The layers, bottom to top. */
export function plannerLayers(): LayerSpecification[] {
  return [
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': BASE_COLOURS.district, 'line-width': 1.5, 'line-dasharray': [4, 2] },
    },
    {
      id: 'context-water',
      type: 'fill',
      source: 'context',
      filter: ['==', ['get', 'kind'], 'water'],
      paint: { 'fill-color': BASE_COLOURS.water },
    },
    {
      id: 'context-rail',
      type: 'line',
      source: 'context',
      filter: ['==', ['get', 'kind'], 'rail'],
      paint: { 'line-color': BASE_COLOURS.rail, 'line-width': 3, 'line-dasharray': [3, 3] },
    },
    {
      id: 'service-areas-fill',
      type: 'fill',
      source: 'serviceAreas',
      paint: { 'fill-color': kindColour, 'fill-opacity': SERVICE_AREA_OPACITY },
    },
    {
      id: 'service-areas-line',
      type: 'line',
      source: 'serviceAreas',
      paint: {
        'line-color': kindColour,
        'line-width': ['match', ['get', 'minutes'], 5, 1.6, 10, 1.1, 0.7],
        'line-opacity': 0.7,
      },
    },
    {
      id: 'streets-line',
      type: 'line',
      source: STREET_SOURCE,
      'source-layer': STREET_TILE_LAYER,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': BASE_COLOURS.street,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.4, 14, 1.2, 17, 4],
      },
    },
    {
      id: 'underserved-fill',
      type: 'fill',
      source: 'underserved',
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 },
    },
    {
      id: 'underserved-line',
      type: 'line',
      source: 'underserved',
      paint: { 'line-color': UNDERSERVED_COLOUR, 'line-width': 1.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'estates-fill',
      type: 'fill',
      source: 'estates',
      filter: isPolygon,
      paint: { 'fill-color': complianceColour, 'fill-opacity': 0.78 },
    },
    {
      id: 'estates-outline',
      type: 'line',
      source: 'estates',
      filter: isPolygon,
      paint: {
        'line-color': ['case', state('selected'), BASE_COLOURS.selection, '#ffffff'],
        'line-width': ['case', state('selected'), 3, state('hover'), 2.5, 0.8],
      },
    },
    {
      id: 'estates-point',
      type: 'circle',
      source: 'estates',
      filter: isPoint,
      paint: {
        'circle-color': complianceColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 15, 7],
        'circle-stroke-color': ['case', state('selected'), BASE_COLOURS.selection, '#ffffff'],
        'circle-stroke-width': ['case', state('selected'), 3, state('hover'), 2.5, 1],
      },
    },
    {
      id: 'facilities-circle',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-color': kindColour,
        // Area grows with capacity: radius ∝ √capacity, 5–14 px.
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['max', ['get', 'capacity'], 0]], 0, 5, 20, 14],
        'circle-stroke-color': [
          'case',
          state('selected'),
          BASE_COLOURS.selection,
          ['>', ['get', 'load'], 1],
          COMPLIANCE_COLOURS.fail,
          '#ffffff',
        ],
        'circle-stroke-width': [
          'case',
          state('selected'),
          3.5,
          state('hover'),
          3,
          ['>', ['get', 'load'], 1],
          3,
          1.5,
        ],
      },
    },
    // Suggest sites: the estates a site newly serves (ringed; its own bold when highlighted), then the
    // numbered sites on top of everything.
    {
      id: 'proposal-catchment',
      type: 'circle',
      source: 'proposalCatchment',
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['case', ['get', 'active'], 11, 8],
        'circle-stroke-color': PROPOSAL_COLOURS.catchment,
        'circle-stroke-width': ['case', ['get', 'active'], 3, 1.2],
        'circle-stroke-opacity': ['case', ['get', 'active'], 1, 0.6],
      },
    },
    {
      id: 'proposal-sites',
      type: 'symbol',
      source: 'proposal',
      layout: {
        'icon-image': ['concat', NUMBER_ICON_PREFIX, ['to-string', ['get', 'rank']]],
        'icon-size': ['case', ['get', 'active'], 1.35, 1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}

/** A style with only a background: the base map is drawn from the loaded data (no network requests). */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLOURS.background } },
    ],
  };
}

/**
 * The style for a user-entered base-map URL: a raster tile template ({z}/{x}/{y}) becomes a raster
 * layer under our data; anything else is loaded as a MapLibre style JSON URL.
 */
export function styleFor(url: string): StyleSpecification | string {
  const trimmed = url.trim();
  if (!trimmed) return offlineStyle();
  if (!trimmed.includes('{z}')) return trimmed;
  return {
    version: 8,
    sources: { basemap: { type: 'raster', tiles: [trimmed], tileSize: 256 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLOURS.background } },
      { id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.7 } },
    ],
  };
}

/** An 8×8 diagonal hatch (RGBA) for underserved zones: readable over any estate colour. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const o = (y * size + x) * 4;
      data.set(on ? [0xb2, 0x18, 0x2b, 230] : [0xb2, 0x18, 0x2b, 40], o);
    }
  }
  return { width: size, height: size, data };
}
