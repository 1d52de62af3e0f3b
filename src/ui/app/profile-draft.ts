/**
 * The profile editor's form as text fields, and back: what the user typed goes to parseRuleProfile as
 * typed (a number field left empty or holding “abc” stays text), so the one validator names the
 * rule and field at fault rather than this form guessing.
 */
import { PARAMETER_NAMES, parseRuleProfile, type EstateStatus, type RuleProfile } from '../../core';
import { renameProfile } from './profile-file';

/** One rule's editable fields. */
export interface RuleDraft {
  threshold: string;
  /** Only estate-scope rules have it (the schema forbids it elsewhere). */
  appliesTo: EstateStatus[];
  document: string;
  title: string;
  line: string;
  quote: string;
}

export interface ProfileDraft {
  id: string;
  nameZh: string;
  nameEn: string;
  /** By parameter name (`personsPerHousehold`, `serviceMinutes.nursery`, …). */
  parameters: Record<string, string>;
  /** In the profile's rule order. */
  rules: RuleDraft[];
}

/** A parameter's value by its dotted name. */
function parameterOf(profile: RuleProfile, name: string): number | undefined {
  const [group, kind] = name.split('.');
  const value = profile.parameters[group!];
  if (kind === undefined) return typeof value === 'number' ? value : undefined;
  return typeof value === 'object' ? value[kind] : undefined;
}

/**
 * @param profile the profile edited (a user profile, or the copy of one)
 * @returns its form fields
 */
export function draftOf(profile: RuleProfile): ProfileDraft {
  const text = (v: number | undefined) => (v === undefined ? '' : String(v));
  return {
    id: profile.id,
    nameZh: profile.name.zh,
    nameEn: profile.name.en,
    parameters: Object.fromEntries(PARAMETER_NAMES.map((n) => [n, text(parameterOf(profile, n))])),
    rules: profile.rules.map((rule) => ({
      threshold: String(rule.threshold),
      appliesTo: [...(rule.appliesTo ?? [])],
      document: rule.source.document,
      title: rule.source.title ?? '',
      line: rule.source.line ?? '',
      quote: rule.source.quote,
    })),
  };
}

/** A number as typed, or the text itself when it is none (the validator says what it expected). */
const numberOrText = (text: string): number | string => {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
};

/**
 * The edited profile, checked by parseRuleProfile.
 * @param base the profile the form was opened on (supplies what the form does not edit)
 * @param draft the form's fields
 * @returns the profile, under the draft's id (rule ids follow it)
 * @throws RuleProfileError naming `<id>.json`, the rule and the field
 * @example profileFromDraft(copy, { ...draftOf(copy), rules: [{ ...d.rules[0], threshold: '40' }, …] })
 */
export function profileFromDraft(base: RuleProfile, draft: ProfileDraft): RuleProfile {
  const parameters: Record<string, unknown> = { ...base.parameters };
  const serviceMinutes: Record<string, unknown> = { ...base.parameters.serviceMinutes };
  for (const [name, text] of Object.entries(draft.parameters)) {
    const [group, kind] = name.split('.');
    if (kind === undefined) parameters[group!] = numberOrText(text);
    else serviceMinutes[kind] = numberOrText(text);
  }
  parameters.serviceMinutes = serviceMinutes;
  const rules = base.rules.map((rule, k) => {
    const d = draft.rules[k];
    if (!d) return rule;
    const { title: _title, line: _line, ...source } = rule.source;
    return {
      ...rule,
      threshold: numberOrText(d.threshold),
      ...(rule.scope === 'estate' ? { appliesTo: d.appliesTo } : {}),
      source: {
        ...source,
        document: d.document,
        ...(d.title.trim() === '' ? {} : { title: d.title }),
        ...(d.line.trim() === '' ? {} : { line: d.line.trim() }),
        quote: d.quote,
      },
    };
  });
  const edited = { ...base, name: { zh: draft.nameZh, en: draft.nameEn }, parameters, rules };
  const renamed = renameProfile(edited as unknown as RuleProfile, draft.id.trim());
  return parseRuleProfile(renamed, `${draft.id.trim() || base.id}.json`);
}
