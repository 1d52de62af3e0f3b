/**
 * The residents' page map (public.html): the published streets as vector tiles (street-source.ts,
 * no GeoJSON of the city), the care facilities coloured by kind, the compounds as small dots, the
 * chosen point and the walking routes to the nearest elderly-care and childcare facility drawn along
 * the streets. The only MapLibre code of the page; React never touches the map.
 */
import {
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type LayerSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection } from 'geojson';
import type { CareCategory } from '../core/model/facility';
import type { PublishedCompound, PublishedFacility } from '../core/publish/published-scenario';
import type { Lang } from '../store/types';
import { offlineStyle } from './layers';
import { mapLocale } from './map-locale';
import { BASE_COLOURS, FACILITY_COLOURS } from './palette';
import { StreetSource } from './street-source';
import { STREET_SOURCE, STREET_TILE_LAYER } from './street-tiles';

setWorkerUrl(workerUrl);

/** Route colours by care category: the darkest colour of the category's facility kinds. */
export const ROUTE_COLOURS: Record<CareCategory, string> = {
  elderly: FACILITY_COLOURS['elderly-daycare'],
  childcare: FACILITY_COLOURS.nursery,
};

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

const kindColour = [
  'match',
  ['get', 'kind'],
  ...Object.entries(FACILITY_COLOURS).flat(),
  '#666666',
] as unknown as string;

function layers(): LayerSpecification[] {
  return [
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
      id: 'compounds-circle',
      type: 'circle',
      source: 'compounds',
      paint: {
        'circle-color': '#7a7a7a',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 4],
        'circle-opacity': 0.7,
      },
    },
    {
      id: 'routes-casing',
      type: 'line',
      source: 'routes',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 8 },
    },
    {
      id: 'routes-line',
      type: 'line',
      source: 'routes',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 4.5 },
    },
    {
      id: 'facilities-circle',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-color': kindColour,
        'circle-radius': ['case', ['boolean', ['get', 'nearest'], false], 9, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', ['boolean', ['get', 'nearest'], false], 3, 1.5],
      },
    },
    {
      id: 'origin-circle',
      type: 'circle',
      source: 'origin',
      paint: {
        'circle-color': BASE_COLOURS.selection,
        'circle-radius': 8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    },
  ];
}

export interface PublicMapOptions {
  bounds: [number, number, number, number] | null;
  lang: Lang;
  /** The street segments [lon0, lat0, lon1, lat1, …] of the published network. */
  streets: Float64Array;
  compounds: readonly PublishedCompound[];
  facilities: readonly PublishedFacility[];
  /** The resident tapped (or pressed Enter on) the map at this point. */
  onPick(lngLat: [number, number]): void;
  /** The hint shown when a dense city's streets are hidden at this zoom (translated). */
  streetsHint(): string;
}

/** A walking route to draw. */
export interface DrawnRoute {
  category: CareCategory;
  path: [number, number][];
}

export class PublicMap {
  readonly map: MlMap;
  private readonly streets: StreetSource;
  private readonly ready: Promise<void>;
  private facilities: readonly PublishedFacility[];

  constructor(container: HTMLElement, options: PublicMapOptions) {
    this.facilities = options.facilities;
    this.map = new MlMap({
      container,
      style: offlineStyle(),
      ...(options.bounds
        ? { bounds: options.bounds, fitBoundsOptions: { padding: 32 } }
        : { center: [117.23, 31.8], zoom: 13 }),
      attributionControl: false,
      locale: mapLocale(options.lang),
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.streets = new StreetSource(this.map, options.streetsHint, () => true);
    this.map.on('click', (e) => options.onPick([e.lngLat.lng, e.lngLat.lat]));
    // Enter on the focused map picks its centre (keyboard users have no tap).
    container.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.target !== this.map.getCanvas()) return;
      const c = this.map.getCenter();
      options.onPick([c.lng, c.lat]);
    });
    this.ready = new Promise((resolve) => {
      this.map.on('load', () => {
        this.streets.install();
        this.streets.set(options.streets);
        const compounds: FeatureCollection = {
          type: 'FeatureCollection',
          features: options.compounds.map((c) => ({
            type: 'Feature',
            properties: { id: c.id },
            geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
          })),
        };
        this.map.addSource('compounds', { type: 'geojson', data: compounds });
        this.map.addSource('facilities', { type: 'geojson', data: this.facilityData(new Set()) });
        this.map.addSource('routes', { type: 'geojson', data: empty() });
        this.map.addSource('origin', { type: 'geojson', data: empty() });
        for (const layer of layers()) this.map.addLayer(layer);
        resolve();
      });
    });
  }

  private facilityData(nearest: Set<number>): FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: this.facilities.map((f, i) => ({
        type: 'Feature',
        properties: { id: f.id, kind: f.kind, nearest: nearest.has(i) },
        geometry: { type: 'Point', coordinates: [f.lng, f.lat] },
      })),
    };
  }

  /**
   * Shows the chosen point, the routes to the nearest facilities, and fits the view to them.
   * @param origin the point (null: nothing chosen)
   * @param routes the routes to draw
   * @param nearest indices of the nearest facilities (drawn larger)
   */
  async show(
    origin: [number, number] | null,
    routes: readonly DrawnRoute[],
    nearest: number[],
  ): Promise<void> {
    await this.ready;
    const originData: FeatureCollection = origin
      ? {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: origin } }],
        }
      : empty();
    const routeFeatures: Feature[] = routes.map((r) => ({
      type: 'Feature',
      properties: { category: r.category, colour: ROUTE_COLOURS[r.category] },
      geometry: { type: 'LineString', coordinates: r.path },
    }));
    this.map.getSource<GeoJSONSource>('origin')?.setData(originData);
    this.map
      .getSource<GeoJSONSource>('routes')
      ?.setData({ type: 'FeatureCollection', features: routeFeatures });
    this.map.getSource<GeoJSONSource>('facilities')?.setData(this.facilityData(new Set(nearest)));
    if (!origin) return;
    let [west, south, east, north] = [origin[0], origin[1], origin[0], origin[1]];
    for (const r of routes)
      for (const [x, y] of r.path) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    const padding = Math.min(48, Math.floor(this.map.getContainer().clientWidth / 8));
    this.map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding, maxZoom: 17, duration: 0 },
    );
  }

  /** Route features the map has drawn (tiles rendered from the routes source), for the browser tests. */
  drawnRoutes(): number {
    return this.map.getSource('routes') ? this.map.querySourceFeatures('routes').length : 0;
  }

  /** Re-reads the street hint's text (after a language switch). */
  relabel(): void {
    this.streets.updateHint();
  }

  remove(): void {
    this.streets.remove();
    this.map.remove();
  }
}
