/** Depth down to which objects and arrays are written member by member; deeper values in one piece. */
const STREAM_DEPTH = 3;

type Json = unknown;

/**
 * A value jsonChunks writes only when it reaches it: either an array whose items come from an iterable
 * (consumed once, item by item, so the items never all exist at once) or a value computed then (a total
 * known only after the items before it were written).
 * @example jsonChunks({ rows: JsonLater.items(gen()), total: JsonLater.value(() => n) })
 */
export class JsonLater {
  private constructor(
    readonly items: Iterable<unknown> | null,
    readonly value: (() => unknown) | null,
  ) {}
  /** An array written item by item from `items` (an undefined item is written as null, as in an array). */
  static items(items: Iterable<unknown>): JsonLater {
    return new JsonLater(items, null);
  }
  /** A value computed when the writer reaches it (undefined is written as null: its key is out already). */
  static value(value: () => unknown): JsonLater {
    return new JsonLater(null, value);
  }
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Text before and after a value nested `levels` arrays deep, for each indentation: see leaf. */
const wrappers = new Map<string, readonly [levels: number, before: number, after: number]>();

function wrapperOf(indent: string, step: string): readonly [number, number, number] {
  const key = `${indent.length}/${step.length}`;
  let found = wrappers.get(key);
  if (!found) {
    const levels = Math.round(indent.length / step.length);
    const text = JSON.stringify(nest(0, levels), null, step);
    const at = text.indexOf('0');
    found = [levels, at, text.length - at - 1];
    wrappers.set(key, found);
  }
  return found;
}

function nest(value: unknown, levels: number): unknown {
  let v = value;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/**
 * One value as JSON text indented as at `indent`. An object nested in as many arrays as `indent` has
 * levels comes out of JSON.stringify indented exactly so: cutting the arrays' brackets off is cheaper
 * than re-indenting every line of the text (a million estates are 3 GB of it).
 */
function leaf(v: unknown, indent: string, step: string): string {
  if (v === null || typeof v !== 'object' || !step || !indent || indent.length % step.length !== 0)
    return leafByLines(v, indent, step);
  const [levels, before, after] = wrapperOf(indent, step);
  const text = JSON.stringify(nest(v, levels), null, step);
  return text.slice(before, text.length - after);
}

function leafByLines(v: unknown, indent: string, step: string): string {
  const text = JSON.stringify(v, null, step) ?? 'null';
  // JSON text holds no raw line break inside a string, so re-indenting by line is exact.
  return step && indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

function* writeItems(
  items: Iterable<unknown>,
  indent: string,
  step: string,
  depth: number,
  whole = false,
): Generator<string> {
  const inner = indent + step;
  const nl = step ? '\n' : '';
  let first = true;
  for (const item of items) {
    yield (first ? '[' : ',') + nl + inner;
    first = false;
    if (whole) yield leaf(skipped(item) ? null : item, inner, step);
    else yield* write(skipped(item) ? null : item, inner, step, depth + 1);
  }
  yield first ? '[]' : nl + indent + ']';
}

function* write(value: Json, indent: string, step: string, depth: number): Generator<string> {
  if (value instanceof JsonLater) {
    // Each item of a streamed array is one piece: it is small, and the items are many.
    if (value.items) yield* writeItems(value.items, indent, step, depth, true);
    else yield* write(value.value?.() ?? null, indent, step, depth);
    return;
  }
  const v =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  if (v === null || typeof v !== 'object' || depth >= STREAM_DEPTH) {
    yield leaf(v, indent, step);
    return;
  }
  const inner = indent + step;
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(v)) {
    yield* writeItems(v, indent, step, depth);
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
 * piece. A JsonLater in the value is written when reached: an array from an iterable item by item (so a
 * million rows can be evaluated and written a chunk at a time; each item is one piece), or a value
 * computed then.
 * @param value the value (plain data: objects, arrays, strings, numbers, booleans, null; JsonLater)
 * @param space indentation, as JSON.stringify's (0 for compact)
 * @returns the text, piece by piece
 * @example [...jsonChunks({ a: [1] }, 2)].join('') === JSON.stringify({ a: [1] }, null, 2) // true
 */
export function* jsonChunks(value: unknown, space = 0): Generator<string> {
  yield* write(value, '', ' '.repeat(space), 0);
}
