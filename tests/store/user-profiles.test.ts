/** User rule profiles in the store: save (add, replace, rename), remove, undo, new scenario, load. */
import { describe, expect, it } from 'vitest';
import type { RuleProfile } from '../../src/core';
import { getProfile } from '../../src/profiles';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import { isUserProfile, profileChoice, scenarioProfile } from '../../src/store/scenario-profile';
import type { AppState, Scenario } from '../../src/store/types';
import { withWalkingTimes } from '../../src/store/walking-time-compliance';
import { duplicateProfile } from '../../src/ui/app/profile-file';
import { scenario } from './fixtures';

const hefei = getProfile('hefei')!;
/** A copy of Hefei with one threshold changed, as the editor saves it. */
const copy = (id = 'hefeiuser', threshold = 25): RuleProfile => {
  const p = duplicateProfile(hefei, []);
  return {
    ...p,
    id,
    rules: p.rules.map((r, k) => ({
      ...r,
      id: r.id.replace('hefeiuser.', `${id}.`),
      ...(k === 1 ? { threshold } : {}),
    })),
  };
};
const loaded = (s: Partial<Scenario> = {}): AppState =>
  reduce(initialState(), { type: 'scenario/load', scenario: { ...scenario(), ...s } });

describe('profile/save and profile/remove', () => {
  it('adds a user profile, selects it and clears the overrides of the profile left', () => {
    let s = loaded({ profileId: 'hefei', overrides: { personsPerHousehold: 3 } });
    s = reduce(s, { type: 'profile/save', profile: copy() });
    expect(s.scenario.userProfiles.map((p) => p.id)).toEqual(['hefeiuser']);
    expect(s.scenario.profileId).toBe('hefeiuser');
    expect(s.scenario.overrides).toEqual({});
    expect(scenarioProfile(s.scenario)?.rules[1]!.threshold).toBe(25);
    expect(isUserProfile(s.scenario)).toBe(true);
    expect(isUserProfile(s.scenario, 'hefei')).toBe(false);
    // Undo is a scenario edit like any other.
    s = reduce(s, { type: 'history/undo' });
    expect(s.scenario.userProfiles).toEqual([]);
    expect(s.scenario.profileId).toBe('hefei');
  });

  it('replaces the profile of the same id, keeping the overrides of the selected profile edited', () => {
    let s = reduce(loaded(), { type: 'profile/save', profile: copy('hefeiuser', 25) });
    s = reduce(s, { type: 'parameter/set', name: 'walkingSpeed', value: 1.2 });
    s = reduce(s, { type: 'profile/save', profile: copy('hefeiuser', 12) });
    expect(s.scenario.userProfiles).toHaveLength(1);
    expect(s.scenario.userProfiles[0]!.rules[1]!.threshold).toBe(12);
    expect(s.scenario.overrides).toEqual({ walkingSpeed: 1.2 });
  });

  it('renames through `replaces`, refuses a built-in id and an id another user profile has', () => {
    let s = reduce(loaded(), { type: 'profile/save', profile: copy('one') });
    s = reduce(s, { type: 'profile/save', profile: copy('two') });
    s = reduce(s, { type: 'profile/save', profile: copy('three'), replaces: 'one' });
    expect(s.scenario.userProfiles.map((p) => p.id)).toEqual(['three', 'two']);
    expect(s.scenario.profileId).toBe('three');
    const before = s;
    expect(reduce(s, { type: 'profile/save', profile: { ...hefei } })).toBe(before);
    expect(reduce(s, { type: 'profile/save', profile: copy('two'), replaces: 'three' })).toBe(before);
  });

  it('removes a user profile and falls back to the national profile when it was selected', () => {
    let s = reduce(loaded(), { type: 'profile/save', profile: copy('one') });
    s = reduce(s, { type: 'profile/save', profile: copy('two') });
    s = reduce(s, { type: 'profile/remove', profileId: 'one' });
    expect(s.scenario).toMatchObject({ profileId: 'two' });
    s = reduce(s, { type: 'profile/remove', profileId: 'two' });
    expect(s.scenario).toMatchObject({ profileId: 'national', userProfiles: [] });
    expect(reduce(s, { type: 'profile/remove', profileId: 'nope' })).toBe(s);
  });

  it('keeps user profiles in a new scenario, and loads a scenario saved before they existed', () => {
    let s = reduce(loaded(), { type: 'profile/save', profile: copy() });
    s = reduce(s, { type: 'scenario/new', id: 'n', name: '新方案' });
    expect(s.scenario).toMatchObject({ profileId: 'hefeiuser' });
    expect(s.scenario.userProfiles).toHaveLength(1);
    const { userProfiles: _, ...old } = scenario();
    const back = reduce(initialState(), { type: 'scenario/load', scenario: old as Scenario });
    expect(back.scenario.userProfiles).toEqual([]);
  });
});

describe('profileChoice', () => {
  it('carries the user profile for a user id and nothing else for a built-in one', () => {
    const s = { ...scenario(), userProfiles: [copy()], profileId: 'hefeiuser' };
    expect(profileChoice(s)).toEqual({ profileId: 'hefeiuser', userProfile: s.userProfiles[0] });
    expect(profileChoice(s, 'hefei')).toEqual({ profileId: 'hefei' });
    expect(scenarioProfile(s, 'hefei')).toBe(hefei);
    expect(scenarioProfile(s, 'nope')).toBeUndefined();
  });

  it("joins walking times with the user profile's coverage rule when results arrive", () => {
    // The user profile's walking-time rule asks 5 minutes instead of Hefei's 15.
    const user = copy();
    const rules = user.rules.map((r) => (r.scope === 'coverage' ? { ...r, threshold: 5 } : r));
    const profile = { ...user, rules };
    let s = reduce(loaded(), { type: 'profile/save', profile });
    const minutes = 8;
    const evaluation = {
      estates: s.scenario.estates.map((e) => ({
        id: e.id,
        row: e.row,
        name: e.name,
        households: e.households,
        residents: 2520,
        residentsDerived: true,
        status: e.status,
        overall: 'pass' as const,
        verdicts: [],
      })),
      summary: { overall: { pass: 2, fail: 0, 'insufficient-data': 0, 'not-applicable': 0 }, rules: [] },
      parameters: profile.parameters,
      parameterErrors: [],
      profileId: 'hefeiuser',
    };
    const kindRows = s.scenario.estates.map((e) => ({
      id: e.id,
      nearestFacility: 'f1',
      minutes,
      distanceM: 480,
      covered: true,
      offNetwork: false,
      underserved: false,
      households: e.households,
      demand: null,
      supplyDemandRatio: null,
    }));
    const coverage = {
      byKind: Object.fromEntries(
        ['elderly-daycare', 'elderly-station'].map((k) => [k, { estates: kindRows }]),
      ),
    } as never;
    s = reduce(s, { type: 'results/evaluation', evaluation: evaluation as never });
    s = reduce(s, { type: 'results/coverage', coverage });
    const joined = s.results.evaluation!.estates[0]!.verdicts.find(
      (v) => v.rule === 'hefeiuser.elderly-15min',
    );
    expect(joined?.status).toBe('fail');
    // The same rows under Hefei's own 15 minutes pass: the user profile is what made the difference.
    const asHefei = withWalkingTimes({ ...evaluation, profileId: 'hefei' } as never, coverage, hefei);
    expect(asHefei!.estates[0]!.verdicts.find((v) => v.rule === 'hefei.elderly-15min')?.status).toBe('pass');
  });
});
