/**
 * Keeps the worker's analysis in step with the store. A reconcile loop compares what the worker was
 * last sent with what the store (plus an in-progress drag) wants, and sends only the difference:
 * compliance when estates or the profile change, the street network when its key changes, a full
 * coverage run when estates/profile/network change, and single-facility what-if edits otherwise.
 * While a request is in flight further edits only mark the loop dirty, so a fast drag coalesces to
 * the latest position instead of queueing stale work.
 */
import type { Facility, FacilityKind, LngLat } from '../../core';
import { bulkLayers } from '../../map/bulk-layers';
import type { Action } from '../../store/actions';
import { profileChoice } from '../../store/scenario-profile';
import type { AppStoreApi } from '../../store/store';
import type { NetworkRef } from '../../store/types';
import { AnalysisClient, WorkerRestartedError, type WorkerLike } from '../../worker/client';
import type {
  CoverageEditResponse,
  CoverageResponse,
  DemoOpened,
  DemoOpenRequest,
  NetworkLoaded,
  RequestMap,
} from '../../worker/protocol';
import { diffFacilities } from './facility-diff';
import { JobRunner } from './jobs';
import { NetworkStore } from './network-store';
import { errorText } from './persist';
import { RestartLimit } from './restart-limit';
import { WorkerNetwork } from './worker-network';
import { CANCEL_GRACE_MS, LONG_TASK_MS } from './worker-timeouts';
import { mergeServiceAreas } from './service-area-merge';

export interface RunnerMetrics {
  /** Round trip of the last what-if edit (send → answer), ms. */
  lastEditMs: number | null;
  /** The worker's own time for that edit (the rest of the round trip is waiting: transfer, a busy main thread). */
  lastEditWorkerMs: number | null;
  /** performance.now() when the last edit's answer reached the store. */
  lastEditAppliedAt: number | null;
  /** The facilities that edit analysed, where it put them: what the results in the store are for. */
  lastEditFacilities: readonly Facility[] | null;
  /** Round trip of the last full coverage run, ms. */
  lastRunMs: number | null;
  edits: number;
  runs: number;
}

export { CANCEL_GRACE_MS, LONG_TASK_MS };

/** A full coverage run shows its progress bar (with Cancel) only once it has taken this long. */
export const COVERAGE_JOB_DELAY_MS = 400;

/** The network key of the bundled demo (NetworkRef.key). */
export const DEMO_NETWORK_KEY = 'demo';

const same = (a: readonly unknown[] | null, b: readonly unknown[] | null) =>
  a !== null && b !== null && a.length === b.length && a.every((x, k) => x === b[k]);

