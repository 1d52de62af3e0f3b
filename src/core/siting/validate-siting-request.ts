import { FACILITY_KINDS } from '../model/facility';
import type { SitingRequest } from './siting-types';

/** A siting request that cannot be solved as asked (a user's mistake, said in their terms). */
export class SitingRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SitingRequestError';
  }
}

const positive = (v: number | undefined): boolean => v !== undefined && Number.isFinite(v) && v > 0;

/**
 * Checks a siting request before any work: p, capacity, minutes, speed, demand rates, joint kinds.
 * @param req the request
 * @throws SitingRequestError naming the field and what was expected
 * @example validateSitingRequest({ ...req, count: 0 }) // throws: count must be a whole number ≥ 1
 */
export function validateSitingRequest(req: SitingRequest): void {
  const fail = (m: string): never => {
    throw new SitingRequestError(m);
  };
  if (!(['mclp', 'lscp', 'capacitated'] as const).includes(req.model))
    fail(`model must be mclp, lscp or capacitated, got ${String(req.model)}`);
  if (!FACILITY_KINDS.includes(req.kind))
    fail(`kind must be one of ${FACILITY_KINDS.join(', ')}, got ${String(req.kind)}`);
  if (req.model !== 'lscp' && !(Number.isInteger(req.count) && req.count >= 1))
    fail(`count (p) must be a whole number ≥ 1, got ${String(req.count)}`);
  if (!positive(req.minutes)) fail(`minutes must be a positive number, got ${String(req.minutes)}`);
  if (!positive(req.speedMps)) fail(`speed must be a positive number of m/s, got ${String(req.speedMps)}`);
  if (!positive(req.personsPerHousehold))
    fail(`persons per household must be a positive number, got ${String(req.personsPerHousehold)}`);
  if (req.spacingM !== undefined && !(Number.isFinite(req.spacingM) && req.spacingM >= 0))
    fail(`spacing must be a number of metres ≥ 0, got ${String(req.spacingM)}`);
  if (req.timeLimitS !== undefined && !(Number.isFinite(req.timeLimitS) && req.timeLimitS >= 0))
    fail(`time limit must be a number of seconds ≥ 0, got ${String(req.timeLimitS)}`);
  if (req.model === 'capacitated') {
    if (!positive(req.capacity))
      fail(
        `the capacitated model needs each new site's capacity (a number > 0), got ${String(req.capacity)}`,
      );
    if (!req.demand) fail(`the capacitated model needs the profile's demand rate for ${req.kind}`);
    if ((req.joint ?? []).length > 0)
      fail('joint sites (综合体) work with the mclp and lscp models, not the capacitated one');
  }
  if (req.measure === 'demand' && !req.demand)
    fail(`demand "demand" needs the profile's demand rate for ${req.kind}`);
  const seen = new Set([req.kind]);
  for (const j of req.joint ?? []) {
    if (!FACILITY_KINDS.includes(j.kind))
      fail(`joint kind must be one of ${FACILITY_KINDS.join(', ')}, got ${String(j.kind)}`);
    if (seen.has(j.kind)) fail(`joint kind ${j.kind} is given twice`);
    seen.add(j.kind);
    if (!positive(j.minutes))
      fail(`minutes of joint kind ${j.kind} must be a positive number, got ${String(j.minutes)}`);
    if (!(Number.isFinite(j.weight) && j.weight >= 0))
      fail(`weight of ${j.kind} must be a number ≥ 0, got ${String(j.weight)}`);
    if (req.measure === 'demand' && !j.demand)
      fail(`demand "demand" needs the profile's demand rate for ${j.kind}`);
  }
  if (req.weight !== undefined && !(Number.isFinite(req.weight) && req.weight >= 0))
    fail(`weight of ${req.kind} must be a number ≥ 0, got ${String(req.weight)}`);
}
