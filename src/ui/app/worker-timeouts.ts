/** How long the planner waits on the worker (shared by the runner and the panels that send requests). */

/**
 * Silence allowed for work that reports no progress (building a city's network, reading a large
 * file) before the worker counts as stuck; the user can cancel sooner.
 */
export const LONG_TASK_MS = 600_000;

/**
 * How long a cancelled request may take to stop at its next slice (the worker keeps its state)
 * before the worker is replaced instead.
 */
export const CANCEL_GRACE_MS = 3000;
