import { cellText, parseNumber } from './parse-number';

/** A list of numbers (each elderly-care facility's floor area). */
export type ParsedList =
  | { kind: 'missing' }
  | { kind: 'ok'; value: number[] }
  | { kind: 'bad'; found: string; reason: 'not-a-number' | 'ambiguous' };

/**
 * Read a list of numbers: a JSON array (GeoJSON), or text separated by `;`, `；`, `、` or `|` (CSV).
 * A comma inside an item is refused as ambiguous: “350,300” could be one area of 350 300 or two areas.
 * @param value a cell
 * @returns missing, the list, or bad
 * @example parseNumberList('350；300') // { kind: 'ok', value: [350, 300] }
 */
export function parseNumberList(value: unknown): ParsedList {
  const items: unknown[] = Array.isArray(value) ? value : [];
  if (!Array.isArray(value)) {
    const text = cellText(value);
    if (text === null) return { kind: 'missing' };
    const json = text.startsWith('[') ? tryJson(text) : undefined;
    if (Array.isArray(json)) items.push(...json);
    else items.push(...text.split(/[;；、|]/).map((s) => s.trim()));
  }
  const numbers: number[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.includes(',')) {
      return { kind: 'bad', found: cellText(value) ?? '', reason: 'ambiguous' };
    }
    const parsed = parseNumber(item);
    if (parsed.kind === 'bad') return { kind: 'bad', found: cellText(value) ?? '', reason: parsed.reason };
    if (parsed.kind === 'ok') numbers.push(parsed.value);
  }
  return numbers.length === 0 ? { kind: 'missing' } : { kind: 'ok', value: numbers };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
