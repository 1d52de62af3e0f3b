import { describe, expect, it } from 'vitest';
import { PARAMETER_NAMES, resolveParameters } from '../../../src/core';
import { getProfile } from '../../../src/profiles';

const hefei = getProfile('hefei')!;

describe('resolveParameters: Chinese error texts', () => {
  it('gives one Chinese message per English one, in the same order, keeping the English', () => {
    const { errors, errorsZh } = resolveParameters(hefei, {
      personsPerHouse: '3',
      walkingSpeed: 'fast',
      elderlyShare: '15.3',
      'serviceMinutes.nursery': '500',
    });
    expect(errors).toHaveLength(4);
    expect(errorsZh).toHaveLength(4);
    expect(errors[1]).toBe('Parameter "walkingSpeed" must be a number (m/s), got "fast".');
    expect(errorsZh[0]).toContain('未知参数“personsPerHouse”');
    for (const name of PARAMETER_NAMES) expect(errorsZh[0]).toContain(name);
    expect(errorsZh[1]).toBe('参数“walkingSpeed”应为数字（米/秒），实际为“fast”。');
    expect(errorsZh[2]).toBe('参数“elderlyShare”应在 0 至 1（比例）之间，实际为 15.3。');
    expect(errorsZh[3]).toBe('参数“serviceMinutes.nursery”应在 1 至 120（分钟）之间，实际为 500。');
  });

  it('has no Chinese errors when every override is accepted', () => {
    expect(resolveParameters(hefei, { personsPerHousehold: '3.2' }).errorsZh).toEqual([]);
  });

  it('translates the unit of every parameter (no English unit left in the Chinese text)', () => {
    const raw = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, '-1e9']));
    const { errors, errorsZh } = resolveParameters(hefei, raw);
    expect(errorsZh).toHaveLength(PARAMETER_NAMES.length);
    errorsZh.forEach((zh, i) => {
      expect(zh, errors[i]).toMatch(/^参数“.+”应在 .+（[^A-Za-z（）]+）之间，实际为 -1000000000。$/);
    });
  });
});
