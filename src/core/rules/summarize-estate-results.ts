import type { RuleProfile, RuleScope } from '../model/rule-profile';
import type { EstateResult, EvaluationSummary, RuleSummary, Verdict, VerdictStatus } from '../model/verdict';
import { METRICS } from './metric-catalogue';
import { round2 } from './verdict-builder';

function zeroCounts(): Record<VerdictStatus, number> {
  return { pass: 0, fail: 0, 'not-applicable': 0, 'insufficient-data': 0 };
}

/**
 * An estate's overall status: fail if any verdict fails, else insufficient-data if any, else pass if
 * any passes, else not-applicable (no rule applied).
 * @param verdicts the estate's verdicts
 * @returns the overall status
 */
export function overallStatus(verdicts: readonly Verdict[]): VerdictStatus {
  const seen = new Set(verdicts.map((verdict) => verdict.status));
  if (seen.has('fail')) return 'fail';
  if (seen.has('insufficient-data')) return 'insufficient-data';
  if (seen.has('pass')) return 'pass';
  return 'not-applicable';
}

/** A running summary: results are added a chunk at a time, in order. */
export interface EstateSummaryTally {
  add(results: readonly EstateResult[]): void;
  summary(): EvaluationSummary;
}

/**
 * A summary built a chunk at a time, so that a file of any size can be evaluated and written in pieces
 * (the CLI's check streams a million rows): adding the results in order, in any number of chunks, gives
 * exactly summarizeEstateResults of all of them (the shortfalls are summed and rounded in the same order).
 * @param profile the profile the results come from (gives the rule order)
 * @param scopes the scopes whose rules get totals (see summarizeEstateResults)
 * @returns the tally
 * @example const tally = estateSummaryTally(hefei); tally.add(chunk1); tally.add(chunk2); tally.summary();
 */
export function estateSummaryTally(
  profile: RuleProfile,
  scopes: readonly RuleScope[] = ['estate'],
): EstateSummaryTally {
  const overall = zeroCounts();
  const rules = new Map<string, RuleSummary>();
  let estates = 0;
  for (const rule of profile.rules) {
    if (!scopes.includes(rule.scope)) continue;
    const unit = METRICS[rule.metric]?.verdictUnit ?? rule.unit;
    const totalShortfall = rule.scope === 'estate' ? 0 : null;
    rules.set(rule.id, { rule: rule.id, unit, counts: zeroCounts(), totalShortfall, failingHouseholds: 0 });
  }
  return {
    add(results) {
      estates += results.length;
      for (const result of results) {
        overall[result.overall] += 1;
        for (const verdict of result.verdicts) {
          const summary = rules.get(verdict.rule);
          if (summary === undefined) continue;
          summary.counts[verdict.status] += 1;
          if (verdict.status === 'fail') summary.failingHouseholds += result.households ?? 0;
          if (verdict.shortfall !== null && summary.totalShortfall !== null)
            summary.totalShortfall = round2(summary.totalShortfall + verdict.shortfall);
        }
      }
    },
    summary: () => ({ estates, overall: { ...overall }, rules: [...rules.values()].map(copyRule) }),
  };
}

const copyRule = (r: RuleSummary): RuleSummary => ({ ...r, counts: { ...r.counts } });

/**
 * Counts estates per overall status and, per estate-scope rule, verdicts per status and the total
 * shortfall (sum of the shortfalls that could be computed; estate-scope rules only, never minutes summed
 * over estates) and the households of the estates failing.
 * @param results evaluated estates
 * @param profile the profile they were evaluated against (gives the rule order)
 * @param scopes the scopes whose rules get totals (default estate; the planner adds coverage once
 *   walking-time verdicts are in, see withWalkingTimeVerdicts)
 * @returns the summary
 */
export function summarizeEstateResults(
  results: readonly EstateResult[],
  profile: RuleProfile,
  scopes: readonly RuleScope[] = ['estate'],
): EvaluationSummary {
  const tally = estateSummaryTally(profile, scopes);
  tally.add(results);
  return tally.summary();
}
