import type { CrsId } from '../crs/crs-id';
import type { ImportError, ImportWarning } from '../model/diagnostics';
import { PROGRESS_STEP, taskProgress } from '../network/task-progress';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { ImportInput, ImportReport, SourceRecord, SourceTable } from './import-types';
import { qualityWarnings, type QualityItem } from './quality-warnings';
import { readSource } from './read-source';
import { resolveMapping, type ResolvedMapping } from './resolve-mapping';
import { RowReader } from './row-reader';

/**
 * What distinguishes an estate import from a facility import; everything else is shared. D is what the
 * file-wide warnings need of an item (kept for every row when items are read in chunks).
 */
export interface ImportSpec<F extends string, T extends D, D extends QualityItem = QualityItem> {
  aliases: Record<F, string[]>;
  /** Columns without which the file is unusable, with what they hold [en, zh]. */
  requiredColumns: Partial<Record<F, readonly [string, string]>>;
  /** Whether every item needs a location (the file must then have coordinates). */
  needsCoordinates: boolean;
  /** Build one item from the reader's current row; return null after reader.fail(). */
  map(reader: RowReader<F>, properties: () => Record<string, unknown>): T | null;
  /** The part of an item the warnings read, when items are read in chunks (default: the item). */
  digest?(item: T): D;
  /** Warnings specific to the item type, after the shared ones. */
  extraWarnings?(items: readonly D[], ctx: MessageContext): ImportWarning[];
}

/**
 * Share of an import given to reading the file (decoding and parsing, whatever the format); mapping
 * the rows takes the rest. Measured on the Shanghai compounds.csv (3,000 rows, warm): papaparse
 * ≈ 6 ms of ≈ 42 ms in all, about 15 %.
 */
const READ_SHARE = 0.15;

/** The fields every spec has: coordinates are read the same way for estates and facilities. */
type LocatedField = 'lng' | 'lat' | 'coordinates';

function columnProblem<F extends string>(
  spec: Pick<ImportSpec<F, QualityItem>, 'requiredColumns' | 'needsCoordinates'>,
  resolved: ResolvedMapping<F>,
  table: SourceTable,
  ctx: MessageContext,
): ImportError | null {
  const headers = table.headers.length ? table.headers.map((h) => `"${h}"`).join(', ') : '(none)';
  const mapping = resolved.mapping as unknown as Record<LocatedField, string | null>;
  if ((mapping.lng === null) !== (mapping.lat === null)) {
    const [has, lacks] =
      mapping.lng !== null
        ? [`longitude column "${mapping.lng}"`, 'lat']
        : [`latitude column "${mapping.lat}"`, 'lng'];
    const en = `found a ${has} but no ${lacks === 'lat' ? 'latitude' : 'longitude'} column; headers: ${headers}`;
    return rowError(ctx, 0, null, 'missing-column', en, `只找到一个坐标列；现有表头：${headers}`, {
      kind: 'map-field',
      field: lacks,
    });
  }
  for (const [field, what] of Object.entries(spec.requiredColumns) as [F, readonly [string, string]][]) {
    if (resolved.column[field] >= 0) continue;
    const en = `no column for ${what[0]} (${field}); headers: ${headers}`;
    const zh = `没有${what[1]}列（${field}）；现有表头：${headers}`;
    return rowError(ctx, 0, null, 'missing-column', en, zh, { kind: 'map-field', field });
  }
  const hasColumns = mapping.lng !== null || mapping.coordinates !== null;
  if (spec.needsCoordinates && !table.hasGeometry && !hasColumns) {
    const en = `no coordinates: expected geometries or longitude/latitude columns (经度/纬度); headers: ${headers}`;
    return rowError(
      ctx,
      0,
      null,
      'missing-column',
      en,
      `缺少坐标：应有几何或经度/纬度列；现有表头：${headers}`,
    );
  }
  return null;
}

/**
 * In a file with geometries, a property that merely looks like one coordinate (a GeoJSON Point whose
 * properties hold an `x`) is not a half coordinate pair: the geometry gives the location, so the alias
 * mapping is undone and the property kept as it is. An explicit --map of one coordinate still fails.
 */
