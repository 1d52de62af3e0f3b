/**
 * The review report (审查意见) the planner prints: the request to the worker for the estates asked
 * for, assembled from the store (pure). The worker adds the service areas and streets it holds and
 * renders with the core's buildReviewReport + reviewReportHtml, as `lifecircle report` does.
 */
import { FACILITY_KINDS, type FacilityKind, type ReportKindCoverage } from '../../core';
import { profileChoice } from '../../store/scenario-profile';
import type { AppState } from '../../store/types';
import type { ReportRequest } from '../../worker/protocol';

export interface ReportRequestOptions {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The scenario's name as the planner shows it (null: none). */
  subject: string | null;
}

/**
 * @param state the app state (scenario, results, view)
 * @param estateIds the estates to report, in report order (unknown ids and estates without a result are left out)
 * @param options date and subject
 * @returns the request, or null before compliance is computed or when no estate is left
 * @example reportRequest(appStore.getState(), ['e1'], { date: '2026-12-07', subject: '示例' })
 */
export function reportRequest(
  state: AppState,
  estateIds: readonly string[],
  options: ReportRequestOptions,
): ReportRequest | null {
  const { evaluation, coverage } = state.results;
  if (!evaluation) return null;
  const resultOf = new Map(evaluation.estates.map((e) => [e.id, e]));
  const results = [...new Set(estateIds)].flatMap((id) => resultOf.get(id) ?? []);
  if (results.length === 0) return null;
  const wanted = new Set(results.map((r) => r.id));
  const { facilities } = state.scenario;
  // As on the command line: walking access of the kinds that have facilities, not of every kind.
  const kinds = FACILITY_KINDS.filter(
    (k) => coverage?.byKind[k] !== undefined && facilities.some((f) => f.kind === k),
  );
  const reported: Partial<Record<FacilityKind, ReportKindCoverage>> = {};
  for (const kind of kinds) {
    const { estates, parameters } = coverage!.byKind[kind]!;
    reported[kind] = {
      estates: estates
        .filter((r) => wanted.has(r.id))
        .map(({ id, nearestFacility, minutes, distanceM, covered, offNetwork }) => ({
          id,
          nearestFacility,
          minutes,
          distanceM,
          covered,
          offNetwork,
        })),
      parameters: { minutes: parameters.minutes, speedMps: parameters.speedMps, mode: parameters.mode },
    };
  }
  return {
    ...profileChoice(state.scenario, evaluation.profileId ?? state.scenario.profileId),
    parameters: evaluation.parameters,
    estates: state.scenario.estates.filter((e) => wanted.has(e.id)),
    results,
    coverage: reported,
    facilities,
    date: options.date,
    lang: state.view.lang,
    subject: options.subject,
  };
}

/**
 * @param date a moment
 * @returns its local calendar date, `YYYY-MM-DD`
 * @example localDate(new Date(2026, 11, 7)) // '2026-12-07'
 */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
