/**
 * A malformed rule profile. The message names the file, the rule (id, or index when the id itself is
 * missing) and the field, and says what was expected and what was found — never a bare stack trace.
 */
export class RuleProfileError extends Error {
  /** File name the profile came from, e.g. `hefei.json`. */
  readonly file: string;
  /** Rule id (or `rules[3]` when the id is unusable); null for profile-level fields. */
  readonly rule: string | null;
  /** Dotted path of the field at fault, e.g. `source.confidence` or `parameters.walkingSpeed`. */
  readonly field: string;

  /**
   * @param file file name
   * @param rule rule id or index, null for profile-level fields
   * @param field dotted field path
   * @param expected what the field should hold
   * @param found what it held, already rendered (describeValue), or undefined to say nothing
   */
  constructor(file: string, rule: string | null, field: string, expected: string, found?: string) {
    const where = rule === null ? '' : `rule ${rule}, `;
    super(
      `${file}: ${where}field "${field}": expected ${expected}${found === undefined ? '' : `, got ${found}`}`,
    );
    this.name = 'RuleProfileError';
    this.file = file;
    this.rule = rule;
    this.field = field;
  }
}

/** Short, safe rendering of an offending value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (string)`;
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}
