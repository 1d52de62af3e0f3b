import { applyHeaders } from './clean-headers';
import type { CsvRecord } from './csv-record-parser';
import type { SuspectLines } from './decode-text';
import { emptySourceTable } from './empty-source-table';
import { encodingWarnings } from './encoding-warnings';
import type { ImportError, ImportWarning } from '../model/diagnostics';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { SourceRecord, SourceTable, TextEncodingName } from './import-types';

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * The first line of every record, for finding the record that holds a line. Records almost always
 * start one line after the one before, so only the records that do not are stored (runs): a million
 * one-line rows take a few numbers, not a million.
 */
class RecordLines {
  private runIndex: number[] = [];
  private runLine: number[] = [];
  private count = 0;
  private last = 0;

  add(line: number): void {
    if (this.count === 0 || line !== this.last + 1) {
      this.runIndex.push(this.count);
      this.runLine.push(line);
    }
    this.last = line;
    this.count++;
  }

  /** The index of the last record starting on or before `line` (0 when none does). */
  recordOf(line: number): number {
    let lo = 0;
    let hi = this.runLine.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.runLine[mid] ?? 0) <= line) lo = mid;
      else hi = mid - 1;
    }
    const first = this.runIndex[lo] ?? 0;
    const end = this.runIndex[lo + 1] ?? this.count;
    return Math.max(first, Math.min(first + line - (this.runLine[lo] ?? 0), end - 1));
  }
}

/**
 * CSV records made into a table's rows, one record at a time, so that the whole text (readCsv) and
 * text in pieces (readCsvChunks) give the same rows, errors and warnings. The first non-blank line is
 * the header. Blank lines are not rows but keep the numbering, so `row` matches the spreadsheet row
 * minus the header (as long as no cell holds a line break). A row with more cells than headers is
 * refused (an unquoted delimiter inside a value would otherwise shift every later column); a row with
 * fewer is read with its missing cells empty and named in a `short-row` warning. A broken quote is an
 * error on its row, located by line.
 */
export class CsvTableRows {
  readonly table: SourceTable;
  private headerIndex = -1;
  private readonly short: number[] = [];
  private readonly lines = new RecordLines();

  /**
   * @param ctx file and format, for messages
   * @param encoding how the text was decoded
   * @param onRow receives each usable row, in order (the row errors go to table.rowErrors)
   */
  constructor(
    private readonly ctx: MessageContext,
    encoding: TextEncodingName | null,
    private readonly onRow: (record: SourceRecord) => void,
  ) {
    this.table = emptySourceTable('csv', encoding);
  }

  /** Whether the header has been read (or the file found unusable). */
  get started(): boolean {
    return this.headerIndex >= 0;
  }

  /** Take the next record (index: its position among all records, blank ones included). */
  add(record: CsvRecord, index: number, headerIndex: number): void {
    const { ctx, table } = this;
    this.lines.add(record.line);
    if (headerIndex < 0 || index < headerIndex) return;
    if (index === headerIndex) {
      this.headerIndex = index;
      this.header(record);
      return;
    }
    if (table.fatal || (!record.broken && isBlank(record.cells))) return;
    const row = index - headerIndex;
    const error = rowProblem(ctx, row, record, table.headers.length);
    table.rowCount++;
    if (error) table.rowErrors.push(error);
    else {
      if (record.cells.length < table.headers.length) this.short.push(row);
      this.onRow({ row, cells: record.cells, geometry: null, featureId: null });
    }
  }

  private header(record: CsvRecord): void {
    const { ctx, table } = this;
    if (record.broken) {
      table.fatal = rowError(
        ctx,
        0,
        null,
        'csv-quotes',
        `the header (line ${record.line}): ${record.broken[0]}`,
        `表头（第 ${record.line} 行）：${record.broken[1]}`,
      );
      return;
    }
    applyHeaders(table, ctx, record.cells);
  }

  /**
   * Every record has been taken: an empty file becomes the table's fatal error; else the warnings that
   * need every row (short rows, doubtful encodings) are returned, in the order readCsv gives them.
   * @param suspect lines whose decoding is doubtful (decodeText), warned about with their rows
   * @returns the warnings that follow the header's in table.warnings
   */
  finish(suspect: SuspectLines | null): ImportWarning[] {
    const { ctx, table } = this;
    if (this.headerIndex < 0) {
      table.fatal = rowError(
        ctx,
        0,
        null,
        'empty-file',
        'the file is empty: expected a header line',
        '文件为空：缺少表头行',
      );
      return [];
    }
    if (table.fatal) return [];
    const out: ImportWarning[] = [];
    if (this.short.length) out.push(shortRowsWarning(ctx, this.short, table.headers.length));
    if (suspect) {
      const headerIndex = this.headerIndex;
      const rowOf = (line: number): number | null => {
        const index = this.lines.recordOf(line);
        return index > headerIndex ? index - headerIndex : null;
      };
      out.push(...encodingWarnings(suspect, ctx, rowOf));
    }
    return out;
  }
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

function rowProblem(ctx: MessageContext, row: number, record: CsvRecord, width: number): ImportError | null {
  if (record.broken) {
    const line = record.line;
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
