/**
 * A minimal shapefile writer for tests, written from the ESRI Shapefile Technical Description (1998):
 * 100-byte header (file code 9994 and lengths big-endian, the rest little-endian), records with a
 * big-endian header; plus a dBase III .dbf (32-byte header, 32-byte field descriptors, 0x0D, records
 * with a deletion flag, 0x1A). Text cells are given as bytes, so tests choose the encoding.
 */
import { zipSync } from 'fflate';

export type Shape =
  { type: 'point'; x: number; y: number } | { type: 'polygon'; rings: [number, number][][] } | null;

export interface DbfField {
  /** Field name bytes (≤ 10). */
  name: Uint8Array;
  type: 'C' | 'N';
  length: number;
}

function shapeContent(shape: Shape): Uint8Array {
  if (shape === null) return new Uint8Array(4); // shape type 0: null shape
  if (shape.type === 'point') {
    const view = new DataView(new ArrayBuffer(20));
    view.setInt32(0, 1, true);
    view.setFloat64(4, shape.x, true);
    view.setFloat64(12, shape.y, true);
    return new Uint8Array(view.buffer);
  }
  const points = shape.rings.flat();
  const view = new DataView(new ArrayBuffer(44 + 4 * shape.rings.length + 16 * points.length));
  view.setInt32(0, 5, true);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) =>
    view.setFloat64(4 + 8 * i, v, true),
  );
  view.setInt32(36, shape.rings.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  shape.rings.forEach((ring, i) => {
    view.setInt32(44 + 4 * i, start, true);
    start += ring.length;
  });
  const base = 44 + 4 * shape.rings.length;
  points.forEach(([x, y], i) => {
    view.setFloat64(base + 16 * i, x, true);
    view.setFloat64(base + 16 * i + 8, y, true);
  });
  return new Uint8Array(view.buffer);
}

export function writeShp(shapes: Shape[], shapeType: 1 | 5): Uint8Array {
  const contents = shapes.map(shapeContent);
  const length = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  let offset = 100;
  contents.forEach((content, i) => {
    view.setInt32(offset, i + 1, false);
    view.setInt32(offset + 4, content.length / 2, false);
    out.set(content, offset + 8);
    offset += 8 + content.length;
  });
  return out;
}

export function writeDbf(fields: DbfField[], records: Uint8Array[][]): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([125, 1, 1], 1); // last update 2025-01-01 (years since 1900)
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(f.name.subarray(0, 10), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = f.length;
  });
  out[headerLength - 1] = 0x0d;
  records.forEach((cells, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    fields.forEach((f, i) => {
      const cell = (cells[i] ?? new Uint8Array()).subarray(0, f.length);
      out.fill(0x20, at, at + f.length);
      // Numbers are right-aligned, text left-aligned (dBase convention).
      out.set(cell, f.type === 'N' ? at + f.length - cell.length : at);
      at += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Zip a shapefile's parts under one base name. */
export function zipShapefile(base: string, parts: Record<string, Uint8Array | string>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [ext, data] of Object.entries(parts))
    files[`${base}.${ext}`] = typeof data === 'string' ? ascii(data) : data;
  return zipSync(files);
}
