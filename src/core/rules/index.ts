/** Rule profiles (schema, parameters) and the compliance evaluator. */
export { RuleProfileError } from './rule-profile-error';
export { parseRuleProfile } from './parse-rule-profile';
export { resolveParameters, type ResolvedParameters } from './resolve-parameters';
export {
  PARAMETER_NAMES,
  PARAMETER_SPECS,
  SERVICE_MINUTES_SPEC,
  type ParameterSpec,
} from './parameter-specs';
export { METRICS, DISTRICT_TOTAL_KEYS, type MetricSpec } from './metric-catalogue';
export { estateResidents, type EstateResidents } from './estate-residents';
export { evaluateEstate, type EvaluateEstateOptions } from './evaluate-estate';
export { evaluateEstates, type EstatesEvaluation } from './evaluate-estates';
export { evaluateEstateResult } from './evaluate-estate-result';
export {
  estateSummaryTally,
  overallStatus,
  summarizeEstateResults,
  type EstateSummaryTally,
} from './summarize-estate-results';
export { evaluateDistrict } from './evaluate-district';
export { evaluateFacility } from './evaluate-facility';
export {
  walkingTimeVerdict,
  withWalkingTimeVerdicts,
  type EstateReach,
  type ReachOf,
} from './walking-time-verdicts';
