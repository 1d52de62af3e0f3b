import { warning, type MessageContext } from './diagnostic';
import type { SourceTable } from './import-types';

/**
 * Headers made unique and non-empty, so every column can be named in messages and properties (CSV and
 * workbooks alike): blanks become `column 3`, a repeat becomes `名称 (2)`.
 * @param raw the header cells as read
 * @returns the headers and the repeated ones
 * @example cleanHeaders(['名称', '', '名称']) // { headers: ['名称', 'column 2', '名称 (2)'], duplicates: ['名称'] }
 */
export function cleanHeaders(raw: readonly string[]): { headers: string[]; duplicates: string[] } {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  const headers = raw.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').trim() || `column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count === 1) return base;
    duplicates.push(base);
    return `${base} (${count})`;
  });
  return { headers, duplicates };
}

/**
 * Sets a table's headers from its header cells (cleanHeaders) and warns once about repeated ones, as
 * every table reader does (CSV and workbooks).
 * @param table the table being read
 * @param ctx where the messages point (file)
 * @param raw the header cells as read
 * @example applyHeaders(table, ctx, ['名称', '名称']) // table.headers = ['名称', '名称 (2)'], one warning
 */
export function applyHeaders(table: SourceTable, ctx: MessageContext, raw: readonly string[]): void {
  const { headers, duplicates } = cleanHeaders(raw);
  table.headers = headers;
  if (duplicates.length === 0) return;
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
