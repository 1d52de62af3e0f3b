import Papa from 'papaparse';
import { spreadsheetSafe } from './spreadsheet-safe';

/**
 * Writes rows of any width as CSV with a UTF-8 BOM (a header block above a table, rows wider than the
 * first). Text a spreadsheet would run as a formula gets a leading apostrophe (spreadsheetSafe).
 * @param rows cell values, row by row
 * @returns CSV text
 * @example csvLines([['规则配置', '合肥'], [], ['编号', '小区名称'], ['1', '金地国际城']])
 */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  const safe = (v: string | number | null) => (v === null ? '' : spreadsheetSafe(v));
  return '\uFEFF' + Papa.unparse(rows.map((r) => r.map(safe))) + '\n';
}
