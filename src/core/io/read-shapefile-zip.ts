import { parseDbf, parseShp } from 'shpjs';
import { prjToCrs } from '../crs/prj-to-crs';
import { checkDbfSize } from './check-dbf-size';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { SourceTable, TextEncodingName } from './import-types';
import { tableFromFeatures } from './table-from-features';
import { unzipLayer, type ZipLayer } from './unzip-layer';

/** The largest .shp or .dbf inflated from a zip (512 MiB): a zip bomb is refused by its declared size. */
export const MAX_SHAPEFILE_PART_BYTES = 512 * 2 ** 20;

/**
 * The encoding of the .dbf text: from the .cpg when there is one (ArcGIS writes `GBK`, `936`,
 * `ANSI 936` or `UTF-8`), else detected like decodeText: the records are tried as strict UTF-8 and read
 * as GB18030 (a superset of GBK) when that fails.
 */
function dbfEncoding(
  dbf: Uint8Array,
  cpg: string | null,
): { label: string; encoding: TextEncodingName | null } {
  if (cpg !== null && cpg.trim() !== '') {
    const text = cpg.trim();
    if (/utf-?8|65001/i.test(text)) return { label: 'utf-8', encoding: 'utf-8' };
    if (/gbk|gb2312|gb18030|936/i.test(text)) return { label: 'gb18030', encoding: 'gb18030' };
    return { label: text, encoding: null };
  }
  // dBase III: bytes 8–9 hold the header length; 32-byte field descriptors start at byte 32, each with
  // its name in the first 11 bytes (NUL-padded); the records follow the header. Names and records are
  // the text; the other header bytes are binary and would fail a UTF-8 test by chance.
  const headerLength = dbf.length >= 10 ? (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8) : 0;
  const names: number[] = [];
  for (let at = 32; at + 32 <= headerLength; at += 32) {
    for (const byte of dbf.subarray(at, at + 11)) if (byte !== 0) names.push(byte);
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    strict.decode(new Uint8Array(names));
    strict.decode(dbf.subarray(headerLength));
    return { label: 'utf-8', encoding: 'utf-8' };
  } catch {
    return { label: 'gb18030', encoding: 'gb18030' };
  }
}

function fatal(ctx: MessageContext, code: string, en: string, zh: string): SourceTable {
  const table = tableFromFeatures([], ctx, null, null);
  table.fatal = rowError(ctx, 0, null, code, en, zh);
  return table;
}

/**
 * Read a zipped shapefile (.shp with .dbf, .prj, .cpg) into rows: geometries through shpjs's parseShp
 * without reprojection (the CRS comes from the .prj via prjToCrs and is applied by the importer, with
 * its checks), attributes through shpjs's parseDbf in the .cpg's encoding (GBK detected when absent).
 * Only the chosen layer's parts are inflated, each within `maxPartBytes`; a .dbf header is checked
 * against its bytes before reading; a .dbf record without a shape is a row error, never dropped.
 * @param bytes the .zip file
 * @param ctx file name and format, for messages
 * @param maxPartBytes the largest part inflated (default MAX_SHAPEFILE_PART_BYTES)
 * @returns the rows, with the .prj's CRS as declaredCrs (or its name in unknownCrs)
 * @example readShapefileZip(zipBytes, { file: 'estates.zip', format: 'shapefile' }).declaredCrs // 'EPSG:4548'
 */
export function readShapefileZip(
  bytes: Uint8Array,
  ctx: MessageContext,
  maxPartBytes = MAX_SHAPEFILE_PART_BYTES,
): SourceTable {
  let layer: ZipLayer;
  try {
    layer = unzipLayer(bytes, maxPartBytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fatal(
      ctx,
      'bad-zip',
      `not a readable .zip file (${reason})`,
      `不是可读取的 .zip 文件（${reason}）`,
    );
  }
  const { names, shpNames, parts, tooLarge } = layer;
  const shpName = shpNames[0];
  const big = tooLarge[0];
  if (big) {
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    return fatal(
      ctx,
      'zip-entry-too-large',
      `${big.name} would inflate to ${mb(big.size)}, more than the ${mb(maxPartBytes)} allowed`,
      `${big.name} 解压后为 ${mb(big.size)}，超过允许的 ${mb(maxPartBytes)}`,
    );
  }
  const shp = parts.shp;
  if (!shpName || !shp) {
    const en = `the zip holds no .shp file (found: ${names.join(', ') || 'nothing'})`;
    return fatal(ctx, 'no-shapefile', en, `压缩包中没有 .shp 文件（包含：${names.join('、') || '无'}）`);
  }
  const dbf = parts.dbf ?? null;
  const dbfName = `${shpName.slice(0, -4)}.dbf`;
  const dbfProblem = dbf ? checkDbfSize(dbf) : null;
  if (dbfProblem) {
    return fatal(ctx, 'bad-dbf', `${dbfName} ${dbfProblem.en}`, `${dbfName} ${dbfProblem.zh}`);
  }
  const utf8 = new TextDecoder('utf-8');
  const prj = parts.prj ? prjToCrs(utf8.decode(parts.prj)) : null;
  const { label, encoding } = dbf
    ? dbfEncoding(dbf, parts.cpg ? utf8.decode(parts.cpg) : null)
    : { label: 'utf-8', encoding: null };

  let geometries: unknown[];
  let attributes: Record<string, unknown>[];
  try {
    geometries = parseShp(shp);
    attributes = dbf ? parseDbf(dbf, label) : [];
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fatal(
      ctx,
      'bad-shapefile',
      `${shpName} could not be read (${reason})`,
      `${shpName} 无法读取（${reason}）`,
    );
  }
  const features = geometries.map((geometry, i) => ({
    type: 'Feature',
    geometry,
    properties: attributes[i] ?? {},
  }));
  const table = tableFromFeatures(features, ctx, encoding, prj?.crs ?? null);
  table.unknownCrs = prj && prj.crs === null ? prj.name : null;
  // .dbf records beyond the last shape: each is a row of its own, listed, not dropped.
  for (let row = geometries.length + 1; row <= attributes.length; row++) {
    table.rowErrors.push(
      rowError(
        ctx,
        row,
        null,
        'missing-shape',
        `${dbfName} has this record but ${shpName} has only ${geometries.length} shapes`,
        `${dbfName} 有此记录，但 ${shpName} 只有 ${geometries.length} 个图形`,
      ),
    );
  }
  table.rowCount = Math.max(geometries.length, attributes.length);
  if (dbf && attributes.length < geometries.length) {
    const rows = Array.from(
      { length: geometries.length - attributes.length },
      (_, i) => attributes.length + i + 1,
    );
    table.warnings.push(
      warning(
        ctx,
        rows,
        'missing-attributes',
        `${shpName} has ${geometries.length} shapes but ${dbfName} only ${attributes.length} records: these shapes have no attributes`,
        `${shpName} 有 ${geometries.length} 个图形，但 ${dbfName} 只有 ${attributes.length} 条记录：这些图形没有属性`,
      ),
    );
  }
  if (shpNames.length > 1) {
    table.warnings.push(
      warning(
        ctx,
        [],
        'several-layers',
        `the zip holds ${shpNames.length} shapefiles; only ${shpName} was read`,
        `压缩包含 ${shpNames.length} 个图层，只读取了 ${shpName}`,
      ),
    );
  }
  if (!dbf)
    table.warnings.push(
      warning(
        ctx,
        [],
        'no-dbf',
        `${shpName} has no .dbf: features have no attributes`,
        `${shpName} 缺少 .dbf：要素没有属性`,
      ),
    );
  return table;
}
