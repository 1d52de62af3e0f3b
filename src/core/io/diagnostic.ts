import type { ImportError, ImportHint, ImportWarning } from '../model/diagnostics';
import type { ImportFormat } from './import-types';

/** Where a message comes from: the file and its format (rows for CSV, features otherwise). */
export interface MessageContext {
  file: string;
  format: ImportFormat;
}

const unit = (format: ImportFormat): [string, string] =>
  format === 'csv' || format === 'xlsx' ? ['row', '行'] : ['feature', '个要素'];

/**
 * Build an ImportError whose messages start with file, row or feature, and field, so that a user can
 * find the cell without reading a stack trace.
 * @param ctx file name and format
 * @param row 1-based row / feature, 0 for the whole file
 * @param field the user's own header, or null
 * @param code stable machine code
 * @param en what was found and what was expected, in English
 * @param zh the same in Chinese
 * @param hint what would fix it, for the front end to word (never in the messages)
 * @returns the error
 * @example rowError({ file: 'a.csv', format: 'csv' }, 5, '房屋总数', 'bad-number', 'found "x", expected …', '值为“x”，应为…')
 */
export function rowError(
  ctx: MessageContext,
  row: number,
  field: string | null,
  code: string,
  en: string,
  zh: string,
  hint?: ImportHint,
): ImportError {
  const [u, uz] = unit(ctx.format);
  const placeEn = row > 0 ? `, ${u} ${row}` : '';
  const placeZh = row > 0 ? ` 第 ${row} ${uz}` : '';
  const fieldEn = field !== null ? `, ${field}` : '';
  const fieldZh = field !== null ? `，${field}` : '';
  return {
    row,
    field,
    code,
    file: ctx.file,
    message: `${ctx.file}${placeEn}${fieldEn}: ${en}`,
    messageZh: `${ctx.file}${placeZh}${fieldZh}：${zh}`,
    ...(hint ? { hint } : {}),
  };
}

/**
 * Build an ImportWarning about some rows.
 * @param ctx file name and format
 * @param rows 1-based rows / features concerned
 * @param code stable machine code
 * @param en English message
 * @param zh Chinese message
 * @returns the warning
 */
export function warning(
  ctx: MessageContext,
  rows: number[],
  code: string,
  en: string,
  zh: string,
): ImportWarning {
  const [u, uz] = unit(ctx.format);
  const list = rows.length > 12 ? `${rows.slice(0, 12).join(', ')}, …` : rows.join(', ');
  const label = rows.length === 0 ? '' : rows.length === 1 ? `${u} ${list}` : `${u}s ${list}`;
  return {
    rows,
    code,
    file: ctx.file,
    message: `${ctx.file}${label ? `, ${label}` : ''}: ${en}`,
    messageZh: `${ctx.file}${rows.length ? `（第 ${list} ${uz}）` : ''}：${zh}`,
  };
}

/** Show a cell value in a message: quoted, shortened. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
