import { FACILITY_KINDS } from '../model/facility';
import { METRICS, type OptionSpec } from './metric-catalogue';
import { PARAMETER_NAMES, PARAMETER_SPECS, SERVICE_MINUTES_SPEC } from './parameter-specs';

/** A JSON Schema (draft-07) node; kept loose because the schema is data written to a file. */
export type JsonSchema = { [keyword: string]: unknown };

/** Policy files in shared/policy are named `NNN_<16 hex>.txt`; citing one requires a line number. */
export const POLICY_FILE_PATTERN = '^\\d{3}_[0-9a-f]{16}\\.txt$';
/** `hefei.elderly-area-new`: the profile id, a dot, then lower-case words joined by hyphens. */
export const RULE_ID_PATTERN = '^[a-z][a-z0-9]*\\.[a-z0-9]+(-[a-z0-9]+)*$';
/** Any text with at least one non-blank character. */
const NON_EMPTY = { type: 'string', pattern: '\\S' } as const;
/** Free text anywhere (editors' notes); ignored when read. */
const COMMENT = { $comment: { type: 'string' } };

/**
 * The rule-profile format as a JSON Schema, built from the metric catalogue and the parameter specs so
 * that the published file (`geodata/rules/profile.schema.json`, written by
 * `scripts/generate-profile-schema.ts`) and the validator cannot disagree with what the evaluator
 * computes. `description` on a field is the “expected …” text of its error messages.
 * @returns the schema, a plain JSON value
 * @example JSON.stringify(profileSchema(), null, 2)
 */
export function profileSchema(): JsonSchema {
  const parameterProperties: Record<string, JsonSchema> = {};
  for (const [name, spec] of Object.entries(PARAMETER_SPECS)) {
    parameterProperties[name] = {
      type: 'number',
      minimum: spec.min,
      maximum: spec.max,
      description: spec.unit,
    };
  }
  const minutes = { type: 'number', minimum: SERVICE_MINUTES_SPEC.min, maximum: SERVICE_MINUTES_SPEC.max };
  const sourceRef = { $ref: '#/definitions/source' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'LifeCircle rule profile',
    description:
      'Facility-allocation rules of one jurisdiction with their citations (geodata/rules/*.json). Use with: lifecircle check <file> --profile <this file>.',
    type: 'object',
    required: ['id', 'name', 'jurisdiction', 'parameters', 'parameterSources', 'rules'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      ...COMMENT,
      id: {
        type: 'string',
        pattern: '^[a-z][a-z0-9]*$',
        description: 'a lower-case profile id such as "hefei"',
      },
      name: { $ref: '#/definitions/bilingual' },
      jurisdiction: { $ref: '#/definitions/bilingual' },
      parameters: {
        type: 'object',
        required: [...Object.keys(PARAMETER_SPECS), 'serviceMinutes'],
        additionalProperties: false,
        properties: {
          ...COMMENT,
          ...parameterProperties,
          serviceMinutes: {
            type: 'object',
            required: [...FACILITY_KINDS],
            additionalProperties: false,
            properties: { ...COMMENT, ...Object.fromEntries(FACILITY_KINDS.map((kind) => [kind, minutes])) },
          },
        },
      },
      parameterSources: {
        type: 'object',
        description: 'a source for every parameter (serviceMinutes: one for all kinds, or one per kind)',
        additionalProperties: false,
        properties: {
          ...COMMENT,
          ...Object.fromEntries([...PARAMETER_NAMES, 'serviceMinutes'].map((name) => [name, sourceRef])),
        },
      },
      rules: {
        type: 'array',
        minItems: 1,
        description: 'a non-empty array of rules',
        items: { $ref: '#/definitions/rule' },
      },
    },
    definitions: { bilingual: bilingualSchema(), source: sourceSchema(), rule: ruleSchema() },
  };
}

function bilingualSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['zh', 'en'],
    additionalProperties: false,
    properties: { ...COMMENT, zh: NON_EMPTY, en: NON_EMPTY },
  };
}

function sourceSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['document', 'quote', 'confidence'],
    additionalProperties: false,
    properties: {
      ...COMMENT,
      document: { ...NON_EMPTY, description: 'a policy file in shared/policy (NNN_<hex>.txt) or a standard' },
      title: NON_EMPTY,
      line: {
        type: 'string',
        pattern: '^\\d+(, \\d+)*$',
        description: 'line numbers such as "207" or "207, 247"',
      },
      clause: NON_EMPTY,
      quote: NON_EMPTY,
      confidence: { enum: ['verified', 'secondary', 'to-verify'] },
      note: NON_EMPTY,
    },
    // Citing a policy file needs the `grep -n` line number of the quote.
    if: {
      properties: { document: { type: 'string', pattern: POLICY_FILE_PATTERN } },
      required: ['document'],
    },
    then: { required: ['line'] },
  };
}

function ruleSchema(): JsonSchema {
  const metricBranches = Object.entries(METRICS).map(([metric, spec]) => {
    const required = Object.entries(spec.options)
      .filter(([, option]) => option.required)
      .map(([name]) => name);
    const options: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...COMMENT,
        ...Object.fromEntries(
          Object.entries(spec.options).map(([name, option]) => [name, optionSchema(option)]),
        ),
      },
      ...(required.length > 0 ? { required } : {}),
    };
    const threshold: JsonSchema =
      spec.maxThreshold === undefined
        ? { type: 'number', minimum: 0 }
        : { type: 'number', minimum: 0, maximum: spec.maxThreshold };
    return {
      if: { properties: { metric: { const: metric } }, required: ['metric'] },
      then: {
        properties: {
          scope: { enum: [...spec.scopes] },
          operator: { enum: [...spec.operators] },
          unit: { enum: [...spec.units] },
          threshold,
          options,
        },
        ...(required.length > 0 ? { required: ['options'] } : {}),
      },
    };
  });
  return {
    type: 'object',
    required: ['id', 'title', 'scope', 'metric', 'operator', 'threshold', 'unit', 'source'],
    additionalProperties: false,
    properties: {
      ...COMMENT,
      id: {
        type: 'string',
        pattern: RULE_ID_PATTERN,
        description: 'an id such as "hefei.elderly-area-new" (profile id, dot, hyphenated words)',
      },
      title: { $ref: '#/definitions/bilingual' },
      scope: { enum: ['estate', 'facility', 'district', 'coverage'] },
      appliesTo: {
        type: 'array',
        minItems: 1,
        description: 'a non-empty array of "new" / "existing"',
        items: { enum: ['new', 'existing'] },
      },
      metric: { enum: Object.keys(METRICS) },
      operator: { enum: ['>=', '>', '<=', '<', '=='] },
      threshold: { type: 'number', minimum: 0 },
      unit: NON_EMPTY,
      options: { type: 'object' },
      source: { $ref: '#/definitions/source' },
      note: { $ref: '#/definitions/bilingual' },
    },
    allOf: [
      ...metricBranches,
      // Estate rules say which estates they apply to; other scopes have no appliesTo.
      {
        if: { properties: { scope: { const: 'estate' } }, required: ['scope'] },
        then: { required: ['appliesTo'] },
        else: { properties: { appliesTo: false } },
      },
    ],
  };
}

function optionSchema(option: OptionSpec): JsonSchema {
  if (option.type === 'name')
    return { enum: [...option.of], description: `${option.what} (${option.of.join(', ')})` };
  if (option.type !== 'list') return { type: option.type };
  const word = `(${option.of.join('|')})`;
  return {
    type: 'string',
    pattern: `^${word}(\\s*,\\s*${word})*$`,
    description: `comma-separated ${option.what} from ${option.of.join(', ')}`,
  };
}
