import { Gunzip } from 'fflate';
import type { WalkingGraph } from '../model/network';
import { assembleWalkingGraph, type OsmBuildReport } from './assemble-walking-graph';
import { isSerializedGraph } from './graph-file-layout';
import { OsmCollector } from './osm-collector';
import { readOsmPbf } from './osm-pbf-reader';
import { OsmReadError } from './osm-read-error';
import { OsmXmlScanner } from './osm-xml-scanner';
import { taskProgress, type ProgressCallback, type TaskProgress } from './task-progress';

/** OSM input encodings. */
export type OsmFormat = 'osm' | 'osm.gz' | 'pbf';

export interface BuildWalkingGraphOptions {
  /** Components with fewer nodes are dropped (issue #3: `--min-component`, default 50). */
  minComponent?: number;
  /** Encoding of `source`; sniffed from its first bytes when absent. */
  format?: OsmFormat;
  /**
   * Called with the share done (0–1, ending with exactly one 1) and the phase: 'read' while the input
   * is scanned (by bytes or characters consumed), 'build' while components and the CSR are made.
   * About a hundred calls per build, never one per element.
   */
  onProgress?: ProgressCallback;
}

/** Issue #3: connected components smaller than this many nodes are dropped by default. */
export const DEFAULT_MIN_COMPONENT = 50;

/**
 * Text is scanned in slices of this many bytes, so no single huge string is ever built. 64 KiB
 * scans roads.osm (3.7 MB, mostly two-byte text) in ≈ 46 ms against ≈ 79 ms with 1 MiB slices and
 * ≈ 105 ms with 256 KiB (tsx, median of 20 interleaved runs); 16–64 KiB are within noise.
 */
const CHUNK_BYTES = 1 << 16;

/**
 * With a progress callback a slice is at most about 1 % of the input (files under 6.4 MB are cut
 * finer than CHUNK_BYTES; the scanner takes any cut), but never under 16 KiB, which scans in about
 * the same time per byte (see CHUNK_BYTES).
 */
const MIN_PROGRESS_CHUNK = 1 << 14;

/**
 * Share of the task given to reading the input; building (sort, components, CSR) takes the rest.
 * Measured on roads.osm (3.7 MB, warm): scanning ≈ 80–90 % of the time, assembling ≈ 10–20 %.
 */
const READ_SHARE = 0.85;

function chunkLength(length: number, withProgress: boolean): number {
  if (!withProgress) return CHUNK_BYTES;
  return Math.min(CHUNK_BYTES, Math.max(MIN_PROGRESS_CHUNK, Math.ceil(length / 100)));
}

/**
 * Recognises OSM XML (optionally with a BOM or leading blanks), gzip and OSM PBF from the first bytes.
 * @param bytes start of the file
 * @returns the format
 * @example sniffOsmFormat(new TextEncoder().encode('<?xml version="1.0"?><osm/>')) // 'osm'
 */
export function sniffOsmFormat(bytes: Uint8Array): OsmFormat {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'osm.gz';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] === 0x3c) return 'osm';
  // PBF: 4-byte length, then BlobHeader field 1 (0x0a), its length 9 and "OSMHeader".
  const header = 'OSMHeader';
  if (bytes.length > 15 && bytes[4] === 0x0a && bytes[5] === header.length) {
    let match = true;
    for (let k = 0; k < header.length; k++) if (bytes[6 + k] !== header.charCodeAt(k)) match = false;
    if (match) return 'pbf';
  }
  if (isSerializedGraph(bytes)) {
    throw new OsmReadError('this is a built walking-graph file, not OSM: load it with deserializeGraph');
  }
  throw new OsmReadError(
    'not an OpenStreetMap file: expected OSM XML (.osm), gzipped XML (.osm.gz) or PBF (.osm.pbf)',
  );
}

/** Feeds `length` units of input to `push` in slices, reporting the share read after each. */
function inSlices(length: number, progress: TaskProgress | null, push: (start: number, end: number) => void) {
  const step = chunkLength(length, progress !== null);
  for (let start = 0; start < length; start += step) {
    const end = Math.min(length, start + step);
    push(start, end);
    progress?.report('read', 0, READ_SHARE, end, length);
  }
}

function scanXmlBytes(bytes: Uint8Array, scanner: OsmXmlScanner, progress: TaskProgress | null): void {
  const decoder = new TextDecoder('utf-8');
  inSlices(bytes.length, progress, (start, end) =>
    scanner.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length })),
  );
}

