import type { Estate } from '../model/estate';
import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import type { EstateResult, EvaluationSummary } from '../model/verdict';
import type { EvaluateEstateOptions } from './evaluate-estate';
import { evaluateEstateResult } from './evaluate-estate-result';
import { summarizeEstateResults } from './summarize-estate-results';

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
  const results = estates.map((estate) => evaluateEstateResult(estate, profile, parameters, options));
  return { estates: results, summary: summarizeEstateResults(results, profile) };
}
