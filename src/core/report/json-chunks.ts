/** Depth down to which objects and arrays are written member by member; deeper values in one piece. */
const STREAM_DEPTH = 3;

type Json = unknown;

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* write(value: Json, indent: string, step: string, depth: number): Generator<string> {
  const v =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  if (v === null || typeof v !== 'object' || depth >= STREAM_DEPTH) {
    const text = JSON.stringify(v, null, step) ?? 'null';
    // JSON text holds no raw line break inside a string, so re-indenting by line is exact.
    yield step && indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = indent + step;
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield (i === 0 ? '' : ',') + nl + inner;
      const item: unknown = v[i];
      yield* write(skipped(item) ? null : item, inner, step, depth + 1);
    }
    yield nl + indent + ']';
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !skipped(x));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of entries) {
    yield (first ? '' : ',') + nl + inner + JSON.stringify(key) + colon;
    first = false;
    yield* write(item, inner, step, depth + 1);
  }
  yield nl + indent + '}';
}

/**
 * JSON text of a value in pieces, identical once joined to `JSON.stringify(value, null, space)`, so a
 * report of any size can be written without building one string (V8 limits a string to about 512 MB:
 * 300,000 estates reached it). The top levels are written member by member; each deeper value is one
 * piece.
 * @param value the value (plain data: objects, arrays, strings, numbers, booleans, null)
 * @param space indentation, as JSON.stringify's (0 for compact)
 * @returns the text, piece by piece
 * @example [...jsonChunks({ a: [1] }, 2)].join('') === JSON.stringify({ a: [1] }, null, 2) // true
 */
export function* jsonChunks(value: unknown, space = 0): Generator<string> {
  yield* write(value, '', ' '.repeat(space), 0);
}
