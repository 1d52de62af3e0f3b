import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleProfile, RuleProfileError } from '../../../src/core';
import {
  profileSchemaFiles,
  SCHEMA_FILE,
  VALIDATOR_FILE,
} from '../../../scripts/profile-schema/schema-files';

const FILE = 'my-city.json';
const root = new URL('../../../', import.meta.url);
const minimal = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('tests/fixtures/rules/in/minimal-profile.json', root), 'utf8'));
const rule = (json: Record<string, unknown>, i: number) =>
  (json.rules as Record<string, unknown>[])[i] as Record<string, unknown>;

function errorOf(json: unknown): RuleProfileError {
  try {
    parseRuleProfile(json, FILE);
  } catch (error) {
    if (error instanceof RuleProfileError) return error;
    throw error;
  }
  throw new Error('expected a RuleProfileError, but the profile was accepted');
}

describe('profile.schema.json', () => {
  it('is the schema the code builds, and the precompiled validator is up to date (npm run profile-schema)', async () => {
    const { schema, validator } = await profileSchemaFiles();
    expect(readFileSync(new URL(SCHEMA_FILE, root), 'utf8')).toBe(schema);
    expect(readFileSync(new URL(VALIDATOR_FILE, root), 'utf8')).toBe(validator);
  });

  it('is named by every built-in profile, so editors check and complete them', () => {
    for (const id of ['national', 'hefei', 'henan', 'ganzi', 'turpan', 'xinjiang']) {
      const json = JSON.parse(readFileSync(new URL(`geodata/rules/${id}.json`, root), 'utf8'));
      expect(json.$schema, id).toBe('./profile.schema.json');
      expect(parseRuleProfile(json, `${id}.json`).id).toBe(id);
    }
  });

  it('rejects a unit the metric is not measured in, naming the rule and the allowed unit', () => {
    const json = minimal();
    rule(json, 1).unit = 'beds per 1000';
    const error = errorOf(json);
    expect(error.message).toBe(
      `${FILE}: rule "test.beds" (rules[1]), field "unit": expected "beds/1000 elderly" for metric bedsPer1000Elderly, got "beds per 1000" (string)`,
    );
  });

  it('rejects an unknown scope and an unknown facility kind in options', () => {
    const json = minimal();
    rule(json, 1).scope = 'city';
    const error = errorOf(json);
    expect([error.rule, error.field]).toEqual(['"test.beds" (rules[1])', 'scope']);
    expect(error.message).toContain('"city"');

    const kinds = minimal();
    Object.assign(rule(kinds, 1), {
      scope: 'coverage',
      metric: 'walkingMinutesToService',
      operator: '<=',
      threshold: 15,
      unit: 'min',
      options: { kinds: 'elderly-daycare, pharmacy' },
    });
    const kindError = errorOf(kinds);
    expect(kindError.field).toBe('options.kinds');
    expect(kindError.message).toContain('comma-separated facility kinds from elderly-daycare');
  });

  it('keeps only known fields in a stable order and drops $schema and $comment', () => {
    const json = { $schema: './profile.schema.json', ...minimal() };
    rule(json, 0).$comment = 'draft';
    const profile = parseRuleProfile(json, FILE);
    expect(Object.keys(profile)).toEqual([
      'id',
      'name',
      'jurisdiction',
      'parameters',
      'parameterSources',
      'rules',
    ]);
    expect(Object.keys(profile.rules[0] ?? {})).not.toContain('$comment');
    expect(Object.keys(profile.rules[0]?.source ?? {})).toEqual(['document', 'line', 'quote', 'confidence']);
  });

  it('rejects a threshold above the metric’s maximum and a categories threshold above its list', () => {
    const share = minimal();
    Object.assign(rule(share, 1), { metric: 'nursingBedShare', unit: '%', threshold: 140 });
    const error = errorOf(share);
    expect(error.field).toBe('threshold');
    expect(error.message).toContain('a number from 0 to 100 for metric nursingBedShare, got 140 (number)');

    const categories = minimal();
    Object.assign(rule(categories, 0), {
      metric: 'careCategoriesProvided',
      unit: 'categories',
      threshold: 2,
      options: { categories: 'childcare' },
    });
    expect(errorOf(categories).message).toContain('a whole number of categories ≤ 1');
  });
});
