import { FACILITY_KINDS } from '../model/facility';

/** Bounds and unit of one numeric planning parameter. */
export interface ParameterSpec {
  min: number;
  max: number;
  unit: string;
}

/**
 * The numeric parameters every profile must define (besides `serviceMinutes`, one per facility kind).
 * Bounds only reject nonsense (a share above 1, a negative speed); they are not policy.
 */
export const PARAMETER_SPECS: Readonly<Record<string, ParameterSpec>> = {
  personsPerHousehold: { min: 0.5, max: 10, unit: 'persons' },
  walkingSpeed: { min: 0.1, max: 3, unit: 'm/s' },
  elderlyWalkingSpeed: { min: 0.1, max: 3, unit: 'm/s' },
  elderlyShare: { min: 0, max: 1, unit: 'share' },
  infantShare: { min: 0, max: 1, unit: 'share' },
  nurseryPlacesPer1000Residents: { min: 0, max: 1000, unit: 'places/1000 residents' },
  elderlyCareM2Per100Households: { min: 0, max: 10_000, unit: 'm²/100 households' },
  bedsPer1000Elderly: { min: 0, max: 1000, unit: 'beds/1000 elderly' },
};

/** Bounds of each `serviceMinutes.<kind>` value. */
export const SERVICE_MINUTES_SPEC: ParameterSpec = { min: 1, max: 120, unit: 'min' };

/** Every name a user may set with `--param name=value`, in a stable order. */
export const PARAMETER_NAMES: readonly string[] = [
  ...Object.keys(PARAMETER_SPECS),
  ...FACILITY_KINDS.map((kind) => `serviceMinutes.${kind}`),
];
