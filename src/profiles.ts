/**
 * The built-in rule profiles (geodata/rules/*.json), validated once when this module loads. Lives
 * outside src/core because it imports data files; the CLI and the worker both use it.
 */
import type { RuleProfile } from './core/model';
import { parseRuleProfile } from './core/rules';
import ganzi from '../geodata/rules/ganzi.json';
import hefei from '../geodata/rules/hefei.json';
import henan from '../geodata/rules/henan.json';
import national from '../geodata/rules/national.json';
import turpan from '../geodata/rules/turpan.json';
import xinjiang from '../geodata/rules/xinjiang.json';

/** The six profiles in display order: the national baseline first, then the jurisdictions. */
export const BUILTIN_PROFILES: readonly RuleProfile[] = [
  parseRuleProfile(national, 'geodata/rules/national.json'),
  parseRuleProfile(hefei, 'geodata/rules/hefei.json'),
  parseRuleProfile(henan, 'geodata/rules/henan.json'),
  parseRuleProfile(ganzi, 'geodata/rules/ganzi.json'),
  parseRuleProfile(turpan, 'geodata/rules/turpan.json'),
  parseRuleProfile(xinjiang, 'geodata/rules/xinjiang.json'),
];

/**
 * A built-in profile by id.
 * @param id `national`, `hefei`, `henan`, `ganzi`, `turpan` or `xinjiang`
 * @returns the profile, or undefined for an unknown id
 * @example getProfile('hefei')?.parameters.personsPerHousehold // 2.52
 */
export function getProfile(id: string): RuleProfile | undefined {
  return BUILTIN_PROFILES.find((profile) => profile.id === id);
}

/**
 * Which profile a request or a scenario uses: a built-in id, or a user profile (imported from a file
 * or duplicated and edited in the planner) carried whole, since only the scenario holds it — the
 * worker keeps no profiles of its own between requests.
 */
export interface ProfileChoice {
  profileId: string;
  /** The user profile that `profileId` names, when it is not a built-in one. */
  userProfile?: RuleProfile;
}

/**
 * The profile a choice names: its user profile when the ids agree, else the built-in one.
 * @param choice the id and, for a user profile, the profile itself
 * @returns the profile, or undefined when the id names neither
 * @example resolveProfile({ profileId: 'hefei' })?.id // 'hefei'
 */
export function resolveProfile(choice: ProfileChoice): RuleProfile | undefined {
  const { profileId, userProfile } = choice;
  return userProfile?.id === profileId ? userProfile : getProfile(profileId);
}
