import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importShapefileZip } from '../../../src/core/io';
import { readShapefileZip } from '../../../src/core/io/read-shapefile-zip';
import { errorRows } from './fixtures';
import { ascii, writeDbf, writeShp, type DbfField } from './shapefile-writer';

// Hostile and broken shapefile zips from issue #13, built here with fflate.
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const fields: DbfField[] = [
  { name: ascii('NAME'), type: 'C', length: 12 },
  { name: ascii('HOUSEHOLDS'), type: 'N', length: 8 },
];
const threeRecords = [
  [ascii('A'), ascii('100')],
  [ascii('B'), ascii('200')],
  [ascii('C'), ascii('300')],
];
const threePoints = writeShp(
  [
    { type: 'point', x: 117.3, y: 31.84 },
    { type: 'point', x: 117.25, y: 31.85 },
    { type: 'point', x: 117.2, y: 31.86 },
  ],
  1,
);

/** Offsets of each central-directory entry (signature PK\1\2) by file name. */
function centralEntries(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, number>();
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    out.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), at);
  }
  return out;
}

/** Make the central directory declare `size` inflated bytes for an entry (a zip bomb's lie). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const at = centralEntries(copy).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  new DataView(copy.buffer).setUint32(at + 24, size, true);
  return copy;
}

/** Overwrite an entry's compressed bytes with 0xFF: inflating it fails ("invalid block type"). */
function corruptData(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const at = centralEntries(copy).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  const compressed = view.getUint32(at + 20, true);
  const local = view.getUint32(at + 42, true);
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  copy.fill(0xff, dataStart, dataStart + compressed);
  return copy;
}

const ctx = { file: 'estates.zip', format: 'shapefile' as const };

describe('shapefile zip bounds (#13)', () => {
  it('a .dbf whose header claims 2³¹ records is a located error, at once', () => {
    const dbf = writeDbf(fields, threeRecords);
    new DataView(dbf.buffer).setUint32(4, 2 ** 31, true);
    const zip = zipSync({
      'estates.shp': threePoints,
      'estates.dbf': dbf,
      'estates.prj': strToU8(WGS84_PRJ),
    });
    expect(zip.length).toBeLessThan(1024);
    const started = performance.now();
    const result = importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' });
    expect(performance.now() - started).toBeLessThan(5000); // it hung before: a guard, not a benchmark
    expect(result.fatal).toBe(true);
    expect(result.estates).toEqual([]);
    const [error] = result.errors;
    expect(error).toMatchObject({ code: 'bad-dbf', row: 0, file: 'estates.zip' });
    expect(error?.message).toContain('estates.dbf');
    expect(error?.message).toContain('2147483648 records');
    expect(error?.messageZh).toContain('estates.dbf');
  });

  it('a .dbf whose record length is 0 with records claimed is refused', () => {
    const dbf = writeDbf(fields, threeRecords);
    new DataView(dbf.buffer).setUint16(10, 0, true);
    new DataView(dbf.buffer).setUint32(4, 2 ** 31, true);
    const zip = zipSync({ 'estates.shp': threePoints, 'estates.dbf': dbf });
    const result = readShapefileZip(zip, ctx);
    expect(result.fatal?.code).toBe('bad-dbf');
  });

  it('inflates only the layer’s parts: a damaged unused entry does not matter', () => {
    const zip = zipSync({
      'estates.shp': threePoints,
      'estates.dbf': writeDbf(fields, threeRecords),
      'estates.prj': strToU8(WGS84_PRJ),
      'junk/readme.bin': new Uint8Array(200_000),
      'other.shx': new Uint8Array(50_000),
    });
    const damaged = corruptData(declareSize(zip, 'junk/readme.bin', 0xfffffff0), 'junk/readme.bin');
    const result = importShapefileZip(damaged, { fileName: 'estates.zip', target: 'estates' });
    expect(result.fatal).toBe(false);
    expect(result.estates.map((e) => e.households)).toEqual([100, 200, 300]);
  });

  it('refuses a part whose declared inflated size is over the limit, before inflating it', () => {
    const zip = zipSync({ 'estates.shp': threePoints, 'estates.dbf': writeDbf(fields, threeRecords) });
    // A bomb: 3.5 GB declared for the .dbf. Inflating would allocate it; the limit refuses it unread.
    const bomb = declareSize(zip, 'estates.dbf', 3.5 * 2 ** 30);
    const result = readShapefileZip(bomb, ctx);
    expect(result.fatal?.code).toBe('zip-entry-too-large');
    expect(result.fatal?.message).toContain('estates.dbf');
    expect(result.fatal?.message).toContain('3584 MB');
    // And the limit is a parameter: a small one refuses an honest part too.
    expect(readShapefileZip(zip, ctx, 100).fatal?.code).toBe('zip-entry-too-large');
  });

  it('a .shp with fewer shapes than the .dbf has records lists every record without a shape', () => {
    const twoPoints = writeShp(
      [
        { type: 'point', x: 117.3, y: 31.84 },
        { type: 'point', x: 117.25, y: 31.85 },
      ],
      1,
    );
    const records = [...threeRecords, [ascii('D'), ascii('400')], [ascii('E'), ascii('500')]];
    const zip = zipSync({
      'estates.shp': twoPoints,
      'estates.dbf': writeDbf(fields, records),
      'estates.prj': strToU8(WGS84_PRJ),
    });
    const result = importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' });
    expect(result.rowCount).toBe(5);
    expect(result.estates.map((e) => e.name)).toEqual(['A', 'B']);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'missing-shape'],
      [4, 'missing-shape'],
      [5, 'missing-shape'],
    ]);
    expect(result.errors[0]?.message).toContain('estates.shp has only 2 shapes');
    expect(result.estates.length + errorRows(result.errors)).toBe(result.rowCount);
  });

  it('a .shp with more shapes than the .dbf has records warns about the shapes without attributes', () => {
    const zip = zipSync({
      'estates.shp': threePoints,
      'estates.dbf': writeDbf(fields, threeRecords.slice(0, 2)),
      'estates.prj': strToU8(WGS84_PRJ),
    });
    const result = importShapefileZip(zip, { fileName: 'estates.zip', target: 'estates' });
    expect(result.rowCount).toBe(3);
    const warning = result.warnings.find((w) => w.code === 'missing-attributes');
    expect(warning?.rows).toEqual([3]);
    expect(result.estates.length + errorRows(result.errors)).toBe(3);
  });
});
