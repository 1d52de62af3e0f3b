import { createCoverageSession } from './coverage-session';
import type { CoverageInput, CoverageResult } from './types';

/**
 * Coverage of estates by care facilities within a walking time: per estate the nearest facility and the
 * distance to it (network: `distanceM = accessM(estate) + networkM + accessM(facility)`; straight-line:
 * great-circle distance), covered when `distanceM ≤ minutes × 60 × speedMps`; with capacity options the
 * 2SFCA allocation (facility load, estate supply/demand ratio, underserved estates); and the underserved
 * zones. One multi-source search finds every estate's nearest facility; with capacity options (or
 * `catchments: true`) each facility's catchment is one more bounded search up to the service distance,
 * else `estatesServed` and `householdsServed` are null. Without a network the mode is `straight-line`.
 * @param input estates, facilities, network (null for straight-line) and options
 * @returns the serialisable result
 * @throws Error naming the option or facility at fault
 * @example
 * computeCoverage({ estates, facilities, network: null,
 *   options: { minutes: 15, speedMps: 1.11, personsPerHousehold: 2.52 } }).summary.pctCovered
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  return createCoverageSession(input).result();
}
