import Papa from 'papaparse';

/**
 * Writes rows as CSV with a UTF-8 BOM, so that Excel on a Chinese Windows opens the Chinese text correctly.
 * @param header column titles
 * @param rows cell values
 * @returns CSV text
 */
export function csvText(header: string[], rows: (string | number | null)[][]): string {
  return '\uFEFF' + Papa.unparse({ fields: header, data: rows.map((r) => r.map((v) => v ?? '')) }) + '\n';
}
