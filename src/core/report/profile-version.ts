import type { RuleProfile } from '../model/rule-profile';

/**
 * A profile's version as a content fingerprint: FNV-1a (32 bit) of its JSON, so two reports made with
 * the same rules, thresholds, sources and default parameters show the same version, and any edit to
 * the profile shows a different one. Profiles carry no version number of their own.
 * @param profile the rule profile
 * @returns 8 hexadecimal digits
 * @example profileVersion(getProfile('hefei')!) // e.g. '3f2a9c01'
 */
export function profileVersion(profile: RuleProfile): string {
  const text = JSON.stringify(profile);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
