/**
 * GeoJSON sources with per-frame batching: data is queued, and on the next animation frame each
 * source whose data object changed gets one setData (placemark's mSetData keeps the last data per
 * source). Also adds the sources after a style load, with their latest data.
 */
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { EMPTY_COLLECTION } from './features';
import { PROMOTE_ID, SOURCE_IDS, type SourceId } from './layers';

export class SourceBatcher {
  private readonly last = new Map<SourceId, unknown>();
  private readonly pending = new Map<SourceId, unknown>();
  private frame = 0;
  private installed = false;

  /**
   * @param map the map
   * @param onFlush called after each flush with the ids that got new data and their setData promises
   */
  constructor(
    private readonly map: MlMap,
    private readonly onFlush: (ids: SourceId[], applied: Promise<void[]>) => void,
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
    }
    this.installed = true;
    this.schedule();
  }

  /** The style is being replaced: sources must be added again. */
  uninstall(): void {
    this.installed = false;
  }

  /** Queues data for a source (no-op when it is the data already shown). */
  queue(id: SourceId, data: unknown): void {
    if (this.last.get(id) === data) {
      this.pending.delete(id);
      return;
    }
    this.pending.set(id, data);
    this.schedule();
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
    const updates: Promise<void>[] = [];
    const ids: SourceId[] = [];
    for (const [id, data] of this.pending) {
      const source = this.map.getSource<GeoJSONSource>(id);
      if (!source) continue;
      updates.push(source.setData(data as FeatureCollection));
      this.last.set(id, data);
      ids.push(id);
    }
    this.pending.clear();
    this.onFlush(ids, Promise.all(updates));
  }
}
