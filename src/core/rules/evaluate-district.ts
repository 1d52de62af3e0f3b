import type { ProfileParameters, RuleProfile } from '../model/rule-profile';
import type { DistrictTotals, Verdict } from '../model/verdict';
import { districtVerdict } from './district-verdicts';
import { buildVerdict } from './verdict-builder';

/**
 * Evaluates the district-scope rules of a profile against jurisdiction totals, and lists the
 * coverage-scope rules (15-minute circles) as not evaluated here. Nothing is skipped: a rule whose
 * totals are missing is insufficient-data; the elderly population is derived from population ×
 * elderlyShare when not given (noted).
 * @param totals jurisdiction totals (all optional)
 * @param profile the rule profile
 * @param parameters parameters in force
 * @returns one verdict per district- and coverage-scope rule, in profile order
 * @example
 * evaluateDistrict({ population: 1_000_000, nurseryPlaces: 5000 }, hefei, hefei.parameters);
 */
export function evaluateDistrict(
  totals: DistrictTotals,
  profile: RuleProfile,
  parameters: ProfileParameters,
): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const rule of profile.rules) {
    if (rule.scope === 'district') verdicts.push(districtVerdict(rule, totals, parameters));
    if (rule.scope === 'coverage') {
      verdicts.push(
        buildVerdict(rule, 'min', 'not-applicable', null, null, [
          [
            'coverage rule: not evaluated by the check; walking times on the street network are computed by `lifecircle coverage`',
            '覆盖类规则：合规检查不计算，步行时间由 `lifecircle coverage` 基于路网计算',
          ],
        ]),
      );
    }
  }
  return verdicts;
}
