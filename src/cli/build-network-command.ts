import { UsageError } from './errors';

/** `lifecircle build-network …` (issue #3): wired once the network engine lands. */
export async function runBuildNetwork(_argv: string[]): Promise<number> {
  throw new UsageError('build-network is not available in this build yet (issue #3)');
}
