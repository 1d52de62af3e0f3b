import type { FacilityKind } from '../model/facility';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import { PARAMETER_NAMES, PARAMETER_SPECS, SERVICE_MINUTES_SPEC } from './parameter-specs';

/** Parameters after user overrides, and what went wrong with any override. */
export interface ResolvedParameters {
  /** The profile's defaults with the valid overrides applied (a fresh object; the profile is untouched). */
  parameters: ProfileParameters;
  /** One English message per rejected override; empty when all were accepted. */
  errors: string[];
  /** The same messages in Chinese, in the same order (`errorsZh[i]` translates `errors[i]`). */
  errorsZh: string[];
  /** Names whose value was overridden, in the order given. */
  overridden: string[];
}

/** Chinese for the units of PARAMETER_SPECS and SERVICE_MINUTES_SPEC (a unit not listed is shown as is). */
const UNIT_ZH: Readonly<Record<string, string>> = {
  persons: '人',
  'm/s': '米/秒',
  share: '比例',
  'places/1000 residents': '托位/千人',
  'm²/100 households': '平方米/百户',
  'beds/1000 elderly': '床位/千名老人',
  min: '分钟',
};

/**
 * Applies `--param name=value` overrides to a profile's default parameters.
 * @param profile the rule profile whose defaults are the starting point
 * @param overrides name → raw text, e.g. `{ personsPerHousehold: '3.2', 'serviceMinutes.nursery': '10' }`
 * @returns the parameters, the errors (unknown name, not a number, out of range) in English and in
 *   Chinese, and the overridden names
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
  const errorsZh: string[] = [];
  const reject = (message: string, messageZh: string) => {
    errors.push(message);
    errorsZh.push(messageZh);
  };
  const overridden: string[] = [];
  for (const [name, raw] of Object.entries(overrides)) {
    const kind = name.startsWith('serviceMinutes.')
      ? (name.slice('serviceMinutes.'.length) as FacilityKind)
      : null;
    const spec = kind === null ? PARAMETER_SPECS[name] : SERVICE_MINUTES_SPEC;
    if (spec === undefined || !PARAMETER_NAMES.includes(name)) {
      reject(
        `Unknown parameter "${name}". Valid names: ${PARAMETER_NAMES.join(', ')}.`,
        `未知参数“${name}”。可用的参数名：${PARAMETER_NAMES.join('、')}。`,
      );
      continue;
    }
    const unitZh = UNIT_ZH[spec.unit] ?? spec.unit;
    const text = raw.trim();
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      reject(
        `Parameter "${name}" must be a number (${spec.unit}), got "${raw}".`,
        `参数“${name}”应为数字（${unitZh}），实际为“${raw}”。`,
      );
      continue;
    }
    if (value < spec.min || value > spec.max) {
      reject(
        `Parameter "${name}" must be between ${spec.min} and ${spec.max} ${spec.unit}, got ${value}.`,
        `参数“${name}”应在 ${spec.min} 至 ${spec.max}（${unitZh}）之间，实际为 ${value}。`,
      );
      continue;
    }
    if (kind === null) parameters[name] = value;
    else parameters.serviceMinutes[kind] = value;
    overridden.push(name);
  }
  return { parameters, errors, errorsZh, overridden };
}
