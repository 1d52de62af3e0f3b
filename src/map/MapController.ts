/**
 * The one imperative owner of the MapLibre map (style.md). It creates sources and layers once per
 * style load (never on a timer), follows the store outside React (store-bindings.ts), sends data
 * through a per-frame batcher that updates only changed sources, with small diffs where it can
 * (source-batcher.ts, source-diff.ts), and shows hover and selection with feature-state
 * (pointer.ts). React never touches the map.
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { AppStoreApi } from '../store/store';
import type { Lang } from '../store/types';
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
import { mapLocale, relabelControls, relabelScale } from './map-locale';
import { NUMBER_ICON_PREFIX, numberIcon } from './number-icon';
import { StreetSource } from './street-source';
import { Pointer, type HoverTarget } from './pointer';
import { installPrintSnapshot } from './print-snapshot';
import { SourceBatcher } from './source-batcher';
import { bindStore } from './store-bindings';

setWorkerUrl(workerUrl);

/** Sources whose data comes from analysis results (what “the map is up to date” is about). */
const RESULT_SOURCES: SourceId[] = ['estates', 'facilities', 'underserved', 'serviceAreas'];

/** Zoom a list's pick is shown at, at least: street level, where one estate can be told from the next. */
const REVEAL_ZOOM = 15;

/** Timings the browser tests read (window.__lifecircle.map.metrics). */
export interface MapMetrics {
  /** performance.now() when a dragged facility was dropped (the pointer released). */
  dropAt: number | null;
  /**
   * performance.now() of the first render that drew the results for the dropped position: after the
   * analysis settled, every result source's latest data was sent, tiled and drawn. Equal to `dropAt`
   * when the last drag preview's results were already drawn at release.
   */
  updatedAfterDropAt: number | null;
  /** Batches of new source data sent to the map. */
  dataRenders: number;
  /**
   * Map renders from the drop to `updatedAfterDropAt`, that one included (0 when the results were
   * already drawn). Independent of how fast the machine draws: with a GPU at 60 frames a second each
   * render is about 17 ms, with software WebGL 100 ms or more.
   */
  rendersAfterDrop: number | null;
}

export interface MapControllerOptions extends DragCallbacks {
  /** Resolves when the analysis has answered everything asked so far (results are in the stores). */
  settled(): Promise<void>;
  /** True while the analysis has requests in flight (new results are on their way). */
  busy(): boolean;
  /** Called when the user clicks the map with the add tool (or presses Enter on the focused map). */
  onAdd(location: [number, number]): void;
  /** Text of the hover card for a feature (kept outside so it can be translated). */
  describe(layer: HoverTarget, id: string): string[];
  /** The hint shown when a dense city's streets are hidden at this zoom (translated). */
  streetsHint(): string;
}

export class MapController {
  readonly map: MlMap;
  readonly metrics: MapMetrics = {
    dropAt: null,
    updatedAfterDropAt: null,
    dataRenders: 0,
    rendersAfterDrop: null,
  };
  /** Renders since the last drop (counted until its results are drawn). */
  private rendersSinceDrop = 0;
  /** Resolves once sources and layers exist (the first style.load). */
  readonly ready: Promise<void>;
  private readonly sources: SourceBatcher;
  private readonly streets: StreetSource;
  private readonly pointer: Pointer;
  private readonly cleanup: (() => void)[] = [];
  private styleUrl: string;
  private installed = false;
  /** Result data was queued or tiled since the last render that drew all of it. */
  private resultsStale = true;
  private resultsRenderedAt: number | null = null;
  private resultWaiters: ((at: number) => void)[] = [];
  /** The facility being dragged and where the pointer has it (null when no drag). */
  private dragged: { id: string; at: [number, number] } | null = null;
  /** The language the map was created in (its MapLibre locale) and the app's language now. */
  private readonly createdLang: Lang;
  private lang: Lang;

