import Papa from 'papaparse';
import { spreadsheetSafe } from './spreadsheet-safe';

type Cell = string | number | null;

/** Rows per piece of csvLineChunks, as csvChunks'. */
const ROWS_PER_CHUNK = 2000;

const safe = (v: Cell) => (v === null ? '' : spreadsheetSafe(v));
const unparse = (rows: readonly (readonly Cell[])[]): string => Papa.unparse(rows.map((r) => r.map(safe)));

/**
 * csvLines in pieces, from rows given one at a time (consumed once), so that a table of any length is
 * written without holding it: joined, the pieces are csvLines of the same rows.
 * @param rows cell values, row by row
 * @returns the CSV text, piece by piece
 * @example [...csvLineChunks([['a'], [], ['b', 1]])].join('') === csvLines([['a'], [], ['b', 1]]) // true
 */
export function* csvLineChunks(rows: Iterable<readonly Cell[]>): Generator<string> {
  let batch: (readonly Cell[])[] = [];
  let first = true;
  yield '\uFEFF';
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) {
      // Papa.unparse puts its newline (CRLF) between rows, never after the last: so between pieces too.
      yield (first ? '' : '\r\n') + unparse(batch);
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) yield (first ? '' : '\r\n') + unparse(batch);
  yield '\n';
}

/**
 * Writes rows of any width as CSV with a UTF-8 BOM (a header block above a table, rows wider than the
 * first). Text a spreadsheet would run as a formula gets a leading apostrophe (spreadsheetSafe).
 * @param rows cell values, row by row
 * @returns CSV text
 * @example csvLines([['规则配置', '合肥'], [], ['编号', '小区名称'], ['1', '金地国际城']])
 */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return [...csvLineChunks(rows)].join('');
}