function scanGzipBytes(bytes: Uint8Array, scanner: OsmXmlScanner, progress: TaskProgress | null): void {
  // A gzip member is at least a 10-byte header and an 8-byte trailer (RFC 1952).
  if (bytes.length < 18)
    throw new OsmReadError('gzip: the compressed data is truncated (shorter than a gzip header)');
  const decoder = new TextDecoder('utf-8');
  // Bytes produced by the current (last) gzip member, to check against its trailer.
  let produced = 0;
  const gunzip = new Gunzip((chunk, final) => {
    produced += chunk.length;
    scanner.push(decoder.decode(chunk, { stream: !final }));
  });
  gunzip.onmember = () => {
    produced = 0;
  };
  try {
    // Progress counts compressed bytes consumed: the uncompressed size is unknown until the end.
    inSlices(bytes.length, progress, (start, end) =>
      gunzip.push(bytes.subarray(start, end), end === bytes.length),
    );
  } catch (error) {
    if (error instanceof OsmReadError) throw error;
    throw new OsmReadError(`gzip: the compressed data is damaged (${(error as Error).message})`);
  }
  // The last trailer's ISIZE is its member's uncompressed length mod 2³²; fflate does not check it,
  // so a file cut inside the trailer would otherwise pass unnoticed.
  const n = bytes.length;
  const isize =
    ((bytes[n - 4] as number) |
      ((bytes[n - 3] as number) << 8) |
      ((bytes[n - 2] as number) << 16) |
      ((bytes[n - 1] as number) << 24)) >>>
    0;
  if (isize !== produced % 2 ** 32) {
    throw new OsmReadError(
      'gzip: the compressed data is truncated or damaged (length in the trailer does not match)',
    );
  }
}

/**
 * Builds the walking graph of issue #3 from OpenStreetMap data: every way with a `highway` tag
 * except motorway, motorway_link, construction and proposed, and except foot=no or access=no
 * (unless foot=yes); oneway ignored; consecutive node pairs become undirected edges with haversine
 * lengths; self-loops and repeated pairs dropped; components under `minComponent` nodes dropped and
 * reported; nodes indexed in ascending OSM id order. Refs to nodes missing from the file skip their
 * edges and are counted in the report.
 * @param source OSM XML text, or the bytes of an `.osm`, `.osm.gz` or `.osm.pbf` file
 * @param options `minComponent` (default 50), `format` (default: sniffed), `onProgress`
 * @returns the CSR graph and the build report
 * @throws OsmReadError when the input is not OSM or is malformed (the message says where)
 * @example const { graph, report } = await buildWalkingGraph(readFileSync('roads.osm'));
 */
export async function buildWalkingGraph(
  source: Uint8Array | string,
  options: BuildWalkingGraphOptions = {},
): Promise<{ graph: WalkingGraph; report: OsmBuildReport }> {
  const minComponent = options.minComponent ?? DEFAULT_MIN_COMPONENT;
  if (!Number.isFinite(minComponent) || minComponent < 0) {
    throw new RangeError(`minComponent must be a non-negative number of nodes, got ${minComponent}`);
  }
  const collector = new OsmCollector();
  const progress = options.onProgress ? taskProgress(options.onProgress) : null;
  if (typeof source === 'string') {
    if (options.format !== undefined && options.format !== 'osm') {
      throw new OsmReadError(`format "${options.format}" needs bytes, but text was given`);
    }
    const scanner = new OsmXmlScanner(collector);
    inSlices(source.length, progress, (start, end) => scanner.push(source.slice(start, end)));
    scanner.end();
  } else {
    const format = options.format ?? sniffOsmFormat(source);
    if (format === 'pbf') {
      const onBlob = progress
        ? (end: number) => progress.report('read', 0, READ_SHARE, end, source.length)
        : undefined;
      readOsmPbf(source, collector, onBlob);
    } else {
      const scanner = new OsmXmlScanner(collector);
      if (format === 'osm.gz') scanGzipBytes(source, scanner, progress);
      else scanXmlBytes(source, scanner, progress);
      scanner.end();
    }
  }
  const built = assembleWalkingGraph(
    collector,
    minComponent,
    progress ? (done, total) => progress.report('build', READ_SHARE, 1, done, total) : undefined,
  );
  progress?.finish('build');
  return built;
}
