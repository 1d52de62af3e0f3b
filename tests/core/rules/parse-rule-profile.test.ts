import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleProfile, RuleProfileError } from '../../../src/core';

const FILE = 'minimal-profile.json';
const minimal = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../fixtures/rules/in/minimal-profile.json', import.meta.url), 'utf8'));

/** The first rule of a fresh copy, to mutate. */
function withRule(mutate: (rule: Record<string, unknown>) => void): Record<string, unknown> {
  const json = minimal();
  mutate((json.rules as Record<string, unknown>[])[0] as Record<string, unknown>);
  return json;
}

/** Parses and returns the RuleProfileError it must throw. */
function errorOf(json: unknown): RuleProfileError {
  try {
    parseRuleProfile(json, FILE);
  } catch (error) {
    if (error instanceof RuleProfileError) return error;
    throw error;
  }
  throw new Error('expected a RuleProfileError, but the profile was accepted');
}

describe('parseRuleProfile', () => {
  it('accepts the minimal profile and keeps its figures', () => {
    const profile = parseRuleProfile(minimal(), FILE);
    expect(profile.id).toBe('test');
    expect(profile.rules.map((r) => r.id)).toEqual(['test.elderly-area-new', 'test.beds']);
    expect(profile.rules[0]?.options).toEqual({ minFacilityArea: 350 });
    expect(profile.parameters.serviceMinutes['elderly-home']).toBe(15);
    expect(profile.rules[0]?.source.line).toBe('207');
  });

  it('names file, rule and field for a missing field', () => {
    const error = errorOf(withRule((rule) => delete rule.threshold));
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('test.elderly-area-new');
    expect(error.message).toContain('"threshold"');
    expect(error.message).toContain('a finite number');
    expect(error.message).toContain('missing');
    expect([error.file, error.field]).toEqual([FILE, 'threshold']);
  });

  it('names file, rule and field for a wrong type', () => {
    const error = errorOf(withRule((rule) => (rule.threshold = '30')));
    expect(error.message).toBe(
      `${FILE}: rule "test.elderly-area-new" (rules[0]), field "threshold": expected a finite number, got "30" (string)`,
    );
  });

  it('rejects a bad confidence, naming source.confidence and the allowed values', () => {
    const error = errorOf(
      withRule((rule) => ((rule.source as Record<string, unknown>).confidence = 'certain')),
    );
    expect(error.field).toBe('source.confidence');
    expect(error.rule).toBe('"test.elderly-area-new" (rules[0])');
    expect(error.message).toContain('"verified", "secondary", "to-verify"');
    expect(error.message).toContain('"certain"');
  });

  it('names the rule by index when its id is missing', () => {
    const error = errorOf(withRule((rule) => delete rule.id));
    expect(error.rule).toBe('rules[0]');
    expect(error.field).toBe('id');
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const error = errorOf(
      withRule((rule) => {
        rule.treshold = rule.threshold;
        delete rule.threshold;
      }),
    );
    expect(error.field).toBe('treshold');
    expect(error.message).toContain('no such field');
  });

  it('rejects an unknown metric, listing the known ones', () => {
    const error = errorOf(withRule((rule) => (rule.metric = 'parkingPer100Households')));
    expect(error.field).toBe('metric');
    expect(error.message).toContain('elderlyCareAreaPer100Households');
  });

  it('rejects an option of the wrong type and an option the metric does not know', () => {
    expect(errorOf(withRule((rule) => (rule.options = { minFacilityArea: '350' }))).field).toBe(
      'options.minFacilityArea',
    );
    expect(errorOf(withRule((rule) => (rule.options = { perFloor: 1 }))).field).toBe('options.perFloor');
  });

  it('requires appliesTo on estate rules and refuses it elsewhere', () => {
    expect(errorOf(withRule((rule) => delete rule.appliesTo)).field).toBe('appliesTo');
    expect(errorOf(withRule((rule) => (rule.appliesTo = ['old']))).field).toBe('appliesTo[0]');
    const json = minimal();
    ((json.rules as Record<string, unknown>[])[1] as Record<string, unknown>).appliesTo = ['new'];
    expect(errorOf(json).rule).toBe('"test.beds" (rules[1])');
  });

  it('requires a line number when a policy file is cited', () => {
    const error = errorOf(withRule((rule) => delete (rule.source as Record<string, unknown>).line));
    expect(error.field).toBe('source.line');
    expect(error.message).toContain('001_82989894b6aaeb46.txt');
  });

  it('rejects a duplicate rule id and an id outside the profile', () => {
    const json = minimal();
    const rules = json.rules as Record<string, unknown>[];
    rules.push({ ...(rules[0] as object) });
    expect(errorOf(json).message).toContain('rules[2]');
    expect(errorOf(withRule((rule) => (rule.id = 'hefei.elderly-area-new'))).field).toBe('id');
  });

  it('rejects a metric used in the wrong scope', () => {
    const error = errorOf(withRule((rule) => (rule.scope = 'district')));
    expect(error.field).toBe('scope');
    expect(error.message).toContain(
      'expected estate for metric elderlyCareAreaPer100Households, got "district"',
    );
  });

  it('names profile-level fields without a rule: parameters out of range, missing sources', () => {
    const json = minimal();
    (json.parameters as Record<string, unknown>).elderlyShare = 18.7;
    const error = errorOf(json);
    expect(error.rule).toBeNull();
    expect(error.field).toBe('parameters.elderlyShare');
    expect(error.message).toContain('from 0 to 1');

    const noSource = minimal();
    delete (noSource.parameterSources as Record<string, unknown>).walkingSpeed;
    expect(errorOf(noSource).field).toBe('parameterSources.walkingSpeed');

    const noKind = minimal();
    delete ((noKind.parameters as Record<string, unknown>).serviceMinutes as Record<string, unknown>).nursery;
    expect(errorOf(noKind).field).toBe('parameters.serviceMinutes.nursery');
  });

  it('rejects values that are not a profile at all', () => {
    expect(errorOf(null).message).toContain(`${FILE}: field "(profile)": expected an object, got null`);
    expect(errorOf({ ...minimal(), rules: [] }).field).toBe('rules');
  });
});
