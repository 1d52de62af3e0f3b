import type { NetworkBuildReport, WalkingGraph } from '../model/network';
import {
  GRAPH_BYTE_ORDER_MARK,
  GRAPH_HEADER_BYTES,
  GRAPH_VERSION,
  graphSections,
  isSerializedGraph,
} from './graph-file-layout';

/** A file that is not a walking-graph file, or a damaged one. */
export class GraphFileError extends Error {
  override name = 'GraphFileError';
}

type ArrayCtor<T> = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** A view on the bytes when aligned (zero copy), else an aligned copy. */
function section<T>(Ctor: ArrayCtor<T>, bytes: Uint8Array, offset: number, length: number): T {
  const start = bytes.byteOffset + offset;
  if (start % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, start, length);
  const copy = bytes.slice(offset, offset + length * Ctor.BYTES_PER_ELEMENT);
  return new Ctor(copy.buffer, 0, length);
}

function header(bytes: Uint8Array) {
  if (!isSerializedGraph(bytes) || bytes.length < GRAPH_HEADER_BYTES) {
    throw new GraphFileError(
      'not a LifeCircle walking-graph file: expected the magic bytes "LCWGRAPH" at the start',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== GRAPH_VERSION) {
    throw new GraphFileError(
      `walking-graph file version ${version} is not supported; expected version ${GRAPH_VERSION}`,
    );
  }
  if (view.getUint32(12, true) !== GRAPH_BYTE_ORDER_MARK) {
    throw new GraphFileError('walking-graph file: byte-order mark is wrong (damaged file)');
  }
  const n = view.getUint32(16, true);
  const m = view.getUint32(20, true);
  const at = graphSections(n, m, view.getUint32(24, true));
  if (bytes.length < at.total) {
    throw new GraphFileError(`walking-graph file is truncated: ${bytes.length} bytes, expected ${at.total}`);
  }
  return { n, m, at };
}

/**
 * Loads a walking graph written by serializeGraph. The typed arrays are views on `bytes` where
 * alignment allows (keep the bytes alive and unmodified while the graph is used); offsets (from 0,
 * never decreasing, ending at m), targets (inside the graph), coordinates (WGS-84 degrees) and
 * lengths (finite, ≥ 0) are checked so a damaged file fails here, not in a search.
 * @param bytes the file content
 * @returns the graph
 * @throws GraphFileError when the bytes are not a walking-graph file, another version, or damaged
 * @example const graph = deserializeGraph(new Uint8Array(readFileSync('shanghai.lcwg')));
 */
export function deserializeGraph(bytes: Uint8Array): WalkingGraph {
  const { n, m, at } = header(bytes);
  const offsets = section(Uint32Array, bytes, at.offsets, n + 1);
  const targets = section(Uint32Array, bytes, at.targets, m);
  if (offsets[0] !== 0 || offsets[n] !== m)
    throw new GraphFileError('walking-graph file: row offsets are damaged');
  for (let u = 0; u < n; u++) {
    if ((offsets[u] as number) > (offsets[u + 1] as number)) {
      throw new GraphFileError(`walking-graph file: row offsets decrease at node ${u} (damaged file)`);
    }
  }
  for (let e = 0; e < m; e++) {
    if ((targets[e] as number) >= n)
      throw new GraphFileError(`walking-graph file: half-edge ${e} points outside the graph`);
  }
  const coords = section(Float64Array, bytes, at.coords, 2 * n);
  for (let u = 0; u < n; u++) {
    const lng = coords[2 * u] as number;
    const lat = coords[2 * u + 1] as number;
    // Written as WGS-84 degrees; NaN fails both comparisons.
    if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
      throw new GraphFileError(
        `walking-graph file: node ${u} has coordinate (${lng}, ${lat}), not a WGS-84 longitude and latitude (damaged file)`,
      );
    }
  }
  const lengths = section(Float32Array, bytes, at.lengths, m);
  for (let e = 0; e < m; e++) {
    const length = lengths[e] as number;
    // A negative length would make the searches loop; NaN and Infinity fail this test too.
    if (!(length >= 0 && length < Infinity)) {
      throw new GraphFileError(
        `walking-graph file: half-edge ${e} has length ${length} m, expected a finite length ≥ 0 (damaged file)`,
      );
    }
  }
  return {
    nodeCount: n,
    coords,
    osmIds: section(Float64Array, bytes, at.osmIds, n),
    offsets,
    targets,
    lengths,
  };
}

/**
 * The build report stored with the graph, if serializeGraph was given one.
 * @param bytes the file content
 * @returns the report, or null
 * @throws GraphFileError when the file or its report block is damaged
 * @example deserializeGraphReport(bytes)?.droppedNodes
 */
export function deserializeGraphReport(bytes: Uint8Array): NetworkBuildReport | null {
  const { at } = header(bytes);
  if (at.total === at.report) return null;
  const text = new TextDecoder().decode(bytes.subarray(at.report, at.total));
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new GraphFileError(
      `walking-graph file: the build report block is damaged (${(error as Error).message})`,
    );
  }
  if (typeof report !== 'object' || report === null || Array.isArray(report))
    throw new GraphFileError(
      'walking-graph file: the build report block is not a JSON object (damaged file)',
    );
  return report as NetworkBuildReport;
}
