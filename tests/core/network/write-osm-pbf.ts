import { zlibSync } from 'fflate';
import { PbfWriter } from 'pbf';
import type { SimpleOsm } from './simple-osm';

/**
 * Test-only OSM PBF writer (written from the format spec, OSMHeader + OSMData blobs) so the reader
 * can be checked on a file whose content is known: nodes go either as DenseNodes or as plain Node
 * messages, blobs either zlib-compressed or raw, granularity 100 (the default).
 */
export interface PbfWriteOptions {
  dense: boolean;
  compress: boolean;
  /** Nodes per OSMData block, to exercise several blocks. */
  blockSize: number;
}

function blob(type: string, payload: Uint8Array, compress: boolean): Uint8Array {
  const body = new PbfWriter();
  if (compress) {
    body.writeVarintField(2, payload.length);
    body.writeBytesField(3, zlibSync(payload));
  } else body.writeBytesField(1, payload);
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

/** Degrees in units of 100 nanodegrees (granularity 100). */
const units = (degrees: number): number => Math.round(degrees * 1e7);
const deltas = (values: number[]): number[] =>
  values.map((v, i) => v - (i > 0 ? (values[i - 1] as number) : 0));

function block(strings: string[], group: (w: PbfWriter) => void): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(
    1,
    (list: string[], w) => list.forEach((s) => w.writeBytesField(1, new TextEncoder().encode(s))),
    strings,
  );
  pbf.writeMessage(2, (_: null, w) => group(w), null);
  return pbf.finish();
}

export function writeOsmPbf(osm: SimpleOsm, options: PbfWriteOptions): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  header.writeStringField(4, 'DenseNodes');
  header.writeStringField(16, 'lifecircle-test');
  parts.push(blob('OSMHeader', header.finish(), options.compress));

  const nodes = [...osm.nodes.entries()];
  for (let start = 0; start < nodes.length; start += options.blockSize) {
    const slice = nodes.slice(start, start + options.blockSize);
    const data = block([''], (w) => {
      if (options.dense) {
        w.writeMessage(
          2,
          (_: null, d) => {
            d.writePackedSVarint(1, deltas(slice.map(([id]) => id)));
            d.writePackedSVarint(8, deltas(slice.map(([, p]) => units(p.lat))));
            d.writePackedSVarint(9, deltas(slice.map(([, p]) => units(p.lon))));
          },
          null,
        );
      } else {
        for (const [id, p] of slice) {
          w.writeMessage(
            1,
            (_: null, n) => {
              n.writeSVarintField(1, id);
              n.writeSVarintField(8, units(p.lat));
              n.writeSVarintField(9, units(p.lon));
            },
            null,
          );
        }
      }
    });
    parts.push(blob('OSMData', data, options.compress));
  }

  const strings = [''];
  const code = (s: string): number => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  const ways = osm.ways.map((way) => ({
    id: way.id,
    refs: way.refs,
    keys: Object.keys(way.tags).map(code),
    vals: Object.values(way.tags).map(code),
  }));
  const data = block(strings, (w) => {
    for (const way of ways) {
      w.writeMessage(
        3,
        (_: null, m) => {
          m.writeVarintField(1, way.id);
          m.writePackedVarint(2, way.keys);
          m.writePackedVarint(3, way.vals);
          m.writePackedSVarint(8, deltas(way.refs));
        },
        null,
      );
    }
  });
  parts.push(blob('OSMData', data, options.compress));

  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
