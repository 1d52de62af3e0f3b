import type { EstateStatus } from '../model/estate';
import type { Rule, RuleOperator, RuleScope } from '../model/rule-profile';
import { METRICS } from './metric-catalogue';
import { parseSource } from './parse-source';
import type { SchemaReader } from './schema-reader';

const RULE_KEYS = [
  'id',
  'title',
  'scope',
  'appliesTo',
  'metric',
  'operator',
  'threshold',
  'unit',
  'options',
  'source',
  'note',
];
const SCOPES: readonly RuleScope[] = ['estate', 'facility', 'district', 'coverage'];
const OPERATORS: readonly RuleOperator[] = ['>=', '>', '<=', '<', '=='];
const STATUSES: readonly EstateStatus[] = ['new', 'existing'];
/** `hefei.elderly-area-new`: the profile id, a dot, then lower-case words joined by hyphens. */
const RULE_ID = /^[a-z][a-z0-9]*\.[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads and checks one rule of a profile.
 * @param value the raw JSON value of `rules[index]`
 * @param index position in `rules`, named in errors when the id is unusable
 * @param fileReader reader for the profile file
 * @param profileId the profile's id; rule ids must start with it
 * @returns the rule with only known fields
 * @example parseRule(json.rules[0], 0, new SchemaReader('hefei.json'), 'hefei')
 */
export function parseRule(value: unknown, index: number, fileReader: SchemaReader, profileId: string): Rule {
  const at = `rules[${index}]`;
  const obj = fileReader.forRule(at).object(value, at);
  const rawId = obj.id;
  const reader: SchemaReader = fileReader.forRule(
    typeof rawId === 'string' && rawId !== '' ? `"${rawId}" (${at})` : at,
  );
  reader.onlyKeys(obj, RULE_KEYS, '');
  const id = reader.string(obj, 'id', '');
  if (!RULE_ID.test(id) || !id.startsWith(`${profileId}.`)) {
    reader.fail(
      'id',
      `an id such as "${profileId}.elderly-area-new" (profile id, dot, hyphenated words)`,
      id,
    );
  }
  const title = reader.bilingual(obj, 'title', '');
  const scope = reader.oneOf(obj, 'scope', SCOPES, '');
  const metric = reader.string(obj, 'metric', '');
  const spec = METRICS[metric];
  if (spec === undefined) reader.fail('metric', `one of ${Object.keys(METRICS).join(', ')}`, metric);
  if (!spec.scopes.includes(scope))
    reader.fail('scope', `${spec.scopes.join(' or ')} for metric ${metric}`, scope);
  const operator = reader.oneOf(obj, 'operator', OPERATORS, '');
  if (!spec.operators.includes(operator))
    reader.fail('operator', `"${spec.operators.join('" or "')}" for metric ${metric}`, operator);
  const threshold = reader.number(obj, 'threshold', '', 0, spec.maxThreshold ?? Infinity);
  const unit = reader.string(obj, 'unit', '');
  const appliesTo = readAppliesTo(obj.appliesTo, scope, reader);
  const options = readOptions(obj.options, metric, reader);
  const source = parseSource(obj.source, reader, 'source');
  const note = obj.note === undefined ? undefined : reader.bilingual(obj, 'note', '');
  const parsed: Rule = {
    id,
    title,
    scope,
    ...(appliesTo === undefined ? {} : { appliesTo }),
    metric,
    operator,
    threshold,
    unit,
    ...(options === undefined ? {} : { options }),
    source,
    ...(note === undefined ? {} : { note }),
  };
  spec.validate?.(parsed, reader);
  return parsed;
}

function readAppliesTo(value: unknown, scope: RuleScope, reader: SchemaReader): EstateStatus[] | undefined {
  if (scope !== 'estate') {
    if (value !== undefined)
      reader.fail('appliesTo', `no appliesTo for a ${scope}-scope rule (estate rules only)`, value);
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0)
    reader.fail('appliesTo', 'a non-empty array of "new" / "existing"', value);
  return value.map((status: unknown, i) => {
    if (!STATUSES.includes(status as EstateStatus))
      reader.fail(`appliesTo[${i}]`, '"new" or "existing"', status);
    return status as EstateStatus;
  });
}

function readOptions(value: unknown, metric: string, reader: SchemaReader): Rule['options'] {
  const allowed = METRICS[metric]?.options ?? {};
  const obj = value === undefined ? {} : reader.object(value, 'options');
  reader.onlyKeys(obj, Object.keys(allowed), 'options');
  for (const [key, { type, required }] of Object.entries(allowed)) {
    const option = obj[key];
    if (option === undefined) {
      if (required) reader.fail(`options.${key}`, `a ${type} (metric ${metric} needs it)`, option);
    } else if (typeof option !== type || (type === 'number' && !Number.isFinite(option))) {
      reader.fail(`options.${key}`, `a ${type}`, option);
    }
  }
  return value === undefined ? undefined : (obj as Rule['options']);
}
