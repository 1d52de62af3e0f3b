import { UsageError } from './errors';

/** `lifecircle coverage …` (issue #3): wired once the coverage engine lands. */
export async function runCoverage(_argv: string[]): Promise<number> {
  throw new UsageError('coverage is not available in this build yet (issue #3)');
}
