import type { ImportError } from '../model/diagnostics';
import { rowError, type MessageContext } from './diagnostic';
import { normaliseHeader } from './field-aliases';

/** Which source column feeds each canonical field. */
export interface ResolvedMapping<F extends string> {
  /** Canonical field → source header (null when none). */
  mapping: Record<F, string | null>;
  /** Canonical field → column index in the headers (-1 when none). */
  column: Record<F, number>;
  /** A bad explicit mapping (unknown field, header not in the file). */
  fatal: ImportError | null;
}

/**
 * Decide which header feeds each canonical field: explicit `fieldMap` entries first (an empty header
 * means “do not map this field”), then the aliases. Each header feeds at most one field.
 * @param headers the source headers in file order
 * @param aliases canonical field → recognised header spellings, best first
 * @param fieldMap canonical field → header, from the user (`--map households=房屋总数`)
 * @param ctx file and format, for messages
 * @returns the mapping, or a fatal error naming the headers available
 * @example resolveMapping(['小区名称', '房屋总数'], ESTATE_ALIASES, undefined, ctx).mapping.households // '房屋总数'
 */
export function resolveMapping<F extends string>(
  headers: readonly string[],
  aliases: Record<F, string[]>,
  fieldMap: Record<string, string> | undefined,
  ctx: MessageContext,
): ResolvedMapping<F> {
  const fields = Object.keys(aliases) as F[];
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Record<F, string | null>;
  const column = Object.fromEntries(fields.map((f) => [f, -1])) as Record<F, number>;
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const decided = new Set<string>();
  const available = headers.length ? headers.map((h) => `"${h}"`).join(', ') : '(none)';

  for (const [field, header] of Object.entries(fieldMap ?? {})) {
    if (!fields.includes(field as F)) {
      const en = `the field mapping names the unknown field "${field}"; the fields are ${fields.join(', ')}`;
      const zh = `字段对应中的字段“${field}”不存在；可用字段：${fields.join('、')}`;
      return { mapping, column, fatal: rowError(ctx, 0, null, 'unknown-field', en, zh) };
    }
    decided.add(field);
    if (header.trim() === '') continue;
    let index = headers.indexOf(header);
    if (index < 0) index = normalised.indexOf(normaliseHeader(header));
    if (index < 0) {
      const en = `${field} is mapped to "${header}", but the file has no header "${header}"; its headers are ${available}`;
      const zh = `${field} 对应的表头“${header}”在文件中不存在；现有表头：${available}`;
      return { mapping, column, fatal: rowError(ctx, 0, header, 'missing-header', en, zh) };
    }
    mapping[field as F] = headers[index] ?? null;
    column[field as F] = index;
    used.add(index);
  }

  for (const field of fields) {
    if (decided.has(field)) continue;
    for (const alias of aliases[field]) {
      const key = normaliseHeader(alias);
      const index = normalised.findIndex((h, i) => h === key && !used.has(i));
      if (index >= 0) {
        mapping[field] = headers[index] ?? null;
        column[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return { mapping, column, fatal: null };
}
