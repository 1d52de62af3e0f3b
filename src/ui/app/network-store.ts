/**
 * Street networks the app has built: the core's binary graph per key, in memory and in IndexedDB, so
 * a reload or a restarted worker gets the graph back without re-reading the OSM file. The bundled
 * demo network never goes through IndexedDB: reading its OSM file from the app's own origin is
 * faster than opening the database on a first visit (measured 0.3–2.5 s in headless chromium,
 * against a 197 kB same-origin fetch), and it keeps the demo's start-up off the autosave's queue.
 */
import { bulkLayers } from '../../map/bulk-layers';
import type { NetworkRef } from '../../store/types';
import type { NetworkLoaded } from '../../worker/protocol';
import { loadNetwork, saveNetwork } from './persist';

export type NetworkBytes = { graph: Uint8Array } | { osm: Uint8Array } | null;

export class NetworkStore {
  private readonly graphs = new Map<string, Uint8Array>();
  /** The demo's OSM bytes fetched ahead of need (see `prefetchDemo`), used once. */
  private demoOsm: Promise<Uint8Array> | null = null;

  /**
   * @param fetchDemoNetwork reads the demo's OSM file
   * @param onSaveFailed told when a network cannot be stored (the planner goes on with it in memory)
   */
  constructor(
    private readonly fetchDemoNetwork: () => Promise<Uint8Array>,
    private readonly onSaveFailed: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts reading the demo's OSM file now, so it is at hand when the scenario asks for it. */
  prefetchDemo(): void {
    if (this.graphs.has('demo')) return;
    this.demoOsm ??= this.fetchDemoNetwork();
    this.demoOsm.catch(() => undefined);
  }

  /** The graph in memory, else the demo's OSM bytes, else the stored graph (IndexedDB), else null. */
  async bytes(ref: NetworkRef): Promise<NetworkBytes> {
    const kept = this.graphs.get(ref.key);
    if (kept) return { graph: kept };
    if (ref.source === 'demo') {
      // The bytes are transferred to the worker (and emptied here): a prefetch serves one request.
      const osm = this.demoOsm ?? this.fetchDemoNetwork();
      this.demoOsm = null;
      return { osm: await osm };
    }
    const stored = await loadNetwork(ref.key);
    return stored ? { graph: stored } : null;
  }

  /** Keeps a network the worker has loaded, and shows its streets. */
  adopt(key: string, loaded: NetworkLoaded, persist: boolean): void {
    this.graphs.set(key, loaded.graphBytes);
    if (persist) void saveNetwork(key, loaded.graphBytes).catch(this.onSaveFailed);
    bulkLayers.setState({ streets: loaded.segments });
  }
}
