import type { NetworkBuildReport, WalkingGraph } from '../model/network';
import { GRAPH_BYTE_ORDER_MARK, GRAPH_MAGIC, GRAPH_VERSION, graphSections } from './graph-file-layout';

/**
 * Writes the walking graph (and optionally its build report) in the binary layout of
 * graph-file-layout.ts, which deserializeGraph views in place.
 * @param graph the CSR graph
 * @param report the build report to keep with it (read back with deserializeGraphReport)
 * @returns the file bytes
 * @example writeFileSync('shanghai.lcwg', serializeGraph(graph, report));
 */
export function serializeGraph(graph: WalkingGraph, report?: NetworkBuildReport): Uint8Array {
  const n = graph.nodeCount;
  const m = graph.targets.length;
  const reportBytes =
    report === undefined ? new Uint8Array(0) : new TextEncoder().encode(JSON.stringify(report));
  const at = graphSections(n, m, reportBytes.length);
  const bytes = new Uint8Array(at.total);
  for (let i = 0; i < GRAPH_MAGIC.length; i++) bytes[i] = GRAPH_MAGIC.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, GRAPH_VERSION, true);
  view.setUint32(12, GRAPH_BYTE_ORDER_MARK, true);
  view.setUint32(16, n, true);
  view.setUint32(20, m, true);
  view.setUint32(24, reportBytes.length, true);
  const buffer = bytes.buffer;
  new Float64Array(buffer, at.coords, 2 * n).set(graph.coords.subarray(0, 2 * n));
  new Float64Array(buffer, at.osmIds, n).set(graph.osmIds.subarray(0, n));
  new Uint32Array(buffer, at.offsets, n + 1).set(graph.offsets.subarray(0, n + 1));
  new Uint32Array(buffer, at.targets, m).set(graph.targets);
  new Float32Array(buffer, at.lengths, m).set(graph.lengths);
  bytes.set(reportBytes, at.report);
  return bytes;
}