function dropHalfCoordinatePair<F extends string>(
  resolved: ResolvedMapping<F>,
  fieldMap: Record<string, string> | undefined,
): void {
  const mapping = resolved.mapping as unknown as Record<LocatedField, string | null>;
  const column = resolved.column as unknown as Record<LocatedField, number>;
  if ((mapping.lng === null) === (mapping.lat === null)) return;
  const field: LocatedField = mapping.lng !== null ? 'lng' : 'lat';
  if (fieldMap && Object.hasOwn(fieldMap, field)) return;
  mapping[field] = null;
  column[field] = -1;
}

/** A problem that makes the whole file unusable (unreadable, unknown .prj, a missing column), or null. */
function fileProblem<F extends string>(
  input: ImportInput,
  spec: Pick<ImportSpec<F, QualityItem>, 'requiredColumns' | 'needsCoordinates'>,
  table: SourceTable,
  resolved: ResolvedMapping<F>,
  ctx: MessageContext,
): ImportError | null {
  let fatal = table.fatal ?? resolved.fatal;
  if (!fatal && table.unknownCrs && !input.crs) {
    const en = `the .prj names the coordinate system "${table.unknownCrs}", which cannot be converted exactly`;
    fatal = rowError(ctx, 0, '.prj', 'unknown-prj', en, `.prj 中的坐标系“${table.unknownCrs}”无法准确转换`, {
      kind: 'crs',
      crs: [],
    });
  }
  // A file whose every feature was refused has no headers: its row errors say why, not a missing column.
  if (!fatal && table.rowCount > 0 && (table.records.length > 0 || table.headers.length > 0))
    fatal = columnProblem(spec, resolved, table, ctx);
  return fatal;
}

/** Warnings when the CRS given overrides the one the file declares. */
function crsWarnings(input: ImportInput, table: SourceTable, ctx: MessageContext): ImportWarning[] {
  const out: ImportWarning[] = [];
  if (input.crs && table.unknownCrs) {
    const en = `the file declares "${table.unknownCrs}"; reading it as ${input.crs} as given`;
    out.push(
      warning(
        ctx,
        [],
        'crs-override',
        en,
        `文件声明坐标系为“${table.unknownCrs}”，按指定的 ${input.crs} 读取`,
      ),
    );
  }
  if (input.crs && table.declaredCrs && input.crs !== table.declaredCrs) {
    const en = `the file declares ${table.declaredCrs} but ${input.crs} was given; using ${input.crs}`;
    out.push(
      warning(
        ctx,
        [],
        'crs-override',
        en,
        `文件声明坐标系为 ${table.declaredCrs}，按指定的 ${input.crs} 读取`,
      ),
    );
  }
  return out;
}

/** An import read a chunk of rows at a time (see runImportChunks). */
export interface ChunkedImport<F extends string, T> {
  /**
   * Known before any row is mapped: mapping, headers, encoding, format, CRS, rowCount and, for an
   * unusable file, fatal with its error. `errors` and `warnings` are complete once `chunks` is done.
   */
  report: ImportReport<F>;
  /** The items, in row order, at most chunkRows at a time; consumed once. */
  chunks: Generator<T[], void>;
}

/**
 * The import pipeline shared by estates and facilities: read the file (any format), choose the CRS,
 * map headers to canonical fields, build each row through the spec (bad rows become one ImportError
 * each and never stop the run), then add data-quality warnings. The rows are mapped as `chunks` is
 * consumed, chunkRows at a time, so a caller can evaluate and write each chunk before the next is built;
 * of the items, only what the warnings need (spec.digest) is kept until the end.
 * Invariant: items (over all chunks) + (rows with errors) === report.rowCount.
 * @param input the user's file and options
 * @param spec what to build from each row
 * @param chunkRows rows per chunk (Infinity: one chunk, and the items themselves serve the warnings)
 * @returns the report so far and the chunks
 * @example for (const items of runImportChunks(input, ESTATE_SPEC, 10_000).chunks) evaluate(items);
 */
