import Papa from 'papaparse';
import { cleanHeaders } from './clean-headers';
import { emptySourceTable } from './empty-source-table';
import type { ImportError } from '../model/diagnostics';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { SourceRecord, SourceTable, TextEncodingName } from './import-types';

/** Delimiters tried when the file does not say (papaparse picks the one giving consistent field counts). */
const DELIMITERS = [',', '\t', ';', '|'];

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Read CSV/TSV text into rows. The first non-blank line is the header. Blank lines are not rows but
 * keep the numbering, so `row` matches the spreadsheet row minus the header (as long as no cell holds a
 * line break). A row with more cells than headers is refused (an unquoted delimiter inside a value
 * would otherwise shift every later column); a row with fewer has its missing cells read as empty.
 * @param text decoded file text
 * @param ctx file name and format, for messages
 * @param encoding how the text was decoded
 * @param delimiter force a delimiter (`\t` for .tsv); else detected
 * @returns the rows, the per-row errors and the file-level problem if any
 * @example readCsv('名称,房屋总数\nA,100', ctx, 'utf-8').records[0].cells // ['A', '100']
 */
export function readCsv(
  text: string,
  ctx: MessageContext,
  encoding: TextEncodingName | null,
  delimiter?: string,
): SourceTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimiter: delimiter ?? '',
    delimitersToGuess: DELIMITERS,
  });
  const rows = parsed.data;
  const table = emptySourceTable('csv', encoding);
  const headerIndex = rows.findIndex((r) => !isBlank(r));
  const headerRow = rows[headerIndex];
  if (headerIndex < 0 || !headerRow) {
    table.fatal = rowError(
      ctx,
      0,
      null,
      'empty-file',
      'the file is empty: expected a header line',
      '文件为空：缺少表头行',
    );
    return table;
  }
  const { headers, duplicates } = cleanHeaders(headerRow);
  table.headers = headers;
  if (duplicates.length) {
    table.warnings.push(
      warning(
        ctx,
        [],
        'duplicate-header',
        `repeated headers ${duplicates.map((d) => `"${d}"`).join(', ')}: only the first of each is mapped`,
        `表头重复：${duplicates.join('、')}；只使用第一个`,
      ),
    );
  }
  // papaparse reports quote problems by record index; they make that row unreliable.
  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors)
    if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row, e.message);

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (isBlank(cells)) continue;
    const row = i - headerIndex;
    const error = rowProblem(ctx, row, cells, headers.length, quoteErrors.get(i));
    if (error) table.rowErrors.push(error);
    else table.records.push({ row, cells, geometry: null, featureId: null } satisfies SourceRecord);
  }
  table.rowCount = table.records.length + table.rowErrors.length;
  return table;
}

function rowProblem(
  ctx: MessageContext,
  row: number,
  cells: readonly string[],
  width: number,
  quoteError: string | undefined,
): ImportError | null {
  if (quoteError !== undefined) {
    return rowError(
      ctx,
      row,
      null,
      'csv-quotes',
      `malformed quotes (${quoteError}); expected each quoted value to end with a closing quote`,
      `引号不匹配（${quoteError}）；带引号的值应以引号结束`,
    );
  }
  const extra = cells.slice(width).filter((c) => c.trim() !== '');
  if (extra.length === 0) return null;
  return rowError(
    ctx,
    row,
    null,
    'field-count',
    `found ${cells.length} cells but the header has ${width}; a value may contain an unquoted delimiter (extra: ${extra
      .slice(0, 3)
      .map((c) => `"${c}"`)
      .join(', ')})`,
    `该行有 ${cells.length} 个单元格，表头只有 ${width} 列；可能有值中含未加引号的分隔符`,
  );
}
