import { FACILITY_KINDS, type FacilityKind } from '../model/facility';
import type { RuleSource } from '../model/rule-profile';
import type { CoverageMode } from '../coverage/types';
import { estateConclusion } from './estate-conclusion';
import { profileVersion } from './profile-version';
import { reportMapSvg } from './report-map-svg';
import { REPORT_WORDS } from './report-words';
import type {
  ReportCitation,
  ReportEstate,
  ReportReachRow,
  ReviewReport,
  ReviewReportInput,
} from './review-report-types';

/** The map shows a little more than the largest service distance around the estate. */
const MAP_MARGIN = 1.15;
const MIN_MAP_RADIUS_M = 400;

/**
 * The review report (审查意见) as data, for one estate or a batch: each estate's facts, every rule
 * with required / provided / shortfall, verdict and its quoted clause, walking access per facility kind
 * with a map of the service areas around it, the parameters and the profile's version, and the summary
 * conclusion (符合 / 不符合 / 资料不全) with what is missing. Render it with `reviewReportHtml`.
 * @param input profile, parameters, estates, their evaluation, optional coverage, facilities, service
 *   areas and streets, the date and the language
 * @returns the report, estates in the order of `input.results`
 * @example reviewReportHtml(buildReviewReport({ profile, parameters, estates, results, date: '2026-12-04' }))
 */
export function buildReviewReport(input: ReviewReportInput): ReviewReport {
  const lang = input.lang ?? 'zh';
  const { profile, parameters } = input;
  const estatesById = new Map(input.estates.map((e) => [e.id, e]));
  const coverage = input.coverage ?? {};
  const kinds = FACILITY_KINDS.filter((k) => coverage[k] !== undefined);
  const modes = new Set(kinds.map((k) => coverage[k]!.parameters.mode));
  const mode: CoverageMode | null =
    kinds.length === 0 ? null : modes.has('straight-line') ? 'straight-line' : 'network';
  const rows = new Map(kinds.map((k) => [k, new Map(coverage[k]!.estates.map((e) => [e.id, e]))]));
  const facilityNames = new Map((input.facilities ?? []).map((f) => [f.id, f.name]));
  const serviceMinutes: Partial<Record<FacilityKind, number>> = { ...parameters.serviceMinutes };
  for (const k of kinds) serviceMinutes[k] = coverage[k]!.parameters.minutes;
  const reachM = Math.max(
    0,
    ...kinds.map((k) => coverage[k]!.parameters.minutes * 60 * coverage[k]!.parameters.speedMps),
    ...Object.keys(input.serviceAreas ?? {}).map(
      (k) => (serviceMinutes[k as FacilityKind] ?? 0) * 60 * parameters.walkingSpeed,
    ),
  );
  const radiusM = Math.max(MIN_MAP_RADIUS_M, reachM * MAP_MARGIN);
  const drawable =
    (input.facilities?.length ?? 0) > 0 || (input.streets?.length ?? 0) > 0 || input.serviceAreas;

  const estates = input.results.map((result): ReportEstate => {
    const estate = estatesById.get(result.id);
    const location = estate?.location ?? null;
    const reach = kinds.map((kind): ReportReachRow => {
      const row = rows.get(kind)!.get(result.id);
      return {
        kind,
        limitMinutes: coverage[kind]!.parameters.minutes,
        minutes: row?.minutes ?? null,
        distanceM: row?.distanceM ?? null,
        covered: row?.covered ?? false,
        offNetwork: row?.offNetwork ?? true,
        nearestFacility: row?.nearestFacility
          ? (facilityNames.get(row.nearestFacility) ?? row.nearestFacility)
          : null,
        mode: coverage[kind]!.parameters.mode === 'network' ? 'network' : 'straight-line',
      };
    });
    const { conclusion, missing, failing } = estateConclusion(result, lang);
    return {
      id: result.id,
      name: result.name,
      district: estate?.district ?? null,
      households: result.households,
      residents: result.residents,
      residentsDerived: result.residentsDerived,
      status: result.status,
      statusDefaulted: result.statusDefaulted,
      overall: result.overall,
      conclusion,
      missing,
      failing: failing.map((id) => ruleTitle(id, input, lang)),
      rules: result.verdicts.map((v) => ({
        rule: v.rule,
        title: ruleTitle(v.rule, input, lang),
        status: v.status,
        required: v.required,
        provided: v.provided,
        shortfall: v.shortfall,
        unit: v.unit,
        citation: citation(v.source, lang),
        note: (lang === 'zh' ? (v.noteZh ?? v.note) : v.note) ?? null,
        walkingTime: profile.rules.find((r) => r.id === v.rule)?.scope === 'coverage',
      })),
      reach,
      mapSvg:
        location && drawable
          ? reportMapSvg({
              center: location,
              radiusM,
              facilities: input.facilities ?? [],
              serviceAreas: input.serviceAreas ?? {},
              serviceMinutes,
              streets: input.streets ?? null,
              lang,
            })
          : null,
    };
  });
  const totals = { compliant: 0, 'non-compliant': 0, incomplete: 0 };
  for (const e of estates) totals[e.conclusion]++;
  return {
    lang,
    date: input.date,
    subject: input.subject ?? null,
    profile: {
      id: profile.id,
      name: profile.name[lang],
      jurisdiction: profile.jurisdiction[lang],
      version: profileVersion(profile),
      userProfile: input.userProfile ?? false,
    },
    parameters: {
      personsPerHousehold: parameters.personsPerHousehold,
      walkingSpeed: parameters.walkingSpeed,
      serviceMinutes,
    },
    mode,
    estates,
    rejected: (input.rejected ?? []).map((r) => ({
      row: r.row,
      message: lang === 'zh' ? r.messageZh : r.message,
    })),
    totals,
  };
}

function ruleTitle(id: string, input: ReviewReportInput, lang: 'zh' | 'en'): string {
  return input.profile.rules.find((r) => r.id === id)?.title[lang] ?? id;
}

function citation(source: RuleSource, lang: 'zh' | 'en'): ReportCitation {
  const w = REPORT_WORDS[lang];
  return {
    title: source.title ?? source.document,
    document: source.document,
    where: source.line ? w.line(source.line) : (source.clause ?? null),
    quote: source.quote,
    confidence: source.confidence,
  };
}
