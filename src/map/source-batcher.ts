/**
 * GeoJSON sources with per-frame batching: data is queued, and on the next animation frame each
 * source whose data object changed gets one update (placemark's mSetData keeps the last data per
 * source): a diff (updateData) when few of a keyed source's features changed, else setData. Also adds
 * the sources after a style load, with their latest data.
 */
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { EMPTY_COLLECTION } from './features';
import { PROMOTE_ID, SOURCE_IDS, type SourceId } from './layers';
import { isEmptyDiff, sourceDiff, type IdOf } from './source-diff';

/**
 * Longest wait for the analysis to settle before queued data is drawn anyway. Every setData re-tiles
 * the whole source and redraws: 160–570 ms per source with software WebGL in headless chromium (a
 * few ms on a GPU), so drawing the pending estates, then compliance, then coverage cost three rounds
 * at start-up. 400 ms is about one demo coverage run there: longer and the map would look stuck.
 */
export const MAX_HOLD_MS = 400;

/**
 * Sources whose features have unique ids, sent as diffs: estates, facilities and underserved zones
 * by their promoted property (layers.ts), service areas by the top-level id of service-area-ids.ts.
 * Zones are numbered by each run, but a diff compares content: unchanged zones send nothing and
 * their tiles are not reloaded (in the browser tests the hatched zone tiles loaded one frame after
 * the others on every drop, ~150 ms with software WebGL). Streets are vector tiles (street-source.ts).
 */
const DIFFED: readonly SourceId[] = ['estates', 'facilities', 'serviceAreas', 'underserved'];

const idOf = (id: SourceId): IdOf => {
  const promoted = PROMOTE_ID[id];
  return promoted ? (f) => f.properties?.[promoted] as string | number | undefined : (f) => f.id;
};

export interface BatcherOptions {
  /** Called after each flush with the ids that got new data and their setData promises. */
  onFlush(ids: SourceId[], applied: Promise<void[]>): void;
  /** True while analysis results are on their way: queued data waits for them (up to MAX_HOLD_MS). */
  busy(): boolean;
}

export class SourceBatcher {
  private readonly last = new Map<SourceId, unknown>();
  private readonly pending = new Map<SourceId, unknown>();
  /** Queued data drawn on the next frame even while busy (a dragged point follows the pointer). */
  private readonly urgent = new Set<SourceId>();
  /** performance.now() when the oldest held data was queued. */
  private heldSince: number | null = null;
  private frame = 0;
  private installed = false;

  /**
   * @param map the map
   * @param options flush callback, and whether analysis is in flight
   */
  constructor(
    private readonly map: MlMap,
    private readonly options: BatcherOptions,
  ) {}

  /** Adds every source (after style.load); until then data only accumulates. */
  install(): void {
    for (const id of SOURCE_IDS) {
      if (this.map.getSource(id)) continue;
      const data = (this.pending.get(id) ?? this.last.get(id) ?? EMPTY_COLLECTION) as FeatureCollection;
      const promoteId = PROMOTE_ID[id];
      this.map.addSource(id, { type: 'geojson', data, ...(promoteId ? { promoteId } : {}) });
      this.last.set(id, data);
      this.pending.delete(id);
      this.urgent.delete(id);
    }
    this.installed = true;
    this.schedule();
  }

  /** The style is being replaced: sources must be added again. */
  uninstall(): void {
    this.installed = false;
  }

  /**
   * Queues data for a source; no-op when it is the data already shown (the same object, or for the
   * small facility layer the same content: a drop re-derives what the drag preview already drew).
   * @returns true when the source will get new data
   */
  queue(id: SourceId, data: unknown, urgent = false): boolean {
    const shown = this.last.get(id);
    if (shown === data || (id === 'facilities' && sameJson(shown, data))) {
      this.pending.delete(id);
      this.urgent.delete(id);
      return false;
    }
    this.pending.set(id, data);
    if (urgent) this.urgent.add(id);
    else this.heldSince ??= performance.now();
    this.schedule();
    return true;
  }

  /** True while any of `ids` has data queued but not yet sent to the map. */
  hasPending(ids: readonly SourceId[]): boolean {
    return ids.some((id) => this.pending.has(id));
  }

  /** The newest data of a source, queued or shown. */
  current(id: SourceId): unknown {
    return this.pending.get(id) ?? this.last.get(id);
  }

  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private schedule(): void {
    if (this.frame !== 0 || this.pending.size === 0 || !this.installed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  private flush(): void {
    const hold =
      this.heldSince !== null && performance.now() - this.heldSince < MAX_HOLD_MS && this.options.busy();
    const updates: Promise<void>[] = [];
    const ids: SourceId[] = [];
    const done: SourceId[] = [];
    for (const [id, data] of this.pending) {
      if (hold && !this.urgent.has(id)) continue;
      const source = this.map.getSource<GeoJSONSource>(id);
      if (!source) continue;
      const next = data as FeatureCollection;
      const shown = this.last.get(id) as FeatureCollection | undefined;
      const diff = DIFFED.includes(id) ? sourceDiff(shown, next, idOf(id)) : null;
      this.last.set(id, data);
      done.push(id);
      if (diff && isEmptyDiff(diff)) continue; // equal content: nothing to re-tile
      updates.push(diff ? source.updateData(diff) : source.setData(next));
      ids.push(id);
    }
    for (const id of done) {
      this.pending.delete(id);
      this.urgent.delete(id);
    }
    // Sent or not, a render tells the controller that the latest data is drawn.
    if (done.length > ids.length) this.map.triggerRepaint();
    if (!hold) this.heldSince = null;
    if (ids.length > 0) this.options.onFlush(ids, Promise.all(updates));
    this.schedule(); // held data: look again on the next frame
  }
}

/** Content equality of two small GeoJSON values (a few hundred point features at most). */
const sameJson = (a: unknown, b: unknown): boolean =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
