/**
 * The street network the worker holds, kept in step with the scenario's (the runner's network step):
 * restored from a stored graph, built from OSM bytes (a job with Cancel), or cleared; a build the user
 * cancels is not started again until the scenario's network changes.
 */
import { bulkLayers } from '../../map/bulk-layers';
import type { Action } from '../../store/actions';
import type { NetworkRef } from '../../store/types';
import type { AnalysisClient } from '../../worker/client';
import type { NetworkLoaded, RequestMap } from '../../worker/protocol';
import type { JobRunner } from './jobs';
import type { NetworkBytes, NetworkStore } from './network-store';
import { CANCEL_GRACE_MS, LONG_TASK_MS } from './worker-timeouts';

export interface WorkerNetworkDeps {
  client: AnalysisClient<RequestMap>;
  jobs: JobRunner;
  networks: NetworkStore;
  dispatch(action: Action): void;
}

export class WorkerNetwork {
  /** The key of the network the worker holds (or last gave up on); null: none, or not known after a restart. */
  current: string | null = null;
  /** The network whose build the user cancelled: not built again until the scenario's network changes. */
  declined: string | null = null;

  constructor(private readonly deps: WorkerNetworkDeps) {}

  /**
   * Gives the worker the scenario's network (or none).
   * @param ref the scenario's network
   * @param pending its bytes, already being read (null: read them now)
   */
  async ensure(ref: NetworkRef | null, pending: Promise<NetworkBytes> | null): Promise<void> {
    const declined = ref !== null && ref.key === this.declined;
    const bytes = ref && !declined ? await (pending ?? this.deps.networks.bytes(ref)) : null;
    if (!ref || !bytes || declined) {
      if (declined) {
        await this.deps.client.send('network/clear', {});
        this.current = ref.key;
        return;
      }
      if (ref)
        this.deps.dispatch({
          type: 'results/notice',
          notice: { key: 'notice.networkMissing', detail: ref.fileName },
        });
      await this.deps.client.send('network/clear', {});
      bulkLayers.setState({ streets: null });
      this.current = ref?.key ?? null; // do not retry until the network changes
      return;
    }
    let loaded: NetworkLoaded;
    if ('graph' in bytes)
      loaded = await this.deps.client.send('network/restore', { graphBytes: bytes.graph.slice() });
    else {
      try {
        loaded = await this.deps.jobs.run('jobs.network', (signal, onProgress) =>
          this.deps.client.send(
            'network/load',
            { bytes: bytes.osm, fileName: ref.fileName },
            { signal, onProgress, cancelGraceMs: CANCEL_GRACE_MS, timeoutMs: LONG_TASK_MS },
          ),
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
        // The user cancelled: go on without this network (straight-line) instead of building it again.
        this.declined = ref.key;
        this.deps.dispatch({
          type: 'results/notice',
          notice: { key: 'notice.networkDeclined', detail: ref.fileName },
        });
        // The worker stopped the build (or finished it just as Cancel came): it goes on without it.
        await this.deps.client.send('network/clear', {});
        this.current = ref.key;
        return;
      }
    }
    this.adopt(ref.key, loaded, ref.source !== 'demo' && !('graph' in bytes));
    if (!ref.report)
      this.deps.dispatch({ type: 'network/report', report: loaded.report, bounds: loaded.bounds });
  }

  /** The worker holds this network now: keep its bytes (stored unless `persist` is false). */
  adopt(key: string, loaded: NetworkLoaded, persist = true): void {
    this.deps.networks.adopt(key, loaded, persist);
    this.current = key;
  }
}
