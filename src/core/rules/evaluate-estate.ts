import type { Estate, EstateStatus } from '../model/estate';
import type { ProfileParameters, Rule, RuleProfile } from '../model/rule-profile';
import type { Verdict } from '../model/verdict';
import { elderlyAreaVerdict } from './elderly-area-verdict';
import { estateResidents } from './estate-residents';
import {
  careCategoriesVerdict,
  childcareAreaVerdict,
  type EstateContext,
  nurseryPlacesVerdict,
} from './estate-verdicts';
import { METRICS } from './metric-catalogue';
import { buildVerdict, type NotePair } from './verdict-builder';

/** Options of the estate evaluation. */
export interface EvaluateEstateOptions {
  /** Status for estates whose data gives none (the CLI's `--status`). The estate's own status wins. */
  defaultStatus?: EstateStatus;
}

const ESTATE_METRICS: Record<string, (rule: Rule, ctx: EstateContext) => Verdict> = {
  elderlyCareAreaPer100Households: (rule, ctx) => elderlyAreaVerdict(rule, ctx.estate),
  nurseryPlacesPer1000Residents: nurseryPlacesVerdict,
  childcareFloorArea: childcareAreaVerdict,
  careCategoriesProvided: careCategoriesVerdict,
};

const STATUS_ZH: Record<EstateStatus, string> = { new: '新建（含在建）', existing: '已建成' };

/**
 * Evaluates every estate-scope rule of a profile for one estate, in profile order. Rules that do not
 * apply to the estate's status are not-applicable; with no status (and no default) a rule limited to
 * new or existing estates is insufficient-data with the note “status unknown”, its figures still computed.
 * Facility-, district- and coverage-scope rules are not evaluated here (see evaluateFacility, evaluateDistrict).
 * @param estate the estate (missing values are null, never 0)
 * @param profile the rule profile
 * @param parameters the parameters in force (resolveParameters)
 * @param options defaultStatus for estates without one
 * @returns one verdict per estate-scope rule
 * @example
 * evaluateEstate(estate, hefei, hefei.parameters, { defaultStatus: 'existing' });
 */
export function evaluateEstate(
  estate: Estate,
  profile: RuleProfile,
  parameters: ProfileParameters,
  options: EvaluateEstateOptions = {},
): Verdict[] {
  const status = estate.status ?? options.defaultStatus ?? null;
  const { residents, derived } = estateResidents(estate, parameters);
  const ctx: EstateContext = { estate, residents, residentsDerived: derived, parameters };
  const verdicts: Verdict[] = [];
  for (const rule of profile.rules) {
    if (rule.scope !== 'estate') continue;
    const metric = ESTATE_METRICS[rule.metric];
    if (metric === undefined) {
      const note: NotePair = [
        `metric ${rule.metric} is not evaluated for estates`,
        `指标 ${rule.metric} 不适用于小区评估`,
      ];
      verdicts.push(buildVerdict(rule, rule.unit, 'not-applicable', null, null, [note]));
      continue;
    }
    const appliesTo = rule.appliesTo ?? ['new', 'existing'];
    const appliesToAll = appliesTo.includes('new') && appliesTo.includes('existing');
    if (status !== null && !appliesTo.includes(status)) {
      verdicts.push(
        buildVerdict(rule, metricUnit(rule), 'not-applicable', null, null, [
          notApplicableNote(appliesTo, status),
        ]),
      );
      continue;
    }
    const verdict = metric(rule, ctx);
    verdicts.push(
      status === null && !appliesToAll ? withStatusUnknown(verdict, statusUnknownNote(appliesTo)) : verdict,
    );
  }
  return verdicts;
}

/** The unit a not-applicable verdict reports: the same as the metric's other verdicts. */
function metricUnit(rule: Rule): string {
  return METRICS[rule.metric]?.verdictUnit ?? rule.unit;
}

/** Notes are built once per (appliesTo, status) and shared by every estate they concern. */
const noteCache = new Map<string, NotePair>();

function notApplicableNote(appliesTo: readonly EstateStatus[], status: EstateStatus): NotePair {
  const key = `na|${appliesTo.join(',')}|${status}`;
  let note = noteCache.get(key);
  if (note === undefined) {
    note = [
      `applies to ${appliesTo.join(' and ')} estates; this estate is ${status}`,
      `适用于${appliesTo.map((s) => STATUS_ZH[s]).join('和')}小区；本小区为${STATUS_ZH[status]}`,
    ];
    noteCache.set(key, note);
  }
  return note;
}

function statusUnknownNote(appliesTo: readonly EstateStatus[]): NotePair {
  const key = `unknown|${appliesTo.join(',')}`;
  let note = noteCache.get(key);
  if (note === undefined) {
    note = [
      `status unknown (new or existing): this rule applies to ${appliesTo.join(' and ')} estates only; give a status column or a default status (new or existing)`,
      `状态未知（新建或已建成）：本规则仅适用于${appliesTo.map((s) => STATUS_ZH[s]).join('和')}小区；请提供状态列或指定默认状态（新建或已建成）`,
    ];
    noteCache.set(key, note);
  }
  return note;
}

function withStatusUnknown(verdict: Verdict, [en, zh]: NotePair): Verdict {
  return {
    ...verdict,
    status: 'insufficient-data',
    note: verdict.note === undefined ? en : `${en}; ${verdict.note}`,
    noteZh: verdict.noteZh === undefined ? zh : `${zh}；${verdict.noteZh}`,
  };
}