export function runImportChunks<F extends string, T extends D, D extends QualityItem>(
  input: ImportInput,
  spec: ImportSpec<F, T, D>,
  chunkRows: number,
): ChunkedImport<F, T> {
  const progress = taskProgress(input.onProgress);
  const { table, ctx } = readSource(input);
  progress.report('read', 0, READ_SHARE, 1, 1);
  const crs: CrsId = input.crs ?? table.declaredCrs ?? 'wgs84';
  const resolved = resolveMapping(table.headers, spec.aliases, input.fieldMap, ctx);
  if (table.hasGeometry) dropHalfCoordinatePair(resolved, input.fieldMap);
  const warnings: ImportWarning[] = [...table.warnings];
  const errors: ImportError[] = [];
  const report: ImportReport<F> = {
    errors,
    warnings,
    rowCount: 0,
    mapping: resolved.mapping,
    headers: table.headers,
    encoding: table.encoding,
    format: table.format,
    crs,
    fatal: false,
    ...(table.workbook ? { workbook: table.workbook } : {}),
  };
  const fatal = fileProblem(input, spec, table, resolved, ctx);
  if (fatal) {
    progress.finish('read');
    errors.push(fatal);
    report.fatal = true;
    return { report, chunks: (function* () {})() };
  }
  warnings.push(...crsWarnings(input, table, ctx));
  report.rowCount = table.rowCount;
  errors.push(...table.rowErrors);

  const mapped = new Set(Object.values<number>(resolved.column).filter((i) => i >= 0));
  const located = resolved.mapping as unknown as Record<LocatedField, string | null>;
  const hasCoordinates = table.hasGeometry || located.lng !== null || located.coordinates !== null;
  const reader = new RowReader<F>(ctx, resolved.mapping, resolved.column, crs, hasCoordinates);
  const properties = (): Record<string, unknown> => reader.properties(table.headers, mapped);
  const digest = chunkRows === Infinity ? null : (spec.digest ?? null);
  const digests: D[] = [];
  // The chunks need nothing else of the input: its bytes are not kept alive by them.
  const reporting = input.onProgress !== undefined;
  function* chunks(): Generator<T[], void> {
    const rows = table.records.length;
    // Report every 1 % of rows: a modulo per row, the callback about a hundred times.
    const every = Math.max(1, Math.ceil(rows * PROGRESS_STEP));
    let items: T[] = [];
    // Each record is let go once mapped (the table is this import's own): a file read in chunks then
    // holds only the records not yet mapped, not every one to the end.
    const records: (SourceRecord | undefined)[] = table.records;
    for (let done = 0; done < rows; done++) {
      const record = records[done];
      if (!record) continue;
      if (chunkRows !== Infinity) records[done] = undefined;
      if (reporting && done % every === 0) progress.report('rows', READ_SHARE, 1, done, rows);
      reader.load(record);
      const item = spec.map(reader, properties);
      const error = reader.error();
      if (error) errors.push(error);
      else if (item) {
        items.push(item);
        digests.push(digest ? digest(item) : item);
        warnings.push(...reader.warnings());
      } else
        errors.push(
          rowError(ctx, record.row, null, 'unusable-row', 'the row could not be used', '该行无法使用'),
        );
      if (items.length >= chunkRows) {
        yield items;
        items = [];
      }
    }
    if (items.length > 0) yield items;
    errors.sort((a, b) => a.row - b.row);
    warnings.push(...qualityWarnings(digests, ctx), ...(spec.extraWarnings?.(digests, ctx) ?? []));
    progress.finish('rows');
  }
  return { report, chunks: chunks() };
}

/**
 * The whole import at once (runImportChunks in one chunk).
 * @param input the user's file and options
 * @param spec what to build from each row
 * @returns the items and the report
 * @example runImport(input, ESTATE_SPEC).items
 */
export function runImport<F extends string, T extends D, D extends QualityItem>(
  input: ImportInput,
  spec: ImportSpec<F, T, D>,
): { items: T[]; report: ImportReport<F> } {
  const { report, chunks } = runImportChunks(input, spec, Infinity);
  let items: T[] = [];
  for (const chunk of chunks) items = items.length === 0 ? chunk : items.concat(chunk);
  return { items, report };
}
