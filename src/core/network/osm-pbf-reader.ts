import { unzlibSync } from 'fflate';
import { PbfReader } from 'pbf';
import type { OsmCollector } from './osm-collector';
import { OsmReadError } from './osm-read-error';

/** Features this reader understands (OSM PBF format, OSMHeader.required_features). */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);
const textDecoder = new TextDecoder();

interface Block {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: PbfReader[];
}

/** Decompressed content of a Blob message (fields: 1 raw, 2 raw_size, 3 zlib_data, 4 lzma, 7 zstd). */
function blobData(bytes: Uint8Array, where: string): Uint8Array {
  const pbf = new PbfReader(bytes);
  let data: Uint8Array | null = null;
  let compression = '';
  while (pbf.pos < pbf.length) {
    const tag = pbf.nextField();
    if (tag === 1) data = pbf.readBytes();
    else if (tag === 3) data = unzlibSync(pbf.readBytes());
    else if (tag === 4 || tag === 5 || tag === 6 || tag === 7) {
      compression = ['', '', '', '', 'lzma', 'bzip2', 'lz4', 'zstd'][tag] ?? '?';
      pbf.skip(pbf.type);
    } else pbf.skip(pbf.type);
  }
  if (data !== null) return data;
  throw new OsmReadError(
    compression
      ? `OSM PBF: ${where} is ${compression}-compressed; only raw and zlib blobs are supported`
      : `OSM PBF: ${where} has no data`,
  );
}

function checkHeader(bytes: Uint8Array): void {
  const pbf = new PbfReader(bytes);
  while (pbf.pos < pbf.length) {
    if (pbf.nextField() === 4) {
      const feature = pbf.readString();
      if (!SUPPORTED_FEATURES.has(feature)) {
        throw new OsmReadError(
          `OSM PBF: required feature "${feature}" is not supported (only OsmSchema-V0.6, DenseNodes)`,
        );
      }
    } else pbf.skip(pbf.type);
  }
}

function readBlock(bytes: Uint8Array): Block {
  const block: Block = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] };
  const pbf = new PbfReader(bytes);
  while (pbf.pos < pbf.length) {
    const tag = pbf.nextField();
    if (tag === 1) {
      const end = pbf.readVarint() + pbf.pos;
      while (pbf.pos < end) {
        if (pbf.nextField() === 1) block.strings.push(textDecoder.decode(pbf.readBytes()));
        else pbf.skip(pbf.type);
      }
    } else if (tag === 2) block.groups.push(new PbfReader(pbf.readBytes()));
    else if (tag === 17) block.granularity = pbf.readVarint();
    else if (tag === 19) block.latOffset = pbf.readVarint(true);
    else if (tag === 20) block.lonOffset = pbf.readVarint(true);
    else pbf.skip(pbf.type);
  }
  return block;
}

/** Position in degrees; dividing by 1e9 (not multiplying by 1e-9) gives the same double as the XML text. */
function degrees(offset: number, granularity: number, value: number): number {
  return (offset + granularity * value) / 1e9;
}

function readDense(pbf: PbfReader, block: Block, sink: OsmCollector): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const end = pbf.readVarint() + pbf.pos;
  while (pbf.pos < end) {
    const tag = pbf.nextField();
    if (tag === 1) pbf.readPackedSVarint(ids);
    else if (tag === 8) pbf.readPackedSVarint(lats);
    else if (tag === 9) pbf.readPackedSVarint(lons);
    else pbf.skip(pbf.type);
  }
  if (lats.length !== ids.length || lons.length !== ids.length) {
    throw new OsmReadError(
      `OSM PBF: DenseNodes with ${ids.length} ids but ${lats.length} lats and ${lons.length} lons`,
    );
  }
  let id = 0;
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i] as number;
    lat += lats[i] as number;
    lon += lons[i] as number;
    sink.addNode(
      id,
      degrees(block.lonOffset, block.granularity, lon),
      degrees(block.latOffset, block.granularity, lat),
    );
  }
}

