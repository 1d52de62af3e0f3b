import type { Bilingual, Rule, RuleProfile, RuleSource } from '../model/rule-profile';
import { METRICS } from './metric-catalogue';
import { PARAMETER_NAMES } from './parameter-specs';
import { schemaErrorToProfileError } from './profile-schema-error';
import { validate } from './profile-validator.generated';
import { describeValue, RuleProfileError } from './rule-profile-error';

type Json = Record<string, unknown>;

/**
 * Validates a rule profile read from JSON (geodata/rules/*.json or a user's own file) against the
 * published schema (geodata/rules/profile.schema.json, precompiled with Ajv), then checks what a schema
 * cannot say: rule ids start with the profile id and are unique, a categories threshold fits its
 * list, and every parameter has a source. Unknown fields, metrics, units and scopes are rejected so
 * that a typo never silently drops a number.
 * @param json the parsed JSON value
 * @param fileName the file it came from, named in every error
 * @returns the profile, typed, holding only known fields in a stable order (`$comment`, `$schema` dropped)
 * @throws RuleProfileError naming the file, the rule (id or index) and the field, what was expected and what was found
 * @example
 * const profile = parseRuleProfile(JSON.parse(text), 'hefei.json');
 */
export function parseRuleProfile(json: unknown, fileName: string): RuleProfile {
  if (!validate(json)) throw schemaErrorToProfileError(validate.errors ?? [], json, fileName);
  const obj = json as Json;
  const id = obj.id as string;
  const seen = new Set<string>();
  const rules = (obj.rules as Json[]).map((raw, index) => {
    const rule = ruleOf(raw);
    const label = `"${rule.id}" (rules[${index}])`;
    const fail = (field: string, expected: string, found: unknown) => {
      throw new RuleProfileError(fileName, label, field, expected, describeValue(found));
    };
    if (!rule.id.startsWith(`${id}.`))
      fail('id', `an id such as "${id}.elderly-area-new" (profile id, dot, hyphenated words)`, rule.id);
    if (seen.has(rule.id)) fail('id', 'an id not used by an earlier rule', rule.id);
    seen.add(rule.id);
    const problem = METRICS[rule.metric]?.check?.(rule);
    if (problem) fail(problem.field, problem.expected, problem.found);
    return rule;
  });
  const parameterSources = sourcesOf(obj.parameterSources as Json);
  for (const name of PARAMETER_NAMES) {
    const coveredByGroup =
      name.startsWith('serviceMinutes.') && parameterSources.serviceMinutes !== undefined;
    if (parameterSources[name] === undefined && !coveredByGroup) {
      throw new RuleProfileError(
        fileName,
        null,
        `parameterSources.${name}`,
        'a source for this parameter',
        describeValue(undefined),
      );
    }
  }
  const parameters = withoutComments(obj.parameters as Json);
  parameters.serviceMinutes = withoutComments(parameters.serviceMinutes as Json);
  return {
    id,
    name: bilingual(obj.name),
    jurisdiction: bilingual(obj.jurisdiction),
    parameters: parameters as RuleProfile['parameters'],
    parameterSources,
    rules,
  };
}

/** A rule with its fields in reading order (JSON output lists them so). */
function ruleOf(raw: Json): Rule {
  return {
    id: raw.id as string,
    title: bilingual(raw.title),
    scope: raw.scope as Rule['scope'],
    ...(raw.appliesTo === undefined ? {} : { appliesTo: [...(raw.appliesTo as Rule['appliesTo'] & [])] }),
    metric: raw.metric as string,
    operator: raw.operator as Rule['operator'],
    threshold: raw.threshold as number,
    unit: raw.unit as string,
    ...(raw.options === undefined
      ? {}
      : { options: withoutComments(raw.options as Json) as Rule['options'] }),
    source: sourceOf(raw.source as Json),
    ...(raw.note === undefined ? {} : { note: bilingual(raw.note) }),
  };
}

function sourcesOf(obj: Json): Record<string, RuleSource> {
  const sources: Record<string, RuleSource> = {};
  for (const [key, raw] of Object.entries(obj))
    if (!key.startsWith('$')) sources[key] = sourceOf(raw as Json);
  return sources;
}

/** Document, title, line, clause, quote, confidence, note: the order JSON output lists them in. */
function sourceOf(raw: Json): RuleSource {
  const optional = (key: string) => (typeof raw[key] === 'string' ? { [key]: raw[key] as string } : {});
  return {
    document: raw.document as string,
    ...optional('title'),
    ...optional('line'),
    ...optional('clause'),
    quote: raw.quote as string,
    confidence: raw.confidence as RuleSource['confidence'],
    ...optional('note'),
  };
}

function bilingual(value: unknown): Bilingual {
  const obj = value as Json;
  return { zh: obj.zh as string, en: obj.en as string };
}

function withoutComments(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([key]) => !key.startsWith('$')));
}
