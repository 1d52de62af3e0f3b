import type { EstateResult } from '../model/verdict';
import type { ReportLanguage } from './compliance-rows';
import { REPORT_WORDS } from './report-words';
import type { ReportConclusion } from './review-report-types';

/** The residents-derived note of verdict-builder, in either language. */
const DERIVED = /^(常住人口按.*推算|residents derived)/;

/**
 * The summary conclusion of one estate's review and what keeps it from being complete: 不符合 when any
 * applicable rule fails (a failure stands even where other data is missing), else 资料不全 when any
 * rule could not be judged or none applies, else 符合.
 * @param result the estate's evaluation (walking-time verdicts joined in where computed)
 * @param lang report language
 * @returns the conclusion, the missing data (each reason once) and the failing rules' ids
 * @example estateConclusion(result, 'zh').conclusion // 'non-compliant'
 */
export function estateConclusion(
  result: EstateResult,
  lang: ReportLanguage,
): { conclusion: ReportConclusion; missing: string[]; failing: string[] } {
  // What is missing is what kept a rule from being judged: each insufficient-data verdict's reason.
  const missing = new Set<string>();
  for (const v of result.verdicts) {
    if (v.status !== 'insufficient-data') continue;
    const note = lang === 'zh' ? (v.noteZh ?? v.note) : v.note;
    // A verdict's note joins its reasons with “；” / “; ” (verdict-builder); how residents were
    // derived is not a missing figure (the facts show it).
    const reasons = (note ?? v.rule).split(/；|; /).filter((part) => !DERIVED.test(part));
    for (const reason of reasons) missing.add(reason);
  }
  const failing = result.verdicts.filter((v) => v.status === 'fail').map((v) => v.rule);
  const judged = result.verdicts.some((v) => v.status === 'pass' || v.status === 'fail');
  if (!judged && missing.size === 0) missing.add(REPORT_WORDS[lang].noRuleApplies);
  const conclusion: ReportConclusion =
    failing.length > 0 ? 'non-compliant' : missing.size > 0 || !judged ? 'incomplete' : 'compliant';
  return { conclusion, missing: [...missing], failing };
}
