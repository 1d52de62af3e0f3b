/**
 * The one imperative owner of the MapLibre map (style.md). It creates sources and layers once per
 * style load, subscribes to the store outside React, calls setData only when a source's data changed,
 * batches updates per animation frame, and uses feature-state for hover and selection. React never
 * touches the map.
 */
import {
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { shallow } from 'zustand/shallow';
import type { AppStoreApi } from '../store/store';
import type { AppState, Selection } from '../store/types';
import { bulkLayers } from './bulk-layers';
import { EMPTY_COLLECTION, estateFeatures, facilityFeatures, streetFeatures } from './features';
import { HoverCard } from './hover-card';
import { FacilityDrag, type DragCallbacks } from './facility-drag';
import {
  complianceColour,
  HATCH_IMAGE,
  hatchImage,
  LAYER_GROUPS,
  minutesColour,
  plannerLayers,
  PROMOTE_ID,
  SOURCE_IDS,
  styleFor,
  type SourceId,
} from './layers';

setWorkerUrl(workerUrl);

const INTERACTIVE = ['facilities-circle', 'estates-point', 'estates-fill'];

/** Timings the browser tests read (window.__lifecircle.metrics). */
export interface MapMetrics {
  /** performance.now() when a dragged facility was dropped. */
  dropAt: number | null;
  /** performance.now() when the map first rendered data sent after the last drop. */
  updatedAfterDropAt: number | null;
  /** Frames rendered with new data since load. */
  dataRenders: number;
}

export interface MapControllerOptions extends DragCallbacks {
  /** Called when the user clicks the map with the add tool. */
  onAdd(location: [number, number]): void;
  /** Text of the hover card for a feature (kept outside so it can be translated). */
  describe(layer: 'estate' | 'facility', id: string): string[];
}

export class MapController {
  readonly map: MlMap;
  readonly metrics: MapMetrics = { dropAt: null, updatedAfterDropAt: null, dataRenders: 0 };
  private readonly last = new Map<SourceId, unknown>();
  private readonly pending = new Map<SourceId, unknown>();
  private frame = 0;
  private readonly unsubscribe: (() => void)[] = [];
  private selected: Selection = null;
  private hovered: { source: SourceId; id: string } | null = null;
  private readonly card: HoverCard;
  private readonly drag: FacilityDrag;
  private readonly resize: ResizeObserver;
  private styleUrl: string;
  private installed = false;
  /** Resolves once sources and layers exist (style.load handled). */
  readonly ready: Promise<void>;

  constructor(
    container: HTMLElement,
    private readonly store: AppStoreApi,
    private readonly options: MapControllerOptions,
  ) {
    const { view, scenario } = store.getState();
    this.styleUrl = view.styleUrl;
    this.map = new MlMap({
      container,
      style: styleFor(view.styleUrl),
      ...(scenario.bounds
        ? { bounds: scenario.bounds, fitBoundsOptions: { padding: 24 } }
        : { center: [117.23, 31.8], zoom: 13 }),
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: false },
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.card = new HoverCard(container);
    this.drag = new FacilityDrag(this.map, {
      onPreview: (id, at) => {
        this.moveFacilityFeature(id, at);
        options.onPreview(id, at);
      },
      onDrop: (id, at) => {
        this.metrics.dropAt = performance.now();
        this.metrics.updatedAfterDropAt = null;
        options.onDrop(id, at);
      },
    });
    this.ready = new Promise((resolve) => {
      this.map.on('style.load', () => {
        this.install();
        resolve();
      });
    });
    this.map.on('click', (e) => this.click(e));
    this.map.on('mousemove', (e) => this.hover(e));
    this.map.on('mouseout', () => this.setHover(null, null));
    this.map.on('mousedown', 'facilities-circle', (e) => {
      if (this.store.getState().view.tool !== 'select') return;
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') this.drag.start(id, e);
    });
    this.resize = new ResizeObserver(() => this.map.resize());
    this.resize.observe(container);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
    this.subscribe();
  }

  private snapshot: HTMLImageElement | null = null;

  /**
   * The WebGL canvas keeps no drawing buffer (faster), so for printing the map is redrawn
   * synchronously and copied into an image that the print style shows instead of the canvas.
   */
  private readonly beforePrint = (): void => {
    this.map.redraw();
    const img = document.createElement('img');
    img.className = 'print-snapshot';
    img.alt = '';
    img.src = this.map.getCanvas().toDataURL('image/png');
    this.map.getContainer().appendChild(img);
    this.snapshot = img;
  };

  private readonly afterPrint = (): void => {
    this.snapshot?.remove();
    this.snapshot = null;
  };

  /** Removes the map and every subscription. */
  destroy(): void {
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    this.unsubscribe.forEach((u) => u());
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.card.remove();
    this.map.remove();
  }

  /** Screen position of a WGS-84 point (browser tests click facilities with it). */
  project(lng: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lng, lat]);
    return { x: p.x, y: p.y };
  }

  private subscribe(): void {
    const s = this.store;
    const watch = <T>(selector: (state: AppState) => T, listener: (value: T) => void) =>
      this.unsubscribe.push(s.subscribe(selector, listener, { equalityFn: shallow, fireImmediately: true }));
    watch(
      (st) => [st.scenario.estates, st.results.evaluation, st.results.coverage, st.view.kind] as const,
      ([estates, evaluation, coverage, kind]) => {
        const results = evaluation ? new Map(evaluation.estates.map((r) => [r.id, r])) : null;
        const rows = coverage?.byKind[kind]?.estates;
        this.queue(
          'estates',
          estateFeatures(estates, results, rows ? new Map(rows.map((r) => [r.id, r])) : null),
        );
      },
    );
    watch(
      (st) => [st.scenario.facilities, st.results.coverage] as const,
      ([facilities, coverage]) => {
        const loads = new Map<string, number | null>();
        for (const result of Object.values(coverage?.byKind ?? {}))
          for (const f of result.facilities) loads.set(f.id, f.load);
        this.queue('facilities', facilityFeatures(facilities, loads));
      },
    );
    watch(
      (st) => [st.results.coverage, st.view.kind] as const,
      ([coverage, kind]) =>
        this.queue('underserved', coverage?.byKind[kind]?.underserved ?? EMPTY_COLLECTION),
    );
    watch(
      (st) => st.scenario.districts,
      (d) => this.queue('districts', d ?? EMPTY_COLLECTION),
    );
    watch(
      (st) => st.scenario.context,
      (c) => this.queue('context', c ?? EMPTY_COLLECTION),
    );
    watch(
      (st) => st.view.layers,
      () => this.applyView(),
    );
    watch(
      (st) => st.view.colourBy,
      () => this.applyView(),
    );
    watch(
      (st) => st.view.selected,
      (sel) => this.select(sel),
    );
    watch(
      (st) => st.view.tool,
      (tool) => {
        this.map.getCanvas().style.cursor = tool === 'add' ? 'crosshair' : '';
      },
    );
    watch(
      (st) => st.view.styleUrl,
      (url) => {
        if (url === this.styleUrl) return;
        this.styleUrl = url;
        this.installed = false;
        this.map.setStyle(styleFor(url));
      },
    );
    watch(
      (st) => st.scenario.bounds,
      (bounds) => {
        if (bounds) this.map.fitBounds(bounds, { padding: 24, duration: 0 });
      },
    );
    this.unsubscribe.push(
      bulkLayers.subscribe((b, prev) => {
        if (b.streets !== prev.streets) this.queue('streets', streetFeatures(b.streets));
        if (b.serviceAreas !== prev.serviceAreas)
          this.queue('serviceAreas', b.serviceAreas ?? EMPTY_COLLECTION);
      }),
    );
    const b = bulkLayers.getState();
    this.queue('streets', streetFeatures(b.streets));
    this.queue('serviceAreas', b.serviceAreas ?? EMPTY_COLLECTION);
  }

  /** Adds sources, the hatch image and layers; runs after every style load. */
  private install(): void {
    const map = this.map;
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
    for (const id of SOURCE_IDS) {
      if (map.getSource(id)) continue;
      const data = (this.pending.get(id) ?? this.last.get(id) ?? EMPTY_COLLECTION) as FeatureCollection;
      const promoteId = PROMOTE_ID[id];
      map.addSource(id, { type: 'geojson', data, ...(promoteId ? { promoteId } : {}) });
      this.last.set(id, data);
      this.pending.delete(id);
    }
    for (const layer of plannerLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
    this.installed = true;
    this.applyView();
    const sel = this.selected;
    this.selected = null;
    this.select(sel);
    this.scheduleFlush();
  }

  /** Queues data for a source; flushed once per animation frame. */
  private queue(id: SourceId, data: unknown): void {
    if (this.last.get(id) === data) {
      this.pending.delete(id);
      return;
    }
    this.pending.set(id, data);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.frame !== 0 || this.pending.size === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  private flush(): void {
    if (!this.installed) return;
    const updates: Promise<void>[] = [];
    for (const [id, data] of this.pending) {
      const source = this.map.getSource<GeoJSONSource>(id);
      if (!source) continue;
      updates.push(source.setData(data as FeatureCollection));
      this.last.set(id, data);
    }
    const results = ['estates', 'underserved', 'serviceAreas'].some((id) => this.pending.has(id as SourceId));
    this.pending.clear();
    this.metrics.dataRenders++;
    if (results && this.metrics.dropAt !== null && this.metrics.updatedAfterDropAt === null) {
      const dropAt = this.metrics.dropAt;
      Promise.all(updates).then(
        () =>
          this.map.once('render', () => {
            if (this.metrics.dropAt === dropAt) this.metrics.updatedAfterDropAt = performance.now();
          }),
        () => undefined,
      );
      this.map.triggerRepaint();
    }
  }

  /** Moves one facility's point during a drag, without touching the store. */
  private moveFacilityFeature(id: string, at: [number, number]): void {
    const current = (this.pending.get('facilities') ?? this.last.get('facilities')) as
      FeatureCollection | undefined;
    if (!current) return;
    this.queue('facilities', {
      ...current,
      features: current.features.map((f) =>
        f.properties?.id === id ? { ...f, geometry: { type: 'Point', coordinates: at } } : f,
      ),
    });
  }

  /** Layer visibility and the estate colour mode. */
  private applyView(): void {
    if (!this.installed) return;
    const { layers, colourBy } = this.store.getState().view;
    for (const [layer, group] of Object.entries(LAYER_GROUPS)) {
      if (this.map.getLayer(layer))
        this.map.setLayoutProperty(layer, 'visibility', layers[group] ? 'visible' : 'none');
    }
    const colour = colourBy === 'minutes' ? minutesColour : complianceColour;
    this.map.setPaintProperty('estates-fill', 'fill-color', colour);
    this.map.setPaintProperty('estates-point', 'circle-color', colour);
  }

  private select(selection: Selection): void {
    if (this.installed && this.selected) {
      const source = this.selected.type === 'estate' ? 'estates' : 'facilities';
      this.map.setFeatureState({ source, id: this.selected.id }, { selected: false });
    }
    this.selected = selection;
    if (this.installed && selection) {
      const source = selection.type === 'estate' ? 'estates' : 'facilities';
      this.map.setFeatureState({ source, id: selection.id }, { selected: true });
      this.reveal(selection);
    }
  }

  /** Pans to a selection that is off screen (e.g. picked from a list). */
  private reveal(selection: NonNullable<Selection>): void {
    const { scenario } = this.store.getState();
    const list = selection.type === 'estate' ? scenario.estates : scenario.facilities;
    const at = list.find((x) => x.id === selection.id)?.location;
    if (!at) return;
    const p = this.map.project([at[0], at[1]]);
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const margin = 30;
    const inside = p.x > margin && p.x < w - margin && p.y > margin && p.y < h - margin;
    if (!inside) this.map.easeTo({ center: [at[0], at[1]], duration: 300 });
  }

  private featureAt(e: MapMouseEvent): { source: SourceId; id: string } | null {
    if (!this.installed) return null;
    const layers = INTERACTIVE.filter((l) => this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
    const id = hit?.properties?.id;
    if (!hit || typeof id !== 'string') return null;
    return { source: hit.source as SourceId, id };
  }

  private click(e: MapMouseEvent): void {
    if (this.drag.justDropped()) return;
    const { view, dispatch } = this.store.getState();
    if (view.tool === 'add') {
      this.options.onAdd([e.lngLat.lng, e.lngLat.lat]);
      return;
    }
    const hit = this.featureAt(e);
    dispatch({
      type: 'view/select',
      selection: hit ? { type: hit.source === 'facilities' ? 'facility' : 'estate', id: hit.id } : null,
    });
  }

  private hover(e: MapMouseEvent): void {
    if (this.drag.active()) return;
    const hit = this.featureAt(e);
    this.setHover(hit, hit ? e.point : null);
  }

  private setHover(
    hit: { source: SourceId; id: string } | null,
    point: { x: number; y: number } | null,
  ): void {
    const same = hit && this.hovered && hit.id === this.hovered.id && hit.source === this.hovered.source;
    if (!same) {
      if (this.hovered && this.installed) this.map.setFeatureState(this.hovered, { hover: false });
      this.hovered = hit;
      if (hit && this.installed) this.map.setFeatureState(hit, { hover: true });
      const tool = this.store.getState().view.tool;
      this.map.getCanvas().style.cursor = tool === 'add' ? 'crosshair' : hit ? 'pointer' : '';
    }
    if (hit && point) {
      this.card.show(
        this.options.describe(hit.source === 'facilities' ? 'facility' : 'estate', hit.id),
        point,
      );
    } else this.card.hide();
  }
}
