import { parseRuleProfile, type ProfileOrigin, type RuleProfile } from '../core';
import { BUILTIN_PROFILES, getProfile } from '../profiles';
import { UsageError } from './errors';
import { readInputFile } from './input-file';

/** A profile ready to use, and where it came from (shown in every output). */
export interface LoadedProfile {
  profile: RuleProfile;
  origin: ProfileOrigin;
}

/** A `--profile` value names a file when it ends in .json or contains a path separator. */
const isPath = (value: string) => /\.json$/i.test(value) || /[/\\]/.test(value);

/**
 * Resolves `--profile <id|path.json>` for every command: a built-in id (`hefei`), or a profile file
 * of the user's own, validated against geodata/rules/profile.schema.json.
 * @param value the flag's value, if given
 * @param fallback the built-in id to use when the flag is absent; without one the flag is required
 * @returns the profile and its origin (`builtin`, or `user` with the file)
 * @throws UsageError for an unknown id, an unreadable file or invalid JSON; RuleProfileError (file, rule,
 *   field, expected, found) for a malformed profile — both exit 2
 * @example const { profile, origin } = await loadProfile(values.profile, 'national');
 */
export async function loadProfile(value: string | undefined, fallback?: string): Promise<LoadedProfile> {
  const ids = BUILTIN_PROFILES.map((p) => p.id).join(', ');
  const wanted = value ?? fallback;
  if (wanted === undefined || wanted === '')
    throw new UsageError(`--profile is required (${ids}, or a profile file such as my-city.json)`);
  if (!isPath(wanted)) {
    const profile = getProfile(wanted);
    if (!profile)
      throw new UsageError(
        `unknown profile "${wanted}" (expected one of ${ids}, or a path to a .json profile)`,
      );
    return { profile, origin: { source: 'builtin' } };
  }
  const bytes = await readInputFile(wanted, 'profile file');
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${wanted}: not valid JSON (${jsonWhere(text, error)})`);
  }
  return { profile: parseRuleProfile(json, wanted), origin: { source: 'user', file: wanted } };
}

/**
 * The JSON output's `profile` member: id, name, and `source` (`builtin` or `user`, with `file`).
 * @param loaded the loaded profile
 * @returns e.g. `{ id: 'guiyang', name: {…}, source: 'user', file: 'guiyang.json' }`
 */
export function profileInfo(loaded: LoadedProfile) {
  return {
    id: loaded.profile.id,
    name: loaded.profile.name,
    source: loaded.origin.source,
    ...(loaded.origin.file === undefined ? {} : { file: loaded.origin.file }),
  };
}

/** `line 4, column 7: …` from a JSON.parse error's position, when it gives one. */
function jsonWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}