export class AnalysisRunner {
  readonly client: AnalysisClient<RequestMap>;
  readonly jobs: JobRunner;
  readonly metrics: RunnerMetrics = {
    lastEditMs: null,
    lastEditWorkerMs: null,
    lastEditAppliedAt: null,
    lastEditFacilities: null,
    lastRunMs: null,
    edits: 0,
    runs: 0,
  };
  private evaluationKey: unknown[] | null = null;
  private coverageKey: unknown[] | null = null;
  private sentFacilities: Facility[] = [];
  private sentServiceAreaKind: FacilityKind | null = null;
  private readonly previews = new Map<string, LngLat>();
  private readonly networks: NetworkStore;
  private readonly network: WorkerNetwork;
  private running = false;
  private dirty = false;
  private readonly restarts = new RestartLimit();
  /** The scenario whose coverage run the user cancelled: its coverage is not run again as it is. */
  private coverageCancelled: unknown = null;
  private lock: Promise<unknown> = Promise.resolve();
  /** Resolves when the loop has nothing left to do (browser tests wait on it). */
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: AppStoreApi,
    workerFactory: () => WorkerLike,
    fetchDemoNetwork: () => Promise<Uint8Array>,
  ) {
    this.client = new AnalysisClient<RequestMap>(workerFactory, {
      onRestart: (reason, detail) => {
        this.network.current = null;
        this.coverageKey = null;
        this.evaluationKey = null;
        const gaveUp = reason === 'cancel' ? null : this.restarts.failed(this.store.getState().scenario);
        if (gaveUp !== null) {
          this.dispatch({
            type: 'results/notice',
            notice: { key: 'notice.workerGaveUp', detail: String(gaveUp) },
          });
          return;
        }
        // A stall has no message worth showing (the client's "no answer for … ms" is for logs).
        const key =
          reason === 'cancel'
            ? 'notice.cancelled'
            : reason === 'crash'
              ? 'notice.workerRestarted'
              : 'notice.workerStuck';
        this.dispatch({ type: 'results/notice', notice: { key, detail } });
        this.schedule();
      },
    });
    this.jobs = new JobRunner(store);
    // A network that cannot be stored still works until the page closes: say so, and go on.
    this.networks = new NetworkStore(fetchDemoNetwork, (error) =>
      this.dispatch({
        type: 'results/notice',
        notice: { key: 'notice.saveFailed', detail: errorText(error) },
      }),
    );
    this.network = new WorkerNetwork({
      client: this.client,
      jobs: this.jobs,
      networks: this.networks,
      dispatch: this.dispatch,
    });
  }

  /** Starts following the store. */
  start(): () => void {
    const unsubscribe = this.store.subscribe(
      (s) => [s.scenario, s.view.kind, s.view.layers.serviceAreas],
      () => this.schedule(),
      { equalityFn: (a, b) => a.every((x, k) => x === b[k]) },
    );
    this.schedule();
    return unsubscribe;
  }

  /** A facility is being dragged: analyse it at `location` without touching the store. */
  preview(id: string, location: LngLat): void {
    this.previews.set(id, location);
    this.schedule();
  }

  /**
   * The drag ended and the store has the final position. Nothing is re-run when the worker already
   * holds that position from the last preview: its results are the ones on the map.
   */
  drop(id: string): void {
    this.previews.delete(id);
    this.schedule();
  }

  /** True while the reconcile loop has requests in flight or changes still to send. */
  get busy(): boolean {
    return this.running || this.dirty;
  }

  /** Resolves once every pending analysis has been answered. */
  idle(): Promise<void> {
    if (!this.running && !this.dirty) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs `task` while no other request sequence is using the worker. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.lock.then(task, task);
    this.lock = next.catch(() => undefined);
    return next;
  }

  /**
   * Builds a street network from an OSM file in the worker, keeps it, and makes it the scenario's.
   * @returns the network reference (already dispatched)
   */
  async loadNetworkFile(bytes: Uint8Array, fileName: string): Promise<NetworkRef> {
    const loaded = await this.exclusive(() =>
      this.jobs.run('jobs.network', (signal, onProgress) =>
        this.client.send(
          'network/load',
          { bytes, fileName },
          { signal, onProgress, cancelGraceMs: CANCEL_GRACE_MS, timeoutMs: LONG_TASK_MS },
        ),
      ),
    );
    const key = `file:${fileName}:${Date.now()}`;
    this.adoptNetwork(key, loaded);
    const network: NetworkRef = {
      source: 'file',
      fileName,
      key,
      report: loaded.report,
      extent: loaded.bounds,
    };
    this.dispatch({ type: 'network/set', network, bounds: loaded.bounds });
    return network;
  }

  private readonly dispatch = (action: Action): void => this.store.getState().dispatch(action);

  private schedule(): void {
    this.dirty = true;
    if (!this.running) void this.loop();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.exclusive(() => this.step()).catch((error: unknown) => this.fail(error));
      }
    } finally {
      this.running = false;
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private fail(error: unknown): void {
    if (error instanceof WorkerRestartedError) return; // onRestart has rescheduled
    const message = error instanceof Error ? error.message : String(error);
    this.dispatch({ type: 'results/error', error: message });
  }

  private async step(): Promise<void> {
    const state = this.store.getState();
    const sc = state.scenario;
    if (sc.id === 'empty' || !this.restarts.sending(sc)) return;
    const networkChanged = (sc.network?.key ?? null) !== this.network.current;
    // Read the network's bytes (IndexedDB or the demo file) while the worker evaluates compliance.
    const wanted = networkChanged && sc.network && sc.network.key !== this.network.declined;
    const bytes = wanted ? this.networks.bytes(sc.network!) : null;
    bytes?.catch(() => undefined);
    // The user profile itself is in the keys: an edit of it keeps its id but changes the verdicts.
    const choice = profileChoice(sc);
    const evaluationKey = [sc.estates, sc.profileId, choice.userProfile, sc.overrides, sc.defaultStatus];
    // Compliance, the network and coverage are sent without waiting for each other's answers: the
    // worker answers in order, and a main thread busy drawing a frame (100–500 ms with software
    // WebGL) no longer leaves the worker idle between them.
    let evaluated: Promise<void> | null = null;
    if (!same(evaluationKey, this.evaluationKey)) {
      this.evaluationKey = evaluationKey;
      const { estates, overrides, defaultStatus } = sc;
      evaluated = this.client
        .send('rules/evaluate', { ...choice, estates, overrides, defaultStatus })
        .then((res) => this.dispatch({ type: 'results/evaluation', evaluation: res }));
    }
    try {
      if (networkChanged) {
        this.coverageKey = null;
        await this.network.ensure(sc.network, bytes);
      }
      await this.coverage();
    } finally {
      // Compliance's answer is awaited too: its error reaches fail(), its promise is never left unobserved.
      await evaluated;
    }
  }

  /**
   * Opens the bundled demo in the worker (it fetches the files itself) and keeps its network, so the
   * scenario that follows needs no network step.
   * @param request the demo's files
   * @returns the imported estates and facilities, and the network's report and bounds
   */
  async openDemo(request: DemoOpenRequest): Promise<DemoOpened> {
    const opened = await this.exclusive(() =>
      this.client.send('demo/open', request, { timeoutMs: LONG_TASK_MS }),
    );
    this.adoptNetwork(DEMO_NETWORK_KEY, opened.network, false);
    return opened;
  }

  /** Starts reading the demo's street file before a restored demo scenario asks for it (boot). */
  prefetchDemoNetwork(): void {
    this.networks.prefetchDemo();
  }

  private desiredFacilities(): Facility[] {
    const facilities = this.store.getState().scenario.facilities;
    if (this.previews.size === 0) return facilities;
    return facilities.map((f) => {
      const at = this.previews.get(f.id);
      return at ? { ...f, location: at } : f;
    });
  }

  private async coverage(): Promise<void> {
    const { scenario: sc, view } = this.store.getState();
    if (sc === this.coverageCancelled) return;
    this.coverageCancelled = null;
    const kind = view.layers.serviceAreas ? view.kind : null;
    const desired = this.desiredFacilities();
    const choice = profileChoice(sc);
    const key = [sc.estates, sc.profileId, choice.userProfile, sc.overrides, this.network.current];
    if (!same(key, this.coverageKey)) {
      this.coverageKey = key;
      this.sentFacilities = desired;
      this.sentServiceAreaKind = kind;
      const started = performance.now();
      const req = {
        estates: sc.estates,
        facilities: desired,
        ...choice,
        overrides: sc.overrides,
        serviceAreaKind: kind,
      };
      let res: CoverageResponse;
      try {
        // A job with Cancel once it takes a while (a city's coverage and service areas); the usual
        // demo run answers sooner and shows no bar.
        res = await this.jobs.run(
          'jobs.coverage',
          (signal, onProgress) =>
            this.client.send('coverage/run', req, {
              signal,
              onProgress,
              cancelGraceMs: CANCEL_GRACE_MS,
              timeoutMs: LONG_TASK_MS,
            }),
          { delayMs: COVERAGE_JOB_DELAY_MS },
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
        // The user cancelled: keep the results on screen (out of date) until the scenario changes.
        // The worker kept its sessions from before the run; they are rebuilt when coverage is next run.
        this.coverageCancelled = sc;
        this.coverageKey = null;
        return;
      }
      this.metrics.lastRunMs = performance.now() - started;
      this.metrics.runs++;
      this.apply(res, true);
      return;
    }
    const ops = diffFacilities(this.sentFacilities, desired);
    if (ops.length > 0) {
      this.sentFacilities = desired;
      this.sentServiceAreaKind = kind;
      const started = performance.now();
      try {
        const res = await this.client.send('coverage/edit', { ops, serviceAreaKind: kind });
        this.metrics.lastEditMs = performance.now() - started;
        this.metrics.lastEditWorkerMs = res.elapsedMs;
        this.metrics.edits++;
        this.applyEdit(res);
        this.metrics.lastEditAppliedAt = performance.now();
        this.metrics.lastEditFacilities = desired;
      } catch (error) {
        this.coverageKey = null; // the sessions may be half-edited: rebuild them on the next pass
        this.dirty = true;
        throw error;
      }
    }
    if (kind !== this.sentServiceAreaKind) {
      this.sentServiceAreaKind = kind;
      this.apply(await this.client.send('coverage/service-areas', { kind }), false);
    }
  }

  private apply(res: CoverageResponse, full: boolean): void {
    // Coverage answered (it is sent after compliance, so both got through): the worker is healthy.
    this.restarts.answered();
    const current = this.store.getState().results.coverage;
    const byKind = full ? res.byKind : { ...current?.byKind, ...res.byKind };
    if (full || Object.keys(res.byKind).length > 0)
      this.dispatch({ type: 'results/coverage', coverage: { byKind } });
    this.applyServiceAreas(res, full);
  }

  /** A what-if edit's answer: only what changed goes to the store, as a patch. */
  private applyEdit(res: CoverageEditResponse): void {
    this.restarts.answered();
    if (Object.keys(res.byKind).length > 0)
      this.dispatch({ type: 'results/coverage-patch', patch: { byKind: res.byKind } });
    this.applyServiceAreas(res, false);
  }

  private applyServiceAreas(res: Pick<CoverageResponse, 'serviceAreas'>, full: boolean): void {
    const patch = res.serviceAreas;
    if (patch) {
      if (patch.kind === this.store.getState().view.kind) {
        const shown = full ? null : bulkLayers.getState().serviceAreas;
        bulkLayers.setState({ serviceAreas: mergeServiceAreas(shown, patch) });
      }
    } else if (full || this.sentServiceAreaKind === null) bulkLayers.setState({ serviceAreas: null });
  }

  private adoptNetwork(key: string, loaded: NetworkLoaded, persist = true): void {
    this.network.adopt(key, loaded, persist);
    this.coverageKey = null;
  }
}
