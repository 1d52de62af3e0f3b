import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../../src/core';
import { BUILTIN_PROFILES, getProfile } from '../../../src/profiles';

describe('BUILTIN_PROFILES / getProfile', () => {
  it('loads the six profiles', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual([
      'national',
      'hefei',
      'henan',
      'ganzi',
      'turpan',
      'xinjiang',
    ]);
    expect(getProfile('henan')?.jurisdiction.zh).toBe('河南省');
    expect(getProfile('beijing')).toBeUndefined();
  });

  it('uses the census figures the policy files and README give', () => {
    // Hefei: 2.52 persons per household (census), 15.3 % aged 60+ (001 line 19); national 2.62 and 18.7 %.
    expect(getProfile('hefei')?.parameters).toMatchObject({ personsPerHousehold: 2.52, elderlyShare: 0.153 });
    expect(getProfile('national')?.parameters).toMatchObject({
      personsPerHousehold: 2.62,
      elderlyShare: 0.187,
    });
    // Ganzi: 11.36 % aged 60+, 3.85 % aged 0–3 (004 line 55).
    expect(getProfile('ganzi')?.parameters).toMatchObject({ elderlyShare: 0.1136, infantShare: 0.0385 });
  });

  it('gives every parameter and facility kind a source, and every estate rule an appliesTo', () => {
    for (const profile of BUILTIN_PROFILES) {
      for (const kind of FACILITY_KINDS) {
        const source =
          profile.parameterSources[`serviceMinutes.${kind}`] ?? profile.parameterSources.serviceMinutes;
        expect(source, `${profile.id} ${kind}`).toBeDefined();
      }
      for (const rule of profile.rules.filter((r) => r.scope === 'estate')) {
        expect(rule.appliesTo?.length, rule.id).toBeGreaterThan(0);
      }
    }
  });

  it('Hefei existing estates need 20 m² per 100 households (the issue’s check on the real file)', () => {
    const rule = getProfile('hefei')?.rules.find((r) => r.id === 'hefei.elderly-area-existing');
    expect(rule).toMatchObject({
      threshold: 20,
      appliesTo: ['existing'],
      metric: 'elderlyCareAreaPer100Households',
    });
  });
});
