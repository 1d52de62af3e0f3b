import type { FacilityKind } from '../model/facility';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import { PARAMETER_NAMES, PARAMETER_SPECS, SERVICE_MINUTES_SPEC } from './parameter-specs';

/** Parameters after user overrides, and what went wrong with any override. */
export interface ResolvedParameters {
  /** The profile's defaults with the valid overrides applied (a fresh object; the profile is untouched). */
  parameters: ProfileParameters;
  /** One English message per rejected override; empty when all were accepted. */
  errors: string[];
  /** Names whose value was overridden, in the order given. */
  overridden: string[];
}

/**
 * Applies `--param name=value` overrides to a profile's default parameters.
 * @param profile the rule profile whose defaults are the starting point
 * @param overrides name → raw text, e.g. `{ personsPerHousehold: '3.2', 'serviceMinutes.nursery': '10' }`
 * @returns the parameters, the errors (unknown name, not a number, out of range) and the overridden names
 * @example
 * resolveParameters(hefei, { personsPerHousehold: '3.2' }).parameters.personsPerHousehold; // 3.2
 */
export function resolveParameters(
  profile: RuleProfile,
  overrides: Record<string, string>,
): ResolvedParameters {
  const parameters: ProfileParameters = {
    ...profile.parameters,
    serviceMinutes: { ...profile.parameters.serviceMinutes },
  };
  const errors: string[] = [];
  const overridden: string[] = [];
  for (const [name, raw] of Object.entries(overrides)) {
    const kind = name.startsWith('serviceMinutes.')
      ? (name.slice('serviceMinutes.'.length) as FacilityKind)
      : null;
    const spec = kind === null ? PARAMETER_SPECS[name] : SERVICE_MINUTES_SPEC;
    if (spec === undefined || !PARAMETER_NAMES.includes(name)) {
      errors.push(`Unknown parameter "${name}". Valid names: ${PARAMETER_NAMES.join(', ')}.`);
      continue;
    }
    const text = raw.trim();
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      errors.push(`Parameter "${name}" must be a number (${spec.unit}), got "${raw}".`);
      continue;
    }
    if (value < spec.min || value > spec.max) {
      errors.push(
        `Parameter "${name}" must be between ${spec.min} and ${spec.max} ${spec.unit}, got ${value}.`,
      );
      continue;
    }
    if (kind === null) parameters[name] = value;
    else parameters.serviceMinutes[kind] = value;
    overridden.push(name);
  }
  return { parameters, errors, overridden };
}
