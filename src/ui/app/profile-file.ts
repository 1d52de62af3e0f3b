/**
 * Rule profile files in the planner: reading one (checked by the core's parseRuleProfile, the one
 * validator), writing one, and the copy a “复制并编辑 / Duplicate and edit” starts from.
 */
import { parseRuleProfile, RuleProfileError, type RuleProfile } from '../../core';
import { getProfile } from '../../profiles';

/** A file that is not JSON at all (parseRuleProfile's RuleProfileError covers a malformed profile). */
export class ProfileJsonError extends Error {
  override name = 'ProfileJsonError';
  /**
   * @param file the file's name
   * @param detail JSON.parse's message
   */
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: not valid JSON (${detail})`);
  }
}

/**
 * Reads a profile file as the command line's `--profile path.json` does.
 * @param text the file's text (a UTF-8 BOM is ignored)
 * @param fileName named in every error
 * @returns the profile
 * @throws ProfileJsonError when the text is not JSON; RuleProfileError naming file, rule and field
 * @example readProfileFile(await file.text(), file.name).id // 'guiyang'
 */
export function readProfileFile(text: string, fileName: string): RuleProfile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ProfileJsonError(fileName, error instanceof Error ? error.message : String(error));
  }
  return parseRuleProfile(json, fileName);
}

/**
 * The profile as a file `lifecircle check --profile` and the planner's import read back.
 * @param profile a profile (as parseRuleProfile returns it)
 * @returns pretty-printed JSON ending in a newline
 */
export function profileFileText(profile: RuleProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/**
 * The profile under another id: the rules' ids, which must start with the profile's, follow it.
 * @param profile the profile
 * @param id the new id (lower-case letters and digits, as the schema asks)
 * @returns a copy with `id` and every `<old id>.` rule-id prefix replaced
 * @example renameProfile(hefei, 'mycity').rules[0].id // 'mycity.elderly-area-new'
 */
export function renameProfile(profile: RuleProfile, id: string): RuleProfile {
  const prefix = `${profile.id}.`;
  return {
    ...profile,
    id,
    rules: profile.rules.map((rule) =>
      rule.id.startsWith(prefix) ? { ...rule, id: `${id}.${rule.id.slice(prefix.length)}` } : rule,
    ),
  };
}

/**
 * The copy “复制并编辑 / Duplicate and edit” starts from: a new id (the original's and `user`, then
 * `user2`, … until free) and names marked as a copy; rules, parameters and sources as they were.
 * @param profile the profile to copy (built-in or user)
 * @param taken ids in use besides the built-in ones (the scenario's user profiles)
 * @returns the copy, deep enough that editing it leaves the original alone
 * @example duplicateProfile(getProfile('hefei')!, []).id // 'hefeiuser'
 */
export function duplicateProfile(profile: RuleProfile, taken: readonly string[]): RuleProfile {
  const base = profile.id.replace(/user\d*$/, '');
  let id = `${base}user`;
  for (let n = 2; getProfile(id) || taken.includes(id); n++) id = `${base}user${n}`;
  const copy = structuredClone(profile);
  return {
    ...renameProfile(copy, id),
    name: { zh: `${profile.name.zh}（副本）`, en: `${profile.name.en} (copy)` },
  };
}

/** What an error message shows: the file, the rule and the field at fault, and the core's own words. */
export interface ProfileProblem {
  file: string;
  rule: string | null;
  field: string | null;
  /** The validator's message (English), naming what was expected and what was found. */
  detail: string;
}

/**
 * @param error what readProfileFile or parseRuleProfile threw
 * @returns the parts a message names, or null for an error of another kind (a bug: rethrow it)
 */
export function profileProblem(error: unknown): ProfileProblem | null {
  if (error instanceof RuleProfileError)
    return { file: error.file, rule: error.rule, field: error.field, detail: error.message };
  if (error instanceof ProfileJsonError)
    return { file: error.file, rule: null, field: null, detail: error.message };
  return null;
}
