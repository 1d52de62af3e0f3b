import type { ImportWarning } from '../model/diagnostics';
import type { ByteChunks } from './byte-chunks';
import { CsvRecordParser } from './csv-record-parser';
import { CsvTableRows } from './csv-table-rows';
import { decodeTextChunks } from './decode-text-chunks';
import type { MessageContext } from './diagnostic';
import type { SourceRecord, SourceTable } from './import-types';
import { surveyTextChunks, type TextSurvey } from './survey-text-chunks';

/** A CSV file's rows, read as they are taken. */
export interface CsvRowStream {
  /**
   * The header, encoding and file-level problem, known at once; `records` stays empty, `rowErrors` and
   * `rowCount` grow as rows are taken (rowCount is at least 1 at once when the file has any row).
   */
  table: SourceTable;
  /** The usable rows in order; consumed once. */
  rows: Generator<SourceRecord, void>;
  /** The warnings that follow the header's in readCsv's table.warnings (short rows, encodings); once rows is done. */
  lateWarnings(): ImportWarning[];
}

/**
 * readCsv for a file given in pieces: the bytes are decoded (decodeTextChunks, after the survey of the
 * whole file) and parsed (CsvRecordParser) a piece at a time as rows are taken, so a file of any size
 * holds a piece of text and the rows not yet taken. The rows, errors and warnings are readCsv's on the
 * decoded text, the same line and row numbers included.
 * @param chunks the file's bytes in pieces (each call a new pass from the first byte)
 * @param ctx file and format, for messages
 * @param delimiter force a delimiter (`\t` for .tsv); else detected
 * @param survey surveyTextChunks(chunks), when already made
 * @returns the table so far and its rows
 * @example const { table, rows } = readCsvChunks(() => readPieces(path), ctx); for (const r of rows) use(r);
 */
export function readCsvChunks(
  chunks: ByteChunks,
  ctx: MessageContext,
  delimiter?: string,
  survey: TextSurvey = surveyTextChunks(chunks),
): CsvRowStream {
  const decoded = decodeTextChunks(chunks, survey);
  let queue: SourceRecord[] = [];
  let taken = 0;
  const rows = new CsvTableRows(ctx, survey.encoding, (record) => queue.push(record));
  const table = rows.table;
  let parser: CsvRecordParser | null = null;
  let late: ImportWarning[] | null = null;
  const start = (text: string): CsvRecordParser => {
    const made = new CsvRecordParser((record, index) => rows.add(record, index, made.layout.headerIndex), {
      delimiter,
      // readCsv drops one leading U+FEFF (a BOM the decoder left) before parsing.
      textLength: survey.length - (text.startsWith('\uFEFF') ? 1 : 0),
    });
    return made;
  };
  /** Parse one more piece; false once the text has ended (and every row is parsed). */
  const pull = (): boolean => {
    if (late) return false;
    const next = decoded.pieces.next();
    if (next.done) {
      parser ??= start('');
      parser.end();
      late = rows.finish(decoded.suspect());
      return false;
    }
    if (parser) parser.push(next.value);
    else {
      parser = start(next.value);
      parser.push(next.value.replace(/^\uFEFF/, ''));
    }
    return true;
  };
  // The mapping needs the header, and the file-level checks whether there is any row.
  while (!rows.started && pull());
  while (!table.fatal && table.rowCount === 0 && pull());
  function* taking(): Generator<SourceRecord, void> {
    for (;;) {
      while (taken < queue.length) {
        const record = queue[taken++];
        if (record) yield record;
      }
      queue = [];
      taken = 0;
      if (!pull() && queue.length === 0) return;
    }
  }
  return { table, rows: taking(), lateWarnings: () => late ?? [] };
}
