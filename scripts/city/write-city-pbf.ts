/**
 * Writes the city's streets as an OpenStreetMap PBF file (OSMHeader + OSMData blobs, DenseNodes,
 * zlib), the format `lifecircle coverage --network` and the planner's street import read.
 */
import { zlibSync } from 'fflate';
import { PbfWriter } from 'pbf';
import { HIGHWAY_CLASSES, type CityStreets } from './city-streets';

/** Entities per OSMData block (the format recommends at most 8,000). */
const NODES_PER_BLOCK = 8000;
const WAYS_PER_BLOCK = 2000;

function blob(type: string, payload: Uint8Array): Uint8Array {
  const body = new PbfWriter();
  body.writeVarintField(2, payload.length);
  body.writeBytesField(3, zlibSync(payload, { level: 4 }));
  const blobBytes = body.finish();
  const header = new PbfWriter();
  header.writeStringField(1, type);
  header.writeVarintField(3, blobBytes.length);
  const headerBytes = header.finish();
  const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  out.set(blobBytes, 4 + headerBytes.length);
  return out;
}

/** A PrimitiveBlock with the given string table and one PrimitiveGroup (granularity 100, no offsets). */
function block(strings: string[], group: (w: PbfWriter) => void): Uint8Array {
  const pbf = new PbfWriter();
  const encoder = new TextEncoder();
  pbf.writeMessage(
    1,
    (list: string[], w) => list.forEach((s) => w.writeBytesField(1, encoder.encode(s))),
    strings,
  );
  pbf.writeMessage(2, (_: null, w) => group(w), null);
  return pbf.finish();
}

/** Packed sint64 field of the deltas of values[from..to). */
function packedDeltas(w: PbfWriter, tag: number, count: number, value: (k: number) => number): void {
  w.writeMessage(
    tag,
    (_: null, m) => {
      let previous = 0;
      for (let k = 0; k < count; k++) {
        const v = value(k);
        m.writeSVarint(v - previous);
        previous = v;
      }
    },
    null,
  );
}

/**
 * Encodes the streets.
 * @param streets the city's nodes and ways
 * @param units node positions in units of 100 nanodegrees, [lon0, lat0, …] (OSM id = index + 1)
 * @param note written as the header's writing program
 * @returns the file bytes
 * @example writeFileSync('city.osm.pbf', writeCityPbf(streets, units, 'seed 1'))
 */
export function writeCityPbf(streets: CityStreets, units: Int32Array, note: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  header.writeStringField(4, 'DenseNodes');
  header.writeStringField(16, note);
  parts.push(blob('OSMHeader', header.finish()));
  const n = streets.nodeCount;
  for (let start = 0; start < n; start += NODES_PER_BLOCK) {
    const count = Math.min(NODES_PER_BLOCK, n - start);
    const data = block([''], (w) =>
      w.writeMessage(
        2,
        (_: null, dense) => {
          packedDeltas(dense, 1, count, (k) => start + k + 1);
          packedDeltas(dense, 8, count, (k) => units[2 * (start + k) + 1]!);
          packedDeltas(dense, 9, count, (k) => units[2 * (start + k)]!);
        },
        null,
      ),
    );
    parts.push(blob('OSMData', data));
  }
  const strings = ['', 'highway', ...HIGHWAY_CLASSES];
  for (let start = 0; start < streets.wayCount; start += WAYS_PER_BLOCK) {
    const end = Math.min(streets.wayCount, start + WAYS_PER_BLOCK);
    const data = block(strings, (w) => {
      for (let way = start; way < end; way++) {
        const from = way === 0 ? 0 : streets.wayEnds[way - 1]!;
        const to = streets.wayEnds[way]!;
        w.writeMessage(
          3,
          (_: null, m) => {
            m.writeVarintField(1, way + 1);
            m.writeMessage(2, (key: number, k) => k.writeVarint(key), 1);
            m.writeMessage(3, (value: number, v) => v.writeVarint(value), 2 + streets.wayClass[way]!);
            packedDeltas(m, 8, to - from, (k) => streets.refs[from + k]! + 1);
          },
          null,
        );
      }
    });
    parts.push(blob('OSMData', data));
  }
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
