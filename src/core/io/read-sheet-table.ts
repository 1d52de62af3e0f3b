import { applyHeaders } from './clean-headers';
import { rowError, type MessageContext } from './diagnostic';
import { emptySourceTable } from './empty-source-table';
import type { SourceTable } from './import-types';
import type { Workbook, WorkbookCell, WorkbookSheet } from './read-workbook';

/** Title rows above the header are looked for in the first rows only. */
const HEADER_SEARCH_ROWS = 30;

const filled = (row: readonly WorkbookCell[]) => row.filter((c) => c !== null).length;

/**
 * The header row: the first of the top rows whose cells are all text and that fills at least 60 % of
 * the widest top row (at least two cells). A title across merged cells (“合肥市既有小区统计表”), a
 * unit line (“单位：户、平方米”) or a “填报单位 … 日期 …” line fill one or two cells, so they are
 * skipped; a header fills most columns.
 */
function headerIndexOf(rows: readonly WorkbookCell[][]): number {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  const widest = Math.max(0, ...top.map(filled));
  return top.findIndex((row) => {
    const n = filled(row);
    return n >= Math.max(2, Math.ceil(0.6 * widest)) && row.every((c) => c === null || typeof c === 'string');
  });
}

function pickSheet(workbook: Workbook, wanted: string | number | undefined): WorkbookSheet | string {
  const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
  if (wanted === undefined)
    return workbook.sheets.find((s) => headerIndexOf(s.rows) >= 0) ?? workbook.sheets[0] ?? names;
  const byName = workbook.sheets.find((s) => s.name === String(wanted));
  if (byName) return byName;
  const index = typeof wanted === 'number' ? wanted : /^\d+$/.test(wanted) ? Number(wanted) : NaN;
  return workbook.sheets[index - 1] ?? names;
}

/**
 * Reads one sheet of a workbook into rows, like a CSV: the header row is found below any title rows,
 * each sheet row under it is one data row (`row` 1 is the first row under the header, as in a CSV;
 * the header's own sheet row is in `workbook.headerRow`), blank rows are skipped but keep the
 * numbering, and cells keep their types (numbers, text, dates as `YYYY-MM-DD`).
 * @param workbook the workbook (readWorkbook)
 * @param sheet the sheet's name or 1-based position; default the first sheet with a header row (a
 *   cover sheet of notes is passed over)
 * @param ctx file name and format, for messages
 * @returns the rows, or a file-level error naming the sheets when the sheet does not exist or has no header
 * @example readSheetTable(workbook, '小区', { file: 'estates.xlsx', format: 'xlsx' }).headers
 */
export function readSheetTable(
  workbook: Workbook,
  sheet: string | number | undefined,
  ctx: MessageContext,
): SourceTable {
  const table = emptySourceTable('xlsx', null);
  const picked = pickSheet(workbook, sheet);
  if (typeof picked === 'string') {
    table.fatal = rowError(
      ctx,
      0,
      null,
      'no-such-sheet',
      `no sheet ${JSON.stringify(String(sheet ?? ''))}; the workbook has ${picked || 'no sheets'}`,
      `没有工作表“${String(sheet ?? '')}”；该工作簿中的工作表：${picked || '（无）'}`,
    );
    return table;
  }
  const sheets = workbook.sheets.map((s) => s.name);
  const headerIndex = headerIndexOf(picked.rows);
  const headerRow = picked.rows[headerIndex];
  table.workbook = { sheets, sheet: picked.name, headerRow: headerIndex + 1 };
  if (headerIndex < 0 || !headerRow) {
    table.fatal = rowError(
      ctx,
      0,
      null,
      'empty-file',
      `sheet "${picked.name}" has no header row (a row of column titles in its first ${HEADER_SEARCH_ROWS} rows)`,
      `工作表“${picked.name}”没有表头行（前 ${HEADER_SEARCH_ROWS} 行中应有一行列名）`,
    );
    return table;
  }
  applyHeaders(
    table,
    ctx,
    headerRow.map((c) => (c === null ? '' : String(c))),
  );
  for (let i = headerIndex + 1; i < picked.rows.length; i++) {
    const cells = picked.rows[i] ?? [];
    if (filled(cells) === 0) continue;
    const row = i - headerIndex;
    const extra = cells.slice(table.headers.length).filter((c) => c !== null);
    if (extra.length > 0) {
      table.rowErrors.push(
        rowError(
          ctx,
          row,
          null,
          'field-count',
          `found values beyond the last titled column (${extra
            .slice(0, 3)
            .map((c) => `"${c}"`)
            .join(', ')}); expected every value under a column title`,
          `该行在最后一个有列名的列之后还有值；每个值都应在有列名的列下`,
        ),
      );
    } else {
      table.records.push({ row, cells, geometry: null, featureId: null });
    }
  }
  table.rowCount = table.records.length + table.rowErrors.length;
  return table;
}