  constructor(
    container: HTMLElement,
    private readonly store: AppStoreApi,
    options: MapControllerOptions,
  ) {
    const { view, scenario } = store.getState();
    this.styleUrl = view.styleUrl;
    this.createdLang = this.lang = view.lang;
    this.map = new MlMap({
      container,
      style: styleFor(view.styleUrl),
      ...(scenario.bounds
        ? { bounds: scenario.bounds, fitBoundsOptions: { padding: 24 } }
        : { center: [117.23, 31.8], zoom: 13 }),
      attributionControl: { compact: true },
      locale: mapLocale(view.lang),
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    // Registered after the scale control's own listener, so it runs after the control wrote its label.
    this.map.on('move', () => {
      if (this.lang !== this.createdLang) relabelScale(this.map.getContainer(), this.lang);
    });
    this.streets = new StreetSource(
      this.map,
      () => options.streetsHint(),
      () => this.store.getState().view.layers.streets,
    );
    this.sources = new SourceBatcher(this.map, {
      onFlush: () => this.flushed(),
      busy: () => options.busy(),
    });
    const drag = new FacilityDrag(this.map, {
      onPreview: (id, at) => {
        this.dragged = { id, at };
        const shown = this.sources.current('facilities');
        if (shown) this.sources.queue('facilities', this.withDragged(shown), true);
        options.onPreview(id, at);
      },
      onDrop: (id, at) => {
        const dropAt = performance.now();
        this.metrics.dropAt = dropAt;
        this.metrics.updatedAfterDropAt = null;
        this.metrics.rendersAfterDrop = null;
        this.rendersSinceDrop = 0;
        this.dragged = null; // the store has the position now
        options.onDrop(id, at);
        void options
          .settled()
          .then(() => this.whenResultsRendered())
          .then((drawnAt) => {
            if (this.metrics.dropAt !== dropAt) return;
            this.metrics.updatedAfterDropAt = Math.max(drawnAt, dropAt);
            this.metrics.rendersAfterDrop = drawnAt <= dropAt ? 0 : this.rendersSinceDrop;
          });
      },
    });
    // Numbered site markers are drawn when a layer first asks for one (no glyphs are ever fetched).
    this.map.on('styleimagemissing', (e: { id: string }) => {
      if (!e.id.startsWith(NUMBER_ICON_PREFIX) || this.map.hasImage(e.id)) return;
      const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
      const image = numberIcon(Number(e.id.slice(NUMBER_ICON_PREFIX.length)), ratio);
      if (image) this.map.addImage(e.id, image, { pixelRatio: ratio });
    });
    this.map.on('sourcedata', (e) => {
      if (RESULT_SOURCES.includes(e.sourceId as SourceId)) this.resultsStale = true;
    });
    this.map.on('render', () => {
      this.rendersSinceDrop++;
      this.checkResultsDrawn();
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
        queue: (id, data) => {
          const shown = id === 'facilities' ? this.withDragged(data) : data;
          if (this.sources.queue(id, shown) && RESULT_SOURCES.includes(id)) this.resultsStale = true;
        },
        setStreets: (segments) => this.streets.set(segments),
        applyView: () => this.applyView(),
        select: (selection) => this.pointer.select(selection),
        setTool: (tool) => this.pointer.setTool(tool),
        setStyleUrl: (url) => this.setStyleUrl(url),
        fitBounds: (bounds) => this.map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 16 }),
        reveal: (at) => this.reveal(at),
      }),
      store.subscribe(
        (st) => st.view.lang,
        (lang) => this.setLang(lang),
      ),
    );
  }

  /** Removes the map and every subscription; pending `whenResultsRendered` calls resolve with NaN. */
  destroy(): void {
    this.resultWaiters.splice(0).forEach((resolve) => resolve(NaN));
    this.cleanup.forEach((f) => f());
    this.sources.cancel();
    this.streets.remove();
    this.pointer.remove();
    this.map.remove();
  }

  /**
   * Resolves with the time of the first render that draws the latest data of every result source
   * (nothing queued, every source's data tiled); at once, with that render's time, if it is past;
   * NaN if the map is destroyed first.
   */
  whenResultsRendered(): Promise<number> {
    if (!this.resultsStale && this.resultsRenderedAt !== null) return Promise.resolve(this.resultsRenderedAt);
    return new Promise((resolve) => this.resultWaiters.push(resolve));
  }

  /** On each render: did it draw every result source's latest data? */
  private checkResultsDrawn(): void {
    if (!this.resultsStale || !this.installed || this.sources.hasPending(RESULT_SOURCES)) return;
    if (!RESULT_SOURCES.every((id) => this.map.getSource(id) && this.map.isSourceLoaded(id))) return;
    this.resultsStale = false;
    const at = performance.now();
    this.resultsRenderedAt = at;
    this.resultWaiters.splice(0).forEach((resolve) => resolve(at));
  }

  /** Redraws the map once; resolves after that render (browser tests time one frame with it). */
  repaintOnce(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('render', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Screen position of a WGS-84 point (browser tests click facilities with it). */
  project(lng: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lng, lat]);
    return { x: p.x, y: p.y };
  }

  /**
   * Centres the map on a point picked in a list, zooming in to street level when the map shows a
   * whole city (an estate is a dot there); at once when the user asked for reduced motion.
   */
  private reveal(at: readonly [number, number]): void {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.map.easeTo({
      center: [at[0], at[1]],
      zoom: Math.max(this.map.getZoom(), REVEAL_ZOOM),
      duration: reduced ? 0 : 400,
    });
  }

  /** Adds the hatch image, sources and layers; runs after every style load. */
  private install(): void {
    if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    this.sources.install();
    this.streets.install();
    for (const layer of plannerLayers()) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    this.installed = true;
    this.pointer.install();
    this.applyView();
  }

  /**
   * MapLibre takes its UI texts only when the map is created (`locale`), so a language switch
   * re-labels the canvas, the controls and the scale bar through their public class names.
   */
  private setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    const container = this.map.getContainer();
    relabelControls(container, lang);
    relabelScale(container, lang);
    this.streets.updateHint();
  }

  private setStyleUrl(url: string): void {
    if (url === this.styleUrl) return;
    this.styleUrl = url;
    this.installed = false;
    this.sources.uninstall();
    this.pointer.uninstall();
    this.map.setStyle(styleFor(url));
  }

  /** After a batch of setData (counted for the browser tests). */
  private flushed(): void {
    this.metrics.dataRenders++;
  }

  /**
   * Facility features with the dragged one at the pointer: results that arrive during a drag (the
   * store still has the old position) must not snap the point back.
   */
  private withDragged(data: unknown): unknown {
    const collection = data as FeatureCollection | undefined;
    const drag = this.dragged;
    if (!collection || !drag) return data;
    const features = collection.features.map((f) =>
      f.properties?.id === drag.id ? { ...f, geometry: { type: 'Point' as const, coordinates: drag.at } } : f,
    );
    return { ...collection, features };
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
    this.streets.updateHint();
  }
}
