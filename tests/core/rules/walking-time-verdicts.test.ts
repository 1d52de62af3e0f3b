/**
 * Walking-time (coverage-scope) verdicts: the Hefei profile's `hefei.elderly-15min` rule judged from
 * hand-made coverage answers; unknown is never read as a failure.
 */
import { describe, expect, it } from 'vitest';
import { walkingTimeVerdict, withWalkingTimeVerdicts, type EstateReach } from '../../../src/core';
import type { EstateResult } from '../../../src/core';
import { getProfile } from '../../../src/profiles';

const hefei = getProfile('hefei')!;
const rule = hefei.rules.find((r) => r.id === 'hefei.elderly-15min')!;
const reach = (minutes: number | null, offNetwork = false): EstateReach => ({ minutes, offNetwork });

describe('walkingTimeVerdict', () => {
  it("takes the nearest of the rule's kinds: 12 min to a station passes, 20 min to both fails by 5", () => {
    const pass = walkingTimeVerdict(rule, 'e', (_, kind) =>
      kind === 'elderly-station' ? reach(12) : reach(18),
    );
    expect(pass).toMatchObject({ status: 'pass', required: 15, provided: 12, shortfall: 0, unit: 'min' });
    expect(pass.source.line).toBe(rule.source.line);
    const fail = walkingTimeVerdict(rule, 'e', () => reach(20));
    expect(fail).toMatchObject({ status: 'fail', provided: 20, shortfall: 5 });
  });

  it('ignores kinds the rule does not name', () => {
    const v = walkingTimeVerdict(rule, 'e', (_, kind) => (kind === 'nursery' ? reach(1) : reach(30)));
    expect(v.status).toBe('fail');
    expect(v.provided).toBe(30);
  });

  it('fails on the network when no facility of the kinds can be reached at all', () => {
    const v = walkingTimeVerdict(rule, 'e', () => reach(null, false));
    expect(v.status).toBe('fail');
    expect(v.provided).toBeNull();
    expect(v.noteZh).toMatch(/无法到达/);
    // One kind reachable is enough to judge by its minutes.
    const one = walkingTimeVerdict(rule, 'e', (_, kind) =>
      kind === 'elderly-daycare' ? reach(9) : reach(null),
    );
    expect(one).toMatchObject({ status: 'pass', provided: 9 });
  });

  it('is insufficient-data without coverage or off the network', () => {
    expect(walkingTimeVerdict(rule, 'e', () => undefined).status).toBe('insufficient-data');
    const off = walkingTimeVerdict(rule, 'e', () => reach(null, true));
    expect(off.status).toBe('insufficient-data');
    expect(off.note).toMatch(/off the street network/);
  });
});

describe('withWalkingTimeVerdicts', () => {
  const estate = (id: string, overall: EstateResult['overall']): EstateResult => ({
    id,
    row: 1,
    name: id,
    households: 100,
    residents: 252,
    residentsDerived: true,
    status: 'existing',
    statusDefaulted: false,
    overall,
    verdicts: [
      {
        rule: 'hefei.elderly-area-existing',
        status: overall,
        required: 20,
        provided: overall === 'pass' ? 25 : 10,
        shortfall: overall === 'pass' ? 0 : 10,
        unit: 'm²',
        source: rule.source,
      },
    ],
  });

  it('adds one verdict per coverage rule and a far estate that passed the area rule now fails overall', () => {
    const input = [estate('near', 'pass'), estate('far', 'pass')];
    const out = withWalkingTimeVerdicts(input, hefei.rules, (id) => reach(id === 'near' ? 5 : 25));
    const coverageRules = hefei.rules.filter((r) => r.scope === 'coverage').map((r) => r.id);
    expect(coverageRules.length).toBeGreaterThan(0);
    for (const e of out)
      expect(e.verdicts.map((v) => v.rule)).toEqual(['hefei.elderly-area-existing', ...coverageRules]);
    expect(out.map((e) => e.overall)).toEqual(['pass', 'fail']);
    expect(input[1]!.overall).toBe('pass'); // the input is not changed
    expect(input[1]!.verdicts).toHaveLength(1);
  });

  it('replaces walking-time verdicts already there instead of adding them twice', () => {
    const once = withWalkingTimeVerdicts([estate('a', 'pass')], hefei.rules, () => reach(25));
    const twice = withWalkingTimeVerdicts(once, hefei.rules, () => reach(5));
    expect(twice[0]!.verdicts).toHaveLength(once[0]!.verdicts.length);
    expect(twice[0]!.overall).toBe('pass');
  });
});
