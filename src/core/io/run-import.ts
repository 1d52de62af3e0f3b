import type { CrsId } from '../crs/crs-id';
import type { ImportError, ImportWarning } from '../model/diagnostics';
import { PROGRESS_STEP, taskProgress } from '../network/task-progress';
import { rowError, type MessageContext } from './diagnostic';
import { crsWarnings, dropHalfCoordinatePair, fileProblem, type LocatedField } from './import-checks';
import type { ImportInput, ImportReport, SourceRecord, SourceTable, StreamImportInput } from './import-types';
import { qualityWarnings, type QualityItem } from './quality-warnings';
import { readCsvChunks, type CsvRowStream } from './read-csv-chunks';
import { readSource } from './read-source';
import { resolveMapping } from './resolve-mapping';
import { surveyTextChunks } from './survey-text-chunks';
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

/** An import read a chunk of rows at a time (see runImportChunks). */
export interface ChunkedImport<F extends string, T> {
  /**
   * Known before any row is mapped: mapping, headers, encoding, format, CRS, rowCount (for a file read
   * in pieces, only with `rowsFirst`) and, for an unusable file, fatal with its error. `errors`,
   * `warnings` and rowCount are complete once `chunks` is done.
   */
  report: ImportReport<F>;
  /** The items, in row order, at most chunkRows at a time; consumed once. */
  chunks: Generator<T[], void>;
}

/** A file read into rows: all at once (table.records), or as they are taken (a CSV file in pieces). */
interface ReadRows {
  table: SourceTable;
  ctx: MessageContext;
  /** The rows as they are read; table.rowErrors and table.rowCount grow meanwhile. */
  stream?: CsvRowStream;
  /** The rows counted in a first pass, for a stream. */
  rowCount?: number;
}

/** What of the input the mapping uses once the file is read. */
type MapOptions = Pick<ImportInput, 'crs' | 'fieldMap' | 'onProgress'>;

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
  const read = readSource(input);
  progress.report('read', 0, READ_SHARE, 1, 1);
  return mapRows(input, spec, chunkRows, read, progress);
}

/**
 * runImportChunks for a CSV/TSV file given in pieces (the CLI's check of a large file): the file is
 * decoded, parsed and mapped a piece at a time as the chunks are taken (readCsvChunks), with the same
 * items, errors and warnings as runImportChunks on its whole bytes. With `rowsFirst`, a first pass
 * counts the rows, so that report.rowCount is known before any chunk.
 * @param input the file in pieces, its name and options
 * @param spec what to build from each row
 * @param chunkRows rows per chunk
 * @returns the report so far and the chunks
 * @example runImportStream({ chunks, fileName: 'a.csv', rowsFirst: true }, ESTATE_SPEC, 100)
 */
export function runImportStream<F extends string, T extends D, D extends QualityItem>(
  input: StreamImportInput,
  spec: ImportSpec<F, T, D>,
  chunkRows: number,
): ChunkedImport<F, T> {
  const ctx: MessageContext = { file: input.fileName, format: 'csv' };
  const delimiter = /\.tsv$/i.test(input.fileName) ? '\t' : undefined;
  const survey = surveyTextChunks(input.chunks);
  let rowCount: number | undefined;
  if (input.rowsFirst) {
    const counting = readCsvChunks(input.chunks, ctx, delimiter, survey);
    for (const record of counting.rows) void record;
    rowCount = counting.table.rowCount;
  }
  const stream = readCsvChunks(input.chunks, ctx, delimiter, survey);
  const read: ReadRows = {
    table: stream.table,
    ctx,
    stream,
    ...(rowCount === undefined ? {} : { rowCount }),
  };
  return mapRows(input, spec, chunkRows, read, taskProgress(undefined));
}

function mapRows<F extends string, T extends D, D extends QualityItem>(
  input: MapOptions,
  spec: ImportSpec<F, T, D>,
  chunkRows: number,
  { table, ctx, stream, rowCount }: ReadRows,
  progress: ReturnType<typeof taskProgress>,
): ChunkedImport<F, T> {
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
    // A file read whole has its short-row and encoding warnings even when a column is missing; a
    // stream finds them by reading on (its rows are let go as they come).
    if (stream && !table.fatal) {
      for (const record of stream.rows) void record;
      warnings.push(...stream.lateWarnings());
    }
    return { report, chunks: (function* () {})() };
  }
  // A stream's short-row and encoding warnings are known at its end; they go where readCsv puts them.
  const tableWarnings = warnings.length;
  warnings.push(...crsWarnings(input, table, ctx));
  report.rowCount = stream ? (rowCount ?? table.rowCount) : table.rowCount;
  if (!stream) errors.push(...table.rowErrors);

  const mapped = new Set(Object.values<number>(resolved.column).filter((i) => i >= 0));
  const located = resolved.mapping as unknown as Record<LocatedField, string | null>;
  const hasCoordinates = table.hasGeometry || located.lng !== null || located.coordinates !== null;
  const reader = new RowReader<F>(ctx, resolved.mapping, resolved.column, crs, hasCoordinates);
  const properties = (): Record<string, unknown> => reader.properties(table.headers, mapped);
  const digest = chunkRows === Infinity ? null : (spec.digest ?? null);
  const digests: D[] = [];
  // The chunks need nothing else of the input: its bytes are not kept alive by them.
  const reporting = input.onProgress !== undefined;
  function* tableRecords(): Generator<SourceRecord, void> {
    const rows = table.records.length;
    // Report every 1 % of rows: a modulo per row, the callback about a hundred times.
    const every = Math.max(1, Math.ceil(rows * PROGRESS_STEP));
    // Each record is let go once mapped (the table is this import's own): a file read in chunks then
    // holds only the records not yet mapped, not every one to the end.
    const records: (SourceRecord | undefined)[] = table.records;
    for (let done = 0; done < rows; done++) {
      const record = records[done];
      if (!record) continue;
      if (chunkRows !== Infinity) records[done] = undefined;
      if (reporting && done % every === 0) progress.report('rows', READ_SHARE, 1, done, rows);
      yield record;
    }
  }
  function* chunks(): Generator<T[], void> {
    let items: T[] = [];
    for (const record of stream ? stream.rows : tableRecords()) {
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
    if (stream) {
      errors.push(...table.rowErrors);
      warnings.splice(tableWarnings, 0, ...stream.lateWarnings());
      report.rowCount = table.rowCount;
    }
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
