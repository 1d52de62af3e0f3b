/**
 * Street networks the app has built: the core's binary graph per key, in memory and in IndexedDB, so
 * a reload or a restarted worker gets the graph back without re-reading the OSM file.
 */
import { bulkLayers } from '../../map/bulk-layers';
import type { NetworkRef } from '../../store/types';
import type { NetworkLoaded } from '../../worker/protocol';
import { loadNetwork, saveNetwork } from './persist';

export type NetworkBytes = { graph: Uint8Array } | { osm: Uint8Array } | null;

export class NetworkStore {
  private readonly graphs = new Map<string, Uint8Array>();

  constructor(private readonly fetchDemoNetwork: () => Promise<Uint8Array>) {}

  /** The stored graph (memory, then IndexedDB), else the raw OSM bytes of the demo, else null. */
  async bytes(ref: NetworkRef): Promise<NetworkBytes> {
    const graph = this.graphs.get(ref.key) ?? (await loadNetwork(ref.key));
    if (graph) return { graph };
    if (ref.source === 'demo') return { osm: await this.fetchDemoNetwork() };
    return null;
  }

  /** Keeps a network the worker has loaded, and shows its streets. */
  adopt(key: string, loaded: NetworkLoaded, persist: boolean): void {
    this.graphs.set(key, loaded.graphBytes);
    if (persist) void saveNetwork(key, loaded.graphBytes).catch(() => undefined);
    bulkLayers.setState({ streets: loaded.segments });
  }
}
