import type { Estate } from '../model/estate';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import type { EstateResult } from '../model/verdict';
import { estateResidents } from './estate-residents';
import { evaluateEstate, type EvaluateEstateOptions } from './evaluate-estate';
import { overallStatus } from './summarize-estate-results';

/**
 * One estate's result: the figures used (residents given or derived, status given or defaulted), its
 * verdicts and its overall status. evaluateEstates maps it over a list; the CLI's check maps it over
 * each chunk of a large file.
 * @param estate the imported estate
 * @param profile the rule profile
 * @param parameters parameters in force (resolveParameters)
 * @param options defaultStatus for an estate whose data gives no status
 * @returns the result
 * @example evaluateEstateResult(estate, hefei, params, { defaultStatus: 'existing' }).overall
 */
export function evaluateEstateResult(
  estate: Estate,
  profile: RuleProfile,
  parameters: ProfileParameters,
  options: EvaluateEstateOptions = {},
): EstateResult {
  const { residents, derived } = estateResidents(estate, parameters);
  const verdicts = evaluateEstate(estate, profile, parameters, options);
  const status = estate.status ?? options.defaultStatus ?? null;
  return {
    id: estate.id,
    row: estate.row,
    name: estate.name,
    households: estate.households,
    residents,
    residentsDerived: derived,
    status,
    statusDefaulted: estate.status === null && status !== null,
    overall: overallStatus(verdicts),
    verdicts,
  };
}
