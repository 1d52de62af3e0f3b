import { describe, expect, it } from 'vitest';
import { PARAMETER_NAMES, resolveParameters } from '../../../src/core';
import { BUILTIN_PROFILES, getProfile } from '../../../src/profiles';

const hefei = getProfile('hefei')!;

describe('resolveParameters', () => {
  it('applies numeric overrides, including a service-minutes kind, without touching the profile', () => {
    const { parameters, errors, overridden } = resolveParameters(hefei, {
      personsPerHousehold: '3.2',
      'serviceMinutes.nursery': ' 10 ',
    });
    expect(errors).toEqual([]);
    expect(overridden).toEqual(['personsPerHousehold', 'serviceMinutes.nursery']);
    expect(parameters.personsPerHousehold).toBe(3.2);
    expect(parameters.serviceMinutes.nursery).toBe(10);
    expect(hefei.parameters.personsPerHousehold).toBe(2.52);
    expect(hefei.parameters.serviceMinutes.nursery).toBe(5);
  });

  it('rejects an unknown name and lists the valid ones', () => {
    const { errors, parameters } = resolveParameters(hefei, { personsPerHouse: '3' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Unknown parameter "personsPerHouse"');
    for (const name of [
      'personsPerHousehold',
      'walkingSpeed',
      'serviceMinutes.elderly-daycare',
      'elderlyShare',
    ]) {
      expect(errors[0]).toContain(name);
    }
    expect(parameters).toEqual(hefei.parameters);
  });

  it('rejects non-numbers, empty values and out-of-range values, keeping the default', () => {
    const { errors, parameters } = resolveParameters(hefei, {
      walkingSpeed: 'fast',
      infantShare: '',
      elderlyShare: '15.3',
      'serviceMinutes.day-care': '5',
    });
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe('Parameter "walkingSpeed" must be a number (m/s), got "fast".');
    expect(errors[1]).toContain('"infantShare" must be a number');
    expect(errors[2]).toBe('Parameter "elderlyShare" must be between 0 and 1 share, got 15.3.');
    expect(errors[3]).toContain('Unknown parameter "serviceMinutes.day-care"');
    expect(parameters.elderlyShare).toBe(0.153);
  });

  it('every profile defines every parameter the CLI may override', () => {
    for (const profile of BUILTIN_PROFILES) {
      const raw = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, '1']));
      expect(resolveParameters(profile, raw).errors, profile.id).toEqual([]);
    }
  });
});
