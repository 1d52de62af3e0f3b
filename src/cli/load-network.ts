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
    const graph = deserializeGraph(bytes);
    return {
      network: { graph, snapper: createSnapper(graph) },
      report: deserializeGraphReport(bytes),
      built: true,
    };
  }
  const { graph, report } = await buildWalkingGraph(bytes, { minComponent });
  if (graph.nodeCount === 0) {
    throw new UsageError(
      `${path}: no walkable street is left (${report.waysRead} ways read, ${report.waysUsed} walkable, ${report.droppedNodes} nodes in components smaller than ${report.minComponent})`,
    );
  }
  return { network: { graph, snapper: createSnapper(graph) }, report, built: false };
}
