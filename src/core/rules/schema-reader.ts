import type { Bilingual } from '../model/rule-profile';
import { describeValue, RuleProfileError } from './rule-profile-error';

type Json = Record<string, unknown>;

/**
 * Typed field readers that throw RuleProfileError with the file, rule and field path. A reader is made
 * per file (and per rule), so every message carries its context without threading it through calls.
 */
export class SchemaReader {
  constructor(
    readonly file: string,
    readonly rule: string | null = null,
  ) {}

  /** The same file, scoped to one rule (`"hefei.beds" (rules[7])`). */
  forRule(rule: string): SchemaReader {
    return new SchemaReader(this.file, rule);
  }

  /** Throws for `field`; pass the offending value (even `undefined`, read as “missing”) to show it. */
  fail(field: string, expected: string, ...got: [] | [unknown]): never {
    throw new RuleProfileError(
      this.file,
      this.rule,
      field,
      expected,
      got.length === 0 ? undefined : describeValue(got[0]),
    );
  }

  object(value: unknown, field: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(field, 'an object', value);
    return value as Json;
  }

  /** Rejects keys outside `allowed` (a typo such as `treshold` must not be ignored). `$comment` is always allowed. */
  onlyKeys(obj: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (key !== '$comment' && !allowed.includes(key)) {
        this.fail(join(path, key), `no such field (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  string(obj: Json, key: string, path: string): string {
    const value = obj[key];
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(join(path, key), 'a non-empty string', value);
    return value;
  }

  optionalString(obj: Json, key: string, path: string): string | undefined {
    return obj[key] === undefined ? undefined : this.string(obj, key, path);
  }

  number(obj: Json, key: string, path: string, min = -Infinity, max = Infinity): number {
    const value = obj[key];
    if (typeof value !== 'number' || !Number.isFinite(value))
      this.fail(join(path, key), 'a finite number', value);
    if (value < min || value > max) this.fail(join(path, key), rangeText(min, max), value);
    return value;
  }

  oneOf<T extends string>(obj: Json, key: string, values: readonly T[], path: string): T {
    const value = obj[key];
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.fail(join(path, key), `one of ${values.map((v) => `"${v}"`).join(', ')}`, value);
    }
    return value as T;
  }

  bilingual(obj: Json, key: string, path: string): Bilingual {
    const field = join(path, key);
    const value = this.object(obj[key], field);
    this.onlyKeys(value, ['zh', 'en'], field);
    return { zh: this.string(value, 'zh', field), en: this.string(value, 'en', field) };
  }
}

/** `a` + `b` → `a.b`; an empty path gives just `b`. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function rangeText(min: number, max: number): string {
  if (max === Infinity) return `a number ≥ ${min}`;
  if (min === -Infinity) return `a number ≤ ${max}`;
  return `a number from ${min} to ${max}`;
}
