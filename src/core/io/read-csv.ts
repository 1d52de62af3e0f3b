import type { SuspectLines } from './decode-text';
import { CsvRecordParser } from './csv-record-parser';
import { CsvTableRows } from './csv-table-rows';
import type { MessageContext } from './diagnostic';
import type { SourceTable, TextEncodingName } from './import-types';

/**
 * Read CSV/TSV text into rows. The first non-blank line is the header. Blank lines are not rows but
 * keep the numbering, so `row` matches the spreadsheet row minus the header (as long as no cell holds a
 * line break). A row with more cells than headers is refused (an unquoted delimiter inside a value
 * would otherwise shift every later column); a row with fewer is read with its missing cells empty and
 * named in a `short-row` warning. A broken quote is an error on its row, located by line, and the
 * lines after it are read again (CsvRecordParser), so it never swallows the rows below it. The rows are
 * made by CsvTableRows, as readCsvChunks makes them from text in pieces.
 * @param text decoded file text
 * @param ctx file name and format, for messages
 * @param encoding how the text was decoded
 * @param delimiter force a delimiter (`\t` for .tsv); else detected
 * @param suspect lines whose decoding is doubtful (decodeText), warned about with their rows
 * @returns the rows, the per-row errors and the file-level problem if any
 * @example readCsv('名称,房屋总数\nA,100', ctx, 'utf-8').records[0].cells // ['A', '100']
 */
export function readCsv(
  text: string,
  ctx: MessageContext,
  encoding: TextEncodingName | null,
  delimiter?: string,
  suspect: SuspectLines | null = null,
): SourceTable {
  const body = text.replace(/^\uFEFF/, '');
  const rows = new CsvTableRows(ctx, encoding, (record) => table.records.push(record));
  const table = rows.table;
  const parser = new CsvRecordParser((record, index) => rows.add(record, index, parser.layout.headerIndex), {
    delimiter,
    textLength: body.length,
  });
  parser.push(body);
  parser.end();
  table.warnings.push(...rows.finish(suspect));
  return table;
}
