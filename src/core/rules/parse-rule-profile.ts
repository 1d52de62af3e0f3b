import { FACILITY_KINDS, type FacilityKind } from '../model/facility';
import type { ProfileParameters, Rule, RuleProfile, RuleSource } from '../model/rule-profile';
import { PARAMETER_NAMES, PARAMETER_SPECS, SERVICE_MINUTES_SPEC } from './parameter-specs';
import { parseRule } from './parse-rule';
import { parseSource } from './parse-source';
import { SchemaReader } from './schema-reader';

const PROFILE_KEYS = ['id', 'name', 'jurisdiction', 'parameters', 'parameterSources', 'rules'];

/**
 * Validates a rule profile read from JSON (geodata/rules/*.json) against the schema, by hand.
 * Unknown fields are rejected so that a typo never silently drops a number.
 * @param json the parsed JSON value
 * @param fileName the file it came from, named in every error
 * @returns the profile, typed, holding only known fields
 * @throws RuleProfileError naming the file, the rule (id or index) and the field, and what was expected
 * @example
 * const profile = parseRuleProfile(JSON.parse(text), 'hefei.json');
 */
export function parseRuleProfile(json: unknown, fileName: string): RuleProfile {
  const reader: SchemaReader = new SchemaReader(fileName);
  const obj = reader.object(json, '(profile)');
  reader.onlyKeys(obj, PROFILE_KEYS, '');
  const id = reader.string(obj, 'id', '');
  if (!/^[a-z][a-z0-9]*$/.test(id)) reader.fail('id', 'a lower-case profile id such as "hefei"', id);
  const name = reader.bilingual(obj, 'name', '');
  const jurisdiction = reader.bilingual(obj, 'jurisdiction', '');
  const parameters = parseParameters(obj.parameters, reader);
  const parameterSources = parseParameterSources(obj.parameterSources, reader);
  const rawRules = obj.rules;
  if (!Array.isArray(rawRules) || rawRules.length === 0)
    reader.fail('rules', 'a non-empty array of rules', rawRules);
  const rules: Rule[] = [];
  const seen = new Set<string>();
  rawRules.forEach((raw: unknown, index) => {
    const rule = parseRule(raw, index, reader, id);
    if (seen.has(rule.id))
      reader
        .forRule(`"${rule.id}" (rules[${index}])`)
        .fail('id', 'an id not used by an earlier rule', rule.id);
    seen.add(rule.id);
    rules.push(rule);
  });
  return { id, name, jurisdiction, parameters, parameterSources, rules };
}

function parseParameters(value: unknown, reader: SchemaReader): ProfileParameters {
  const obj = reader.object(value, 'parameters');
  const names = Object.keys(PARAMETER_SPECS);
  reader.onlyKeys(obj, [...names, 'serviceMinutes'], 'parameters');
  const numbers: Record<string, number> = {};
  for (const name of names) {
    const spec = PARAMETER_SPECS[name];
    if (spec !== undefined) numbers[name] = reader.number(obj, name, 'parameters', spec.min, spec.max);
  }
  const minutesObj = reader.object(obj.serviceMinutes, 'parameters.serviceMinutes');
  reader.onlyKeys(minutesObj, FACILITY_KINDS, 'parameters.serviceMinutes');
  const serviceMinutes = {} as Record<FacilityKind, number>;
  for (const kind of FACILITY_KINDS) {
    serviceMinutes[kind] = reader.number(
      minutesObj,
      kind,
      'parameters.serviceMinutes',
      SERVICE_MINUTES_SPEC.min,
      SERVICE_MINUTES_SPEC.max,
    );
  }
  return { ...numbers, serviceMinutes } as ProfileParameters;
}

/** Every parameter needs a source: `serviceMinutes.<kind>` each, or one `serviceMinutes` entry for all kinds. */
function parseParameterSources(value: unknown, reader: SchemaReader): Record<string, RuleSource> {
  const obj = reader.object(value, 'parameterSources');
  reader.onlyKeys(obj, [...PARAMETER_NAMES, 'serviceMinutes'], 'parameterSources');
  const sources: Record<string, RuleSource> = {};
  for (const [key, raw] of Object.entries(obj)) {
    if (key !== '$comment') sources[key] = parseSource(raw, reader, `parameterSources.${key}`);
  }
  for (const name of PARAMETER_NAMES) {
    const coveredByGroup = name.startsWith('serviceMinutes.') && sources.serviceMinutes !== undefined;
    if (sources[name] === undefined && !coveredByGroup)
      reader.fail(`parameterSources.${name}`, 'a source for this parameter', undefined);
  }
  return sources;
}
