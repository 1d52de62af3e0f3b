import type { CoverageSession } from '../coverage/coverage-session';
import type { FlatServiceAreas } from '../service-areas/flat-service-areas';
import { serviceAreaGeometry } from '../service-areas/service-area-polygons';
import { straightLineServiceAreaGeometry } from '../service-areas/straight-line-service-areas';
import type { CoverageNetwork } from '../coverage/types';
import type { FacilityKind } from '../model/facility';
import type { ProfileParameters } from '../model/rule-profile';
import { haversineM } from '../network/haversine';

/**
 * The service areas a review report draws: per facility kind, each facility's area at the kind's
 * service minutes — along the streets with a network, straight-line circles (labelled so) without.
 * @param network the walking network, or null
 * @param sessions a coverage session per kind (their facilities and snapped points)
 * @param parameters the parameters in force (service minutes, walking speed)
 * @param near only facilities whose area can reach within `radiusM` of `center` (a one-estate report)
 * @returns per kind the areas in the core's flat layout; kinds without facilities are left out
 * @example reportServiceAreas(network, { nursery: session }, parameters, { center: [117.2, 31.8], radiusM: 1000 })
 */
export function reportServiceAreas(
  network: CoverageNetwork | null,
  sessions: Partial<Record<FacilityKind, CoverageSession>>,
  parameters: ProfileParameters,
  near?: { center: readonly [number, number]; radiusM: number },
): Partial<Record<FacilityKind, FlatServiceAreas>> {
  const out: Partial<Record<FacilityKind, FlatServiceAreas>> = {};
  const speedMps = parameters.walkingSpeed;
  for (const [kind, session] of Object.entries(sessions) as [FacilityKind, CoverageSession][]) {
    const minutes = parameters.serviceMinutes[kind];
    const reachM = minutes * 60 * speedMps;
    const sources = session
      .serviceAreaSources()
      .filter(
        (s) =>
          !near ||
          haversineM(s.location[0], s.location[1], near.center[0], near.center[1]) <= near.radiusM + reachM,
      );
    if (sources.length === 0) continue;
    const options = { minutes: [minutes], speedMps };
    out[kind] = network
      ? serviceAreaGeometry(network.graph, sources, options)
      : straightLineServiceAreaGeometry(sources, options);
  }
  return out;
}
