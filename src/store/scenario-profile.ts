/**
 * The scenario's rule profile: one of its user profiles, or a built-in one. Every part of the planner
 * that needs the profile (panels, exports, the results' walking-time join, worker requests) asks here.
 */
import type { RuleProfile } from '../core';
import { resolveProfile, type ProfileChoice } from '../profiles';
import type { Scenario } from './types';

type ProfileHolder = Pick<Scenario, 'profileId' | 'userProfiles'>;

/**
 * What a worker request carries to name a profile: the id, and the user profile itself when the id
 * names one of the scenario's (the worker knows only the built-in profiles).
 * @param s the scenario
 * @param id the profile wanted (default: the scenario's)
 * @returns `{ profileId }` or `{ profileId, userProfile }`
 * @example client.send('rules/evaluate', { ...profileChoice(sc), estates, overrides, defaultStatus })
 */
export function profileChoice(s: ProfileHolder, id: string = s.profileId): ProfileChoice {
  const userProfile = s.userProfiles.find((p) => p.id === id);
  return userProfile ? { profileId: id, userProfile } : { profileId: id };
}

/**
 * @param s the scenario
 * @param id the profile wanted (default: the scenario's)
 * @returns the user profile or built-in profile of that id, or undefined
 */
export function scenarioProfile(s: ProfileHolder, id: string = s.profileId): RuleProfile | undefined {
  return resolveProfile(profileChoice(s, id));
}

/**
 * @param s the scenario
 * @param id the profile (default: the scenario's)
 * @returns true when it is one of the scenario's user profiles (every output marks it so)
 */
export function isUserProfile(s: ProfileHolder, id: string = s.profileId): boolean {
  return s.userProfiles.some((p) => p.id === id);
}
