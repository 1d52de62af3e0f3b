/**
 * The one imperative owner of the MapLibre map (style.md). It creates sources and layers once per
 * style load (never on a timer), follows the store outside React (store-bindings.ts), sends data
 * through a per-frame batcher that calls setData only for changed sources (source-batcher.ts), and
 * shows hover and selection with feature-state (pointer.ts). React never touches the map.
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { AppStoreApi } from '../store/store';
import { FacilityDrag, type DragCallbacks } from './facility-drag';
import {
  complianceColour,
  HATCH_IMAGE,
  hatchImage,
  LAYER_GROUPS,
  minutesColour,
  plannerLayers,
  styleFor,
  type SourceId,
} from './layers';
import { Pointer } from './pointer';
import { installPrintSnapshot } from './print-snapshot';
import { SourceBatcher } from './source-batcher';
import { bindStore } from './store-bindings';

setWorkerUrl(workerUrl);

/** Sources whose data comes from analysis results: their first render after a drop ends the drag timing. */
const RESULT_SOURCES: SourceId[] = ['estates', 'underserved', 'serviceAreas'];

/** Timings the browser tests read (window.__lifecircle.map.metrics). */
export interface MapMetrics {
  /** performance.now() when a dragged facility was dropped. */
  dropAt: number | null;
  /** performance.now() when the map first rendered analysis results sent after the last drop. */
  updatedAfterDropAt: number | null;
  /** Batches of new source data sent to the map. */
  dataRenders: number;
}

export interface MapControllerOptions extends DragCallbacks {
  /** Called when the user clicks the map with the add tool (or presses Enter on the focused map). */
  onAdd(location: [number, number]): void;
  /** Text of the hover card for a feature (kept outside so it can be translated). */
  describe(layer: 'estate' | 'facility', id: string): string[];
}

export class MapController {
  readonly map: MlMap;
  readonly metrics: MapMetrics = { dropAt: null, updatedAfterDropAt: null, dataRenders: 0 };
  /** Resolves once sources and layers exist (the first style.load). */
  readonly ready: Promise<void>;
  private readonly sources: SourceBatcher;
  private readonly pointer: Pointer;
  private readonly cleanup: (() => void)[] = [];
  private styleUrl: string;
  private installed = false;

  constructor(
    container: HTMLElement,
    private readonly store: AppStoreApi,
    options: MapControllerOptions,
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
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.sources = new SourceBatcher(this.map, (ids, applied) => this.flushed(ids, applied));
    const drag = new FacilityDrag(this.map, {
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
    this.pointer = new Pointer(this.map, store, drag, options);
    this.ready = new Promise((resolve) => {
      this.map.on('style.load', () => {
        this.install();
        resolve();
      });
    });
    const resize = new ResizeObserver(() => this.map.resize());
    resize.observe(container);
    this.cleanup.push(
      () => resize.disconnect(),
      installPrintSnapshot(this.map),
      ...bindStore(store, {
        queue: (id, data) => this.sources.queue(id, data),
        applyView: () => this.applyView(),
        select: (selection) => this.pointer.select(selection),
        setTool: (tool) => this.pointer.setTool(tool),
        setStyleUrl: (url) => this.setStyleUrl(url),
        fitBounds: (bounds) => this.map.fitBounds(bounds, { padding: 24, duration: 0 }),
      }),
    );
  }

  /** Removes the map and every subscription. */
  destroy(): void {
    this.cleanup.forEach((f) => f());
    this.sources.cancel();
    this.pointer.remove();
    this.map.remove();
  }

  /** Screen position of a WGS-84 point (browser tests click facilities with it). */
  project(lng: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lng, lat]);
    return { x: p.x, y: p.y };
  }

  /** Adds the hatch image, sources and layers; runs after every style load. */
  private install(): void {
    if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    this.sources.install();
    for (const layer of plannerLayers()) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    this.installed = true;
    this.pointer.install();
    this.applyView();
  }

  private setStyleUrl(url: string): void {
    if (url === this.styleUrl) return;
    this.styleUrl = url;
    this.installed = false;
    this.sources.uninstall();
    this.pointer.uninstall();
    this.map.setStyle(styleFor(url));
  }

  /** After a batch of setData: the first render of post-drop results ends the drag timing. */
  private flushed(ids: SourceId[], applied: Promise<void[]>): void {
    this.metrics.dataRenders++;
    if (this.metrics.dropAt === null || this.metrics.updatedAfterDropAt !== null) return;
    if (!ids.some((id) => RESULT_SOURCES.includes(id))) return;
    const dropAt = this.metrics.dropAt;
    applied.then(
      () =>
        this.map.once('render', () => {
          if (this.metrics.dropAt === dropAt) this.metrics.updatedAfterDropAt = performance.now();
        }),
      () => undefined,
    );
    this.map.triggerRepaint();
  }

  /** Moves one facility's point during a drag, without touching the store. */
  private moveFacilityFeature(id: string, at: [number, number]): void {
    const current = this.sources.current('facilities') as FeatureCollection | undefined;
    if (!current) return;
    this.sources.queue('facilities', {
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
}
