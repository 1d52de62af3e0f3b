/** What a long task is doing when it reports progress: reading its input, building, mapping rows. */
export type ProgressPhase = 'read' | 'build' | 'rows';

/**
 * Receives the share of the whole task that is done (0–1, never decreasing, exactly one final 1) and
 * the phase it is in. Called at a bounded rate, never once per element.
 */
export type ProgressCallback = (fraction: number, phase: ProgressPhase) => void;

/**
 * Smallest change in the fraction worth a report: 1 % keeps a task to about a hundred calls (a
 * progress bar cannot show finer steps, and each call crosses the worker boundary as a message).
 */
export const PROGRESS_STEP = 0.01;

/** A task's progress, split into phases that each cover a part [from, to] of the whole. */
export interface TaskProgress {
  /**
   * Reports that `done` of `total` units of a phase are done. Cheap when nothing is reported, but
   * callers still call it per chunk, block or thousand rows, not per element.
   * @param phase what the task is doing
   * @param from share of the task done when the phase starts
   * @param to share done when it ends
   * @param done units of the phase done (bytes, rows, steps)
   * @param total units in the phase
   */
  report(phase: ProgressPhase, from: number, to: number, done: number, total: number): void;
  /** Reports the end of the task (fraction 1), once. */
  finish(phase: ProgressPhase): void;
}

/**
 * Wraps an optional progress callback: maps each phase onto its part of the task, keeps the fraction
 * from going back, and drops reports that moved less than `step` (a new phase is always reported).
 * Without a callback every method does nothing.
 * @param onProgress the caller's callback, or undefined
 * @param step smallest reported change (default 1 %)
 * @returns the reporter
 * @example
 * const progress = taskProgress(onProgress);
 * progress.report('read', 0, 0.9, bytesRead, bytes.length);
 * progress.finish('build');
 */
export function taskProgress(onProgress: ProgressCallback | undefined, step = PROGRESS_STEP): TaskProgress {
  let last = -1;
  let lastPhase: ProgressPhase | null = null;
  const emit = (phase: ProgressPhase, fraction: number) => {
    if (!onProgress || last >= 1) return;
    const f = Math.min(1, Math.max(last, fraction));
    // The tolerance lets a phase that ends exactly `step` after the last report be reported.
    if (phase === lastPhase && f < 1 && f - last < step - 1e-9) return;
    last = f;
    lastPhase = phase;
    onProgress(f, phase);
  };
  return {
    report(phase, from, to, done, total) {
      if (!onProgress) return;
      const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
      emit(phase, from + (to - from) * share);
    },
    finish(phase) {
      emit(phase, 1);
    },
  };
}
