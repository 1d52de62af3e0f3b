/**
 * Long tasks with a progress bar and a Cancel button. The store holds the job (id, label, progress,
 * phase); the AbortController stays here, outside the store. Cancel aborts the task's signal: the
 * worker requests of long tasks are sent with `cancelGraceMs`, so the worker stops the work at its
 * next slice and keeps its state (or, if it does not stop in time, is replaced and the app re-sends
 * its state); the scenario is untouched.
 */
import type { AppStoreApi } from '../../store/store';

type Task<T> = (
  signal: AbortSignal,
  onProgress: (value: number | null, phase?: string) => void,
) => Promise<T>;

/** The notice shown after the user cancels a job, by job label (others get the generic one). */
const CANCELLED_NOTICE: Record<string, string> = {
  'jobs.network': 'jobs.cancelled.network',
  'jobs.import': 'jobs.cancelled.import',
  'jobs.coverage': 'jobs.cancelled.coverage',
  'jobs.siting': 'jobs.cancelled.siting',
};

export interface JobOptions {
  /**
   * Show the job only once it has run this long (work that usually finishes at once, such as a
   * coverage run, then shows no flashing bar); its latest progress is shown from the start.
   */
  delayMs?: number;
}

export class JobRunner {
  private readonly controllers = new Map<string, { controller: AbortController; label: string }>();
  private next = 1;

  constructor(private readonly store: AppStoreApi) {}

  /**
   * Runs a task as a visible job.
   * @param label i18n key of what is running
   * @param task receives the abort signal and a progress callback (0–1 or null, and the phase)
   * @param options when to show it
   * @returns what the task returns; rejects with its error (an AbortError after Cancel)
   */
  async run<T>(label: string, task: Task<T>, options: JobOptions = {}): Promise<T> {
    const id = `job-${this.next++}`;
    const controller = new AbortController();
    this.controllers.set(id, { controller, label });
    const { dispatch } = this.store.getState();
    let shown = false;
    let latest: { progress: number | null; phase?: string } = { progress: null };
    const show = () => {
      shown = true;
      dispatch({ type: 'job/start', job: { id, label, progress: latest.progress } });
      if (latest.phase !== undefined) dispatch({ type: 'job/progress', id, ...latest });
    };
    const timer = options.delayMs ? setTimeout(show, options.delayMs) : (show(), undefined);
    try {
      return await task(controller.signal, (progress, phase) => {
        latest = { progress, ...(phase === undefined ? {} : { phase }) };
        if (shown) dispatch({ type: 'job/progress', id, ...latest });
      });
    } finally {
      clearTimeout(timer);
      this.controllers.delete(id);
      if (shown) dispatch({ type: 'job/end', id });
    }
  }

  /**
   * The user pressed Cancel: stops the job and says so (after the worker's own restart notice).
   * @param id the job's id
   */
  cancel(id: string): void {
    const job = this.controllers.get(id);
    if (!job) return;
    job.controller.abort();
    const key = CANCELLED_NOTICE[job.label] ?? 'notice.cancelled';
    this.store.getState().dispatch({ type: 'results/notice', notice: { key } });
  }
}
