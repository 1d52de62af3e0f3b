/** Undo/redo over whole scenario snapshots (immutable, so a snapshot is a reference, not a copy). */
import type { History, Scenario } from './types';

/** Enough for a working session; older steps are dropped first. */
export const HISTORY_LIMIT = 100;

export const emptyHistory = (): History => ({ past: [], future: [] });

/**
 * Records that `previous` was replaced by an edit.
 * @returns the history with `previous` on the undo stack and the redo stack cleared
 */
export function recordEdit(history: History, previous: Scenario): History {
  const past = [...history.past, previous];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

/**
 * Steps back one edit.
 * @returns the scenario to show and the new history, or null when there is nothing to undo
 */
export function undo(history: History, current: Scenario): { scenario: Scenario; history: History } | null {
  const scenario = history.past[history.past.length - 1];
  if (!scenario) return null;
  return { scenario, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/**
 * Re-applies the last undone edit.
 * @returns the scenario to show and the new history, or null when there is nothing to redo
 */
export function redo(history: History, current: Scenario): { scenario: Scenario; history: History } | null {
  const [scenario, ...future] = history.future;
  if (!scenario) return null;
  return { scenario, history: { past: [...history.past, current], future } };
}
