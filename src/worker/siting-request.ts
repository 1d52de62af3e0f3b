/**
 * The core's SitingRequest for the worker's `site` request: the user's choices plus, for the kind and
 * every joint kind (综合体), the service minutes and demand rate of the profile (with the scenario's
 * overrides), read by coverageOptionsForKind as coverage does.
 */
import { coverageOptionsForKind, type ProfileParameters } from '../core';
import type { JointKind, SitingRequest } from '../core/siting/siting-types';
import type { SiteRequest } from './protocol';

/**
 * Builds the core request.
 * @param req the planner's request (its estates and facilities are passed separately)
 * @param parameters the profile's parameters with the scenario's overrides
 * @returns the request proposeSites takes
 * @example sitingRequest({ kind: 'elderly-daycare', joint: [{ kind: 'nursery', weight: 1 }], … }, p).joint
 */
export function sitingRequest(req: SiteRequest, parameters: ProfileParameters): SitingRequest {
  const options = coverageOptionsForKind(req.kind, parameters);
  const joint: JointKind[] = (req.joint ?? []).map(({ kind, weight }) => {
    const o = coverageOptionsForKind(kind, parameters);
    return { kind, minutes: o.minutes, weight, ...(o.capacity ? { demand: o.capacity } : {}) };
  });
  return {
    kind: req.kind,
    model: req.model,
    count: req.count,
    ...(req.capacity === null ? {} : { capacity: req.capacity }),
    candidates: req.candidates,
    ...(req.timeLimitS === undefined ? {} : { timeLimitS: req.timeLimitS }),
    ...(req.district ? { district: req.district } : {}),
    minutes: options.minutes,
    speedMps: options.speedMps,
    personsPerHousehold: options.personsPerHousehold,
    ...(options.capacity ? { demand: options.capacity } : {}),
    ...(joint.length > 0 ? { joint, weight: req.weight ?? 1 } : {}),
  };
}
