import Papa from 'papaparse';
import { spreadsheetSafe } from './spreadsheet-safe';

type Cell = string | number | null;

/** Rows per piece of csvChunks: large enough to be fast, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 2000;

const unparse = (rows: Cell[][]): string =>
  Papa.unparse(
    rows.map((r) => r.map((v) => spreadsheetSafe(v ?? ''))),
    { newline: '\r\n' },
  );

/**
 * Writes rows as CSV in pieces, with a UTF-8 BOM (so that Excel on a Chinese Windows opens the Chinese
 * text correctly); text cells a spreadsheet would run as formulas are neutralised (spreadsheetSafe).
 * @param header column titles
 * @param rows cell values, any iterable (consumed once)
 * @returns the CSV text, piece by piece; joined, the same as csvText
 * @example [...csvChunks(['a'], [[1]])].join('') // '\uFEFFa\r\n1\r\n'
 */
export function* csvChunks(header: string[], rows: Iterable<Cell[]>): Generator<string> {
  yield '\uFEFF' + unparse([header]) + '\r\n';
  let batch: Cell[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) {
      yield unparse(batch) + '\r\n';
      batch = [];
    }
  }
  if (batch.length > 0) yield unparse(batch) + '\r\n';
}

/**
 * Writes rows as CSV with a UTF-8 BOM; text cells a spreadsheet would run as formulas are neutralised.
 * @param header column titles
 * @param rows cell values
 * @returns CSV text
 * @example csvText(['名称'], [['=1+1']]) // '\uFEFF名称\r\n\'=1+1\r\n'
 */
export function csvText(header: string[], rows: Cell[][]): string {
  return [...csvChunks(header, rows)].join('');
}