function readNode(pbf: PbfReader, block: Block, sink: OsmCollector): void {
  let id = 0;
  let lat = NaN;
  let lon = NaN;
  const end = pbf.readVarint() + pbf.pos;
  while (pbf.pos < end) {
    const tag = pbf.nextField();
    if (tag === 1) id = pbf.readSVarint();
    else if (tag === 8) lat = pbf.readSVarint();
    else if (tag === 9) lon = pbf.readSVarint();
    else pbf.skip(pbf.type);
  }
  if (Number.isNaN(lat) || Number.isNaN(lon)) throw new OsmReadError(`OSM PBF: node ${id} has no lat/lon`);
  sink.addNode(
    id,
    degrees(block.lonOffset, block.granularity, lon),
    degrees(block.latOffset, block.granularity, lat),
  );
}

function readWay(pbf: PbfReader, block: Block, sink: OsmCollector): void {
  const keys: number[] = [];
  const vals: number[] = [];
  let ref = 0;
  const end = pbf.readVarint() + pbf.pos;
  sink.beginWay();
  while (pbf.pos < end) {
    const tag = pbf.nextField();
    if (tag === 2) pbf.readPackedVarint(keys);
    else if (tag === 3) pbf.readPackedVarint(vals);
    else if (tag === 8) {
      // Delta-coded refs, packed (wire type 2) as every writer does, or one per field.
      const refsEnd = pbf.type === 2 ? pbf.readVarint() + pbf.pos : -1;
      do {
        ref += pbf.readSVarint();
        sink.addRef(ref);
      } while (pbf.pos < refsEnd);
    } else pbf.skip(pbf.type);
  }
  let highway: string | null = null;
  let foot: string | null = null;
  let access: string | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = block.strings[keys[i] as number];
    const value = block.strings[vals[i] as number] ?? null;
    if (key === 'highway') highway = value;
    else if (key === 'foot') foot = value;
    else if (key === 'access') access = value;
  }
  sink.endWay(highway, foot, access);
}

/**
 * Reads an OpenStreetMap PBF file (OSMHeader / OSMData blobs, raw or zlib, plain and dense nodes,
 * ways; relations skipped) into the collector, one blob at a time.
 * @param bytes the whole `.osm.pbf` file
 * @param sink receives nodes and walkable ways
 * @param onBlob called after each blob with the bytes read so far (a blob holds thousands of
 * entities, so this is a bounded number of calls)
 * @throws OsmReadError naming the blob when the bytes are damaged
 * @example readOsmPbf(bytes, new OsmCollector())
 */
export function readOsmPbf(
  bytes: Uint8Array,
  sink: OsmCollector,
  onBlob?: (bytesRead: number) => void,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let blobIndex = 0;
  let where = 'blob 0 at byte 0';
  try {
    while (pos < bytes.length) {
      where = `blob ${blobIndex} at byte ${pos}`;
      if (pos + 4 > bytes.length) throw new OsmReadError(`OSM PBF: ${where}: truncated length prefix`);
      const headerLength = view.getUint32(pos);
      pos += 4;
      if (pos + headerLength > bytes.length)
        throw new OsmReadError(`OSM PBF: ${where}: truncated BlobHeader`);
      const header = new PbfReader(bytes.subarray(pos, pos + headerLength));
      let type = '';
      let dataSize = -1;
      while (header.pos < header.length) {
        const tag = header.nextField();
        if (tag === 1) type = header.readString();
        else if (tag === 3) dataSize = header.readVarint();
        else header.skip(header.type);
      }
      pos += headerLength;
      if (dataSize < 0 || pos + dataSize > bytes.length)
        throw new OsmReadError(`OSM PBF: ${where}: truncated Blob`);
      const data = blobData(bytes.subarray(pos, pos + dataSize), where);
      pos += dataSize;
      if (type === 'OSMHeader') checkHeader(data);
      else if (type === 'OSMData') {
        const block = readBlock(data);
        for (const group of block.groups) {
          while (group.pos < group.length) {
            const tag = group.nextField();
            if (tag === 1) readNode(group, block, sink);
            else if (tag === 2) readDense(group, block, sink);
            else if (tag === 3) readWay(group, block, sink);
            else group.skip(group.type);
          }
        }
      } else if (blobIndex === 0) {
        throw new OsmReadError(`OSM PBF: first blob has type "${type}", expected OSMHeader`);
      }
      blobIndex++;
      onBlob?.(pos);
    }
  } catch (error) {
    if (error instanceof OsmReadError) throw error;
    // The pbf and fflate libraries throw plain errors on damaged bytes: still the user's file.
    const reason = error instanceof Error ? error.message : String(error);
    throw new OsmReadError(`OSM PBF: ${where}: the file is damaged (${reason})`);
  }
}
