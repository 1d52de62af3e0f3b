import { cleanHeaders } from './clean-headers';
import type { SuspectLines } from './decode-text';
import { emptySourceTable } from './empty-source-table';
import { encodingWarnings } from './encoding-warnings';
import type { ImportError, ImportWarning } from '../model/diagnostics';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { SourceRecord, SourceTable, TextEncodingName } from './import-types';
import { parseCsvRecords, type CsvRecord, type ParsedCsv } from './parse-csv-records';

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Read CSV/TSV text into rows. The first non-blank line is the header. Blank lines are not rows but
 * keep the numbering, so `row` matches the spreadsheet row minus the header (as long as no cell holds a
 * line break). A row with more cells than headers is refused (an unquoted delimiter inside a value
 * would otherwise shift every later column); a row with fewer is read with its missing cells empty and
 * named in a `short-row` warning. A broken quote is an error on its row, located by line, and the
 * lines after it are read again (parseCsvRecords), so it never swallows the rows below it.
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
  const parsed = parseCsvRecords(body, delimiter);
  const rows = parsed.records;
  const table = emptySourceTable('csv', encoding);
  const lines = lineCounter(body, parsed.linebreak);
  const headerIndex = parsed.headerIndex;
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
  if (headerRow.broken) {
    const line = lines(headerRow.start);
    table.fatal = rowError(
      ctx,
      0,
      null,
      'csv-quotes',
      `the header (line ${line}): ${headerRow.broken[0]}`,
      `表头（第 ${line} 行）：${headerRow.broken[1]}`,
    );
    return table;
  }
  const { headers, duplicates } = cleanHeaders(headerRow.cells);
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
  const short: number[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const record = rows[i];
    if (!record || (!record.broken && isBlank(record.cells))) continue;
    const row = i - headerIndex;
    const error = rowProblem(ctx, row, record, headers.length, lines);
    if (error) table.rowErrors.push(error);
    else {
      if (record.cells.length < headers.length) short.push(row);
      table.records.push({
        row,
        cells: record.cells,
        geometry: null,
        featureId: null,
      } satisfies SourceRecord);
    }
  }
  if (short.length) table.warnings.push(shortRowsWarning(ctx, short, headers.length));
  if (suspect) {
    const rowOf = rowOfLine(parsed, lines);
    table.warnings.push(...encodingWarnings(suspect, ctx, rowOf));
  }
  table.rowCount = table.records.length + table.rowErrors.length;
  return table;
}

function shortRowsWarning(ctx: MessageContext, rows: number[], width: number): ImportWarning {
  return warning(
    ctx,
    rows,
    'short-row',
    `${rows.length === 1 ? 'this row has' : `${rows.length} rows have`} fewer cells than the header's ${width}; the missing cells are read as empty`,
    `${rows.length} 行的单元格少于表头的 ${width} 列；缺少的单元格按空值读取`,
  );
}

/** Line number (1-based) of a character offset; offsets must be asked in increasing order for speed. */
function lineCounter(text: string, linebreak: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf(linebreak, at); i >= 0 && i < offset; i = text.indexOf(linebreak, i + 1))
      line++;
    at = offset;
    return line;
  };
}

/** The data row (header not counted) holding each 1-based line, or null for the header and above. */
function rowOfLine(parsed: ParsedCsv, lines: (offset: number) => number): (line: number) => number | null {
  const firstLines = parsed.records.map((r) => lines(r.start));
  return (line) => {
    let lo = 0;
    let hi = firstLines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firstLines[mid] ?? 0) <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo > parsed.headerIndex ? lo - parsed.headerIndex : null;
  };
}

function rowProblem(
  ctx: MessageContext,
  row: number,
  record: CsvRecord,
  width: number,
  lines: (offset: number) => number,
): ImportError | null {
  if (record.broken) {
    const line = lines(record.start);
    return rowError(
      ctx,
      row,
      null,
      'csv-quotes',
      `line ${line}: ${record.broken[0]}; the rows below are read again from line ${line + 1}`,
      `第 ${line} 行：${record.broken[1]}；其后的行从第 ${line + 1} 行起重新读取`,
    );
  }
  const cells = record.cells;
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
