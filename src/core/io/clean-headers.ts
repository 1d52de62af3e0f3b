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
