/**
 * When to stop re-sending a scenario that keeps killing the worker: after MAX_RESTARTS_IN_A_ROW
 * crashes or stalls with no answer in between, the scenario that was being sent is given up on
 * until the scenario changes; a new scenario gets the full number of tries.
 */

/** Crashes or stalls in a row after which the runner stops re-sending the same scenario. */
export const MAX_RESTARTS_IN_A_ROW = 3;

export class RestartLimit {
  /** Crashes and stalls since the worker last answered (cancels not counted). */
  private inARow = 0;
  /** The scenario given up on; not sent again as it is. */
  private abandoned: unknown = null;
  /** The scenario of the last step that sent anything. */
  private sent: unknown = null;

  /**
   * A step is about to send `scenario`.
   * @returns false when it is the scenario given up on (send nothing)
   */
  sending(scenario: unknown): boolean {
    if (scenario === this.abandoned) return false;
    if (this.abandoned !== null) {
      this.abandoned = null;
      this.inARow = 0;
    }
    this.sent = scenario;
    return true;
  }

  /** The worker answered: it is healthy. */
  answered(): void {
    this.inARow = 0;
  }

  /**
   * The worker crashed or stalled.
   * @param current the scenario in the store, given up on if no step has sent one yet
   * @returns the number of failures in a row when the limit is reached (give up and say so), else null
   */
  failed(current: unknown): number | null {
    if (++this.inARow < MAX_RESTARTS_IN_A_ROW) return null;
    // The scenario that was sent, not one the user made while it was failing.
    this.abandoned = this.sent ?? current;
    return this.inARow;
  }
}
