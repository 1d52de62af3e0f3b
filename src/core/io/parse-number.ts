/** A cell read as a number: missing (empty), a value, or something that is not a number. */
export type ParsedNumber =
  | { kind: 'missing' }
  | { kind: 'ok'; value: number }
  | { kind: 'bad'; found: string; reason: 'not-a-number' | 'ambiguous' };

const MISSING = new Set([
  '',
  '-',
  '--',
  '—',
  '/',
  'null',
  'none',
  'nan',
  'n/a',
  'na',
  '暂无',
  '未知',
  '不详',
]);
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/**
 * Units people type after numbers in these files (after NFKC, which turns ㎡ into m2 and full-width
 * digits into ASCII): area, households, people, places, beds, buildings, years.
 */
const UNIT = /\s*(?:m2|sqm|平方米|平米|户|人|个|名|张|床|位|座|处|栋|幢|套|间|年)$/i;

/** Turn a cell (any JSON value) into trimmed text, or null when empty. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? null;
}

/**
 * Read a number leniently: thousands separators (“1,200”), full-width digits, and a trailing unit
 * (“350㎡”, “1200户”) are accepted; words meaning “unknown” (“暂无”, “-”, “N/A”) read as missing.
 * “无” (none) is refused as ambiguous — it may mean 0 or not known, and the difference matters to the
 * rules (a missing value is not zero). A comma that is not a thousands separator (“1,2”) is ambiguous too.
 * @param value a cell: string, number, null …
 * @returns missing, the value, or bad with what was found
 * @example parseNumber('1,200') // { kind: 'ok', value: 1200 }
 */
export function parseNumber(value: unknown): ParsedNumber {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'ok', value }
      : { kind: 'bad', found: String(value), reason: 'not-a-number' };
  }
  const raw = cellText(value);
  if (raw === null) return { kind: 'missing' };
  if (PLAIN.test(raw)) return { kind: 'ok', value: Number(raw) };
  const text = raw.normalize('NFKC').trim();
  if (MISSING.has(text.toLowerCase())) return { kind: 'missing' };
  if (text === '无') return { kind: 'bad', found: raw, reason: 'ambiguous' };
  const bare = text.replace(UNIT, '').trim();
  if (PLAIN.test(bare)) return { kind: 'ok', value: Number(bare) };
  if (THOUSANDS.test(bare)) return { kind: 'ok', value: Number(bare.replace(/,/g, '')) };
  return { kind: 'bad', found: raw, reason: /\d,\d/.test(bare) ? 'ambiguous' : 'not-a-number' };
}
