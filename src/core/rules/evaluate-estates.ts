import type { Estate } from '../model/estate';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import type { EstateResult, EvaluationSummary } from '../model/verdict';
import { estateResidents } from './estate-residents';
import { evaluateEstate, type EvaluateEstateOptions } from './evaluate-estate';
import { overallStatus, summarizeEstateResults } from './summarize-estate-results';

/** Every estate's result and the summary over all of them. */
export interface EstatesEvaluation {
  estates: EstateResult[];
  summary: EvaluationSummary;
}

/**
 * Evaluates a list of estates against a profile's estate-scope rules.
 * @param estates imported estates (order kept)
 * @param profile the rule profile
 * @param parameters parameters in force (resolveParameters)
 * @param options defaultStatus for estates whose data gives no status
 * @returns per-estate results (figures used, status used, verdicts, overall) and the summary
 * @example
 * const { estates, summary } = evaluateEstates(imported, hefei, params, { defaultStatus: 'existing' });
 */
export function evaluateEstates(
  estates: readonly Estate[],
  profile: RuleProfile,
  parameters: ProfileParameters,
  options: EvaluateEstateOptions = {},
): EstatesEvaluation {
  const results = estates.map((estate): EstateResult => {
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
  });
  return { estates: results, summary: summarizeEstateResults(results, profile) };
}
