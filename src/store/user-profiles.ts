/** The scenario's user profiles: saving (add, replace, rename) and removing, as pure scenario edits. */
import type { RuleProfile } from '../core';
import { BUILTIN_PROFILES, getProfile } from '../profiles';
import type { Scenario } from './types';

/**
 * Adds or replaces a user profile and selects it. Overrides are kept when the selected profile is the
 * one edited (its id unchanged) and cleared otherwise, as when another profile is picked.
 * @param s the scenario
 * @param profile a profile valid by parseRuleProfile
 * @param replaces the id it had before an edit renamed it
 * @returns the new scenario, or `s` when the id is a built-in profile's or taken by another user profile
 * @example saveUserProfile(s, { ...copy, id: 'hefeicopy' })
 */
export function saveUserProfile(s: Scenario, profile: RuleProfile, replaces?: string): Scenario {
  if (getProfile(profile.id)) return s;
  const old = replaces ?? profile.id;
  if (old !== profile.id && s.userProfiles.some((p) => p.id === profile.id)) return s;
  const index = s.userProfiles.findIndex((p) => p.id === old);
  const userProfiles =
    index < 0 ? [...s.userProfiles, profile] : s.userProfiles.map((p, k) => (k === index ? profile : p));
  const sameSelection = s.profileId === old;
  return {
    ...s,
    userProfiles,
    profileId: profile.id,
    overrides: sameSelection ? s.overrides : {},
  };
}

/**
 * @param s the scenario
 * @param id a user profile's id
 * @returns the scenario without it (the national profile selected if it was), or `s` for an unknown id
 */
export function removeUserProfile(s: Scenario, id: string): Scenario {
  if (!s.userProfiles.some((p) => p.id === id)) return s;
  const userProfiles = s.userProfiles.filter((p) => p.id !== id);
  return s.profileId === id
    ? { ...s, userProfiles, profileId: BUILTIN_PROFILES[0]!.id, overrides: {} }
    : { ...s, userProfiles };
}
