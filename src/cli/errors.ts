/** A mistake in how the CLI was called or in its input: printed as one clear line, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes (issue #2): 0 every applicable check passes, 1 any fails, 2 input unusable. */
export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_UNUSABLE = 2;
