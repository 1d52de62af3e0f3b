/**
 * Long tasks with a progress bar and a Cancel button. The store holds the job (id, label, progress);
 * the AbortController stays here, outside the store.
 */
import type { AppStoreApi } from '../../store/store';

type Task<T> = (signal: AbortSignal, onProgress: (value: number | null) => void) => Promise<T>;

export class JobRunner {
  private readonly controllers = new Map<string, AbortController>();
  private next = 1;

  constructor(private readonly store: AppStoreApi) {}

  /**
   * Runs a task as a visible job.
   * @param label i18n key of what is running
   * @param task receives the abort signal and a progress callback
   */
  async run<T>(label: string, task: Task<T>): Promise<T> {
    const id = `job-${this.next++}`;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const { dispatch } = this.store.getState();
    dispatch({ type: 'job/start', job: { id, label, progress: null } });
    try {
      return await task(controller.signal, (progress) => dispatch({ type: 'job/progress', id, progress }));
    } finally {
      this.controllers.delete(id);
      dispatch({ type: 'job/end', id });
    }
  }

  /** The user pressed Cancel. */
  cancel(id: string): void {
    this.controllers.get(id)?.abort();
  }
}
