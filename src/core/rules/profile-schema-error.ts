import { profileSchema, type JsonSchema } from './profile-schema';
import { describeValue, RuleProfileError } from './rule-profile-error';

/** The part of an Ajv error the messages use (the precompiled validator's error objects). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Json = Record<string, unknown>;
let schemaCache: JsonSchema | null = null;

/**
 * Turns the validator's errors into one RuleProfileError worded as a planner reads it: the file, the
 * rule (`"hefei.beds" (rules[7])`, or `rules[7]` when the id is unusable), the field
 * (`source.confidence`), what was expected and what was found. A misspelt field is named before the
 * required field it replaced (so `treshold` is reported, not a missing `threshold`).
 * @param errors the validator's errors (at least one)
 * @param json the profile as parsed from JSON
 * @param file the file name to name
 * @returns the error to throw
 * @example throw schemaErrorToProfileError(validate.errors, json, 'my-city.json');
 */
export function schemaErrorToProfileError(
  errors: readonly SchemaError[],
  json: unknown,
  file: string,
): RuleProfileError {
  const useful = errors.filter((e) => e.keyword !== 'if');
  const error = useful.find((e) => e.keyword === 'additionalProperties') ?? useful[0] ?? errors[0];
  if (error === undefined) return new RuleProfileError(file, null, '(profile)', 'a valid rule profile');
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  const value = valueAt(json, segments);
  const ruleIndex = segments[0] === 'rules' && segments.length >= 2 ? Number(segments[1]) : null;
  const rule = ruleIndex === null ? null : ruleLabel(json, ruleIndex);
  const path = ruleIndex === null ? segments : segments.slice(2);
  const schema = (schemaCache ??= profileSchema());
  const base = baseSchema(schema, segments);
  const node = resolve(schema, walk(base, error.schemaPath.split('/').slice(1, -1)));
  const metricBranch = rule !== null && /\/allOf\/\d+\/then\/properties\//.test(error.schemaPath);
  const metric = metricBranch ? String(ruleAt(json, ruleIndex)?.metric) : null;
  const forMetric = metric === null ? '' : ` for metric ${metric}`;
  const fieldOf = (extra?: string) => {
    const field = fieldPath(extra === undefined ? path : [...path, extra]);
    return field === '' ? (ruleIndex === null ? '(profile)' : `rules[${ruleIndex}]`) : field;
  };
  const fail = (field: string, expected: string, found?: string) =>
    new RuleProfileError(file, rule, field, expected, found);

  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((node.properties as Json | undefined) ?? {}).filter(
        (k) => !k.startsWith('$'),
      );
      return fail(
        fieldOf(String(error.params.additionalProperty)),
        `no such field (allowed: ${allowed.join(', ')})`,
      );
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const own =
        (node.properties as Json | undefined)?.[missing] ?? (base.properties as Json | undefined)?.[missing];
      const expected =
        missing === 'line' && typeof (value as Json | undefined)?.document === 'string'
          ? `the grep -n line number in ${String((value as Json).document)}`
          : expectedOf(resolve(schema, (own ?? {}) as JsonSchema)) + (missing === 'options' ? forMetric : '');
      return fail(fieldOf(missing), expected, describeValue(undefined));
    }
    case 'false schema': {
      const scope = String(ruleAt(json, ruleIndex)?.scope);
      return fail(
        fieldOf(),
        `no appliesTo for a ${scope}-scope rule (estate rules only)`,
        describeValue(value),
      );
    }
    case 'enum': {
      const values = (error.params.allowedValues as unknown[]).map(String);
      const last = path[path.length - 1];
      const expected =
        typeof node.description === 'string'
          ? node.description
          : metric !== null && last === 'scope'
            ? `${values.join(' or ')}${forMetric}`
            : metric !== null
              ? `"${values.join('" or "')}"${forMetric}`
              : `one of ${values.map((v) => `"${v}"`).join(', ')}`;
      return fail(fieldOf(), expected, describeValue(value));
    }
    case 'minimum':
    case 'maximum':
      return fail(fieldOf(), rangeText(node) + forMetric, describeValue(value));
    default:
      return fail(fieldOf(), expectedOf(node), describeValue(value));
  }
}

/** What a schema node asks for, in words. */
function expectedOf(node: JsonSchema): string {
  if (typeof node.description === 'string' && (node.type === 'array' || node.pattern !== undefined))
    return node.description;
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => `"${String(v)}"`).join(', ')}`;
  switch (node.type) {
    case 'number':
      return 'a finite number';
    case 'string':
      return 'a non-empty string';
    case 'array':
      return 'an array';
    case 'boolean':
      return 'true or false';
    default:
      return 'an object';
  }
}

function rangeText(node: JsonSchema): string {
  const min = typeof node.minimum === 'number' ? node.minimum : -Infinity;
  const max = typeof node.maximum === 'number' ? node.maximum : Infinity;
  if (max === Infinity) return `a number ≥ ${min}`;
  if (min === -Infinity) return `a number ≤ ${max}`;
  return `a number from ${min} to ${max}`;
}

/** `["source", "confidence"]` → `source.confidence`; `["appliesTo", "0"]` → `appliesTo[0]`. */
function fieldPath(segments: readonly string[]): string {
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`,
    '',
  );
}

function ruleAt(json: unknown, index: number | null): Json | undefined {
  if (index === null) return undefined;
  const rule = ((json as Json | null)?.rules as unknown[] | undefined)?.[index];
  return typeof rule === 'object' && rule !== null ? (rule as Json) : undefined;
}

function ruleLabel(json: unknown, index: number): string {
  const id = ruleAt(json, index)?.id;
  return typeof id === 'string' && id !== '' ? `"${id}" (rules[${index}])` : `rules[${index}]`;
}

function valueAt(json: unknown, segments: readonly string[]): unknown {
  let value = json;
  for (const segment of segments) value = (value as Json | null | undefined)?.[segment];
  return value;
}

/** The schema the error's `schemaPath` starts from: the last `$ref` definition met along the value's path. */
function baseSchema(root: JsonSchema, segments: readonly string[]): JsonSchema {
  let base = root;
  let node = root;
  for (const segment of segments) {
    const next = /^\d+$/.test(segment) ? node.items : (node.properties as Json | undefined)?.[segment];
    if (typeof next !== 'object' || next === null) break;
    node = resolve(root, next as JsonSchema);
    if ((next as JsonSchema).$ref !== undefined) base = node;
  }
  return base;
}

function walk(node: JsonSchema, segments: readonly string[]): JsonSchema {
  let current: unknown = node;
  for (const segment of segments) current = (current as Json | undefined)?.[unescapePointer(segment)];
  return typeof current === 'object' && current !== null ? (current as JsonSchema) : {};
}

function resolve(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  return typeof ref === 'string' ? walk(root, ref.split('/').slice(1)) : node;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
