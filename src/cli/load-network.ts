import {
  buildWalkingGraph,
  createSnapper,
  deserializeGraph,
  deserializeGraphReport,
  isSerializedGraph,
  type CoverageNetwork,
  type NetworkBuildReport,
} from '../core';
import { UsageError } from './errors';
import { readInputFile } from './input-file';

/** The core's GraphFileError / OsmReadError do not know the file: the message gets its path. */
function rename(path: string, error: unknown): never {
  if (error instanceof Error && (error.name === 'GraphFileError' || error.name === 'OsmReadError'))
    throw new UsageError(`${path}: ${error.message}`);
  throw error;
}
function named<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return rename(path, error);
  }
}
async function namedAsync<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    return rename(path, error);
  }
}

/**
 * Loads `--network`: an OSM file (XML, gzipped XML or PBF) built into a walking graph, or a graph file
 * written by `lifecircle build-network`.
 * @param path the file
 * @param minComponent components smaller than this are dropped (OSM input only)
 * @returns the graph with its snapper, and what building it kept and dropped
 */
export async function loadNetwork(
  path: string,
  minComponent: number | undefined,
): Promise<{ network: CoverageNetwork; report: NetworkBuildReport | null; built: boolean }> {
  const bytes = await readInputFile(path, 'network file');
  if (isSerializedGraph(bytes)) {
    if (minComponent !== undefined) {
      throw new UsageError(
        `${path} is a built graph: --min-component applies when building it (lifecircle build-network --min-component ${minComponent})`,
      );
    }
    const { graph, report } = named(path, () => ({
      graph: deserializeGraph(bytes),
      report: deserializeGraphReport(bytes),
    }));
    return { network: { graph, snapper: createSnapper(graph) }, report, built: true };
  }
  const { graph, report } = await namedAsync(path, () => buildWalkingGraph(bytes, { minComponent }));
  if (graph.nodeCount === 0) {
    throw new UsageError(
      `${path}: no walkable street is left (${report.waysRead} ways read, ${report.waysUsed} walkable, ${report.droppedNodes} nodes in components smaller than ${report.minComponent})`,
    );
  }
  return { network: { graph, snapper: createSnapper(graph) }, report, built: false };
}
