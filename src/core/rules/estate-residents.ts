import type { Estate } from '../model/estate';
import type { ProfileParameters } from '../model/rule-profile';
import { given, round2 } from './verdict-builder';

/** Residents of an estate and whether they were derived. */
export interface EstateResidents {
  residents: number | null;
  /** True when residents = households × personsPerHousehold because the data gave none. */
  derived: boolean;
}

/**
 * Residents of an estate: the explicit figure, else households × persons per household (rounded to
 * 0.01 to remove floating-point noise, not to whole persons, so required places follow the parameter).
 * @param estate the estate
 * @param parameters the profile parameters in force (personsPerHousehold)
 * @returns residents (null when neither residents nor households is known) and whether derived
 * @example estateResidents({ ...e, residents: null, households: 1000 }, hefei.parameters) // { residents: 2520, derived: true }
 */
export function estateResidents(estate: Estate, parameters: ProfileParameters): EstateResidents {
  if (given(estate.residents)) return { residents: estate.residents, derived: false };
  if (given(estate.households))
    return { residents: round2(estate.households * parameters.personsPerHousehold), derived: true };
  return { residents: null, derived: false };
}
