/**
 * Layout of the binary walking-graph file (`lifecircle build-network -o <file>`), little-endian:
 *
 * | bytes | content |
 * |---|---|
 * | 0–7 | magic `LCWGRAPH` |
 * | 8–11 | format version (u32, currently 1) |
 * | 12–15 | byte-order mark 0x01020304 (u32) |
 * | 16–19 | nodeCount n (u32) |
 * | 20–23 | half-edge count m (u32) |
 * | 24–27 | build report JSON length in bytes (u32, 0 = none) |
 * | 28–31 | reserved, 0 |
 * | 32… | coords f64[2n], osmIds f64[n], offsets u32[n+1], targets u32[m], lengths f32[m], report JSON |
 *
 * Every section starts on an 8-byte boundary, so a file read into an aligned buffer is viewed in
 * place (zero copy).
 */
export const GRAPH_MAGIC = 'LCWGRAPH';
export const GRAPH_VERSION = 1;
export const GRAPH_BYTE_ORDER_MARK = 0x01020304;
export const GRAPH_HEADER_BYTES = 32;

const align8 = (value: number): number => Math.ceil(value / 8) * 8;

/** Byte offsets of the sections for a graph of n nodes and m half-edges. */
export function graphSections(n: number, m: number, reportBytes: number) {
  const coords = GRAPH_HEADER_BYTES;
  const osmIds = coords + 16 * n;
  const offsets = osmIds + 8 * n;
  const targets = align8(offsets + 4 * (n + 1));
  const lengths = align8(targets + 4 * m);
  const report = align8(lengths + 4 * m);
  return { coords, osmIds, offsets, targets, lengths, report, total: report + reportBytes };
}

/**
 * Whether the bytes start like a walking-graph file (magic only; deserializeGraph checks the rest).
 * @param bytes file content
 * @returns true when the first 8 bytes are `LCWGRAPH`
 * @example isSerializedGraph(await readFile('shanghai.lcwg')) // true
 */
export function isSerializedGraph(bytes: Uint8Array): boolean {
  if (bytes.length < GRAPH_MAGIC.length) return false;
  for (let i = 0; i < GRAPH_MAGIC.length; i++) if (bytes[i] !== GRAPH_MAGIC.charCodeAt(i)) return false;
  return true;
}
