import type { CoverageNetwork } from '../coverage/types';
import type { CareCategory } from '../model/facility';
import type { SnappedPoint } from '../model/network';
import { multiSourceSearch, type SearchResult } from '../network/multi-source-search';
import { distanceToPoint, sameEdgeDistanceM, seedsForPoint } from '../network/point-seeds';
import { shortestPath, type WalkingRoute } from '../network/shortest-path';

/** A facility as the nearest-services question needs it. */
export interface PlacedService {
  category: CareCategory;
  /** Its attachment to the network (snapped once, when the page loads). */
  snapped: SnappedPoint;
}

export interface NearbyService {
  /** Index into the services given. */
  index: number;
  /** The whole walk: origin's access leg + along the streets + the facility's access leg, metres. */
  distanceM: number;
  minutes: number;
}

export interface NearestService extends NearbyService {
  /** The walking route along the streets (its networkM is the engine's distance). */
  route: WalkingRoute;
}

export interface NearestServices {
  /** Where the origin joins the network. */
  origin: SnappedPoint;
  /** The origin is farther than maxSnapM from any street: nothing can be measured. */
  offNetwork: boolean;
  /** The nearest facility of each care category by walking time, null when none within routeMinutes. */
  nearest: Record<CareCategory, NearestService | null>;
  /** Every facility within the largest of withinMinutes, nearest first. */
  within: NearbyService[];
}

export interface NearestServicesOptions {
  /** Walking speed, m/s (the profile's walkingSpeed, or elderlyWalkingSpeed for the elderly preset). */
  speedMps: number;
  /** The walking-time groups, e.g. [5, 10, 15]: facilities within the largest are listed. */
  withinMinutes: readonly number[];
  /** How far the nearest facility is looked for, minutes (beyond it: none near). */
  routeMinutes: number;
  /** Points farther than this from the streets are off the network, metres. */
  maxSnapM: number;
  /** A search result of this graph to reuse between questions (avoids allocating per tap). */
  scratch?: SearchResult;
}

const CATEGORIES: readonly CareCategory[] = ['elderly', 'childcare'];

/**
 * "What is near here": every facility within the walking-time groups (one bounded search from the
 * origin, and one farther, up to routeMinutes, only when a category has nothing nearer), and the
 * nearest elderly-care and childcare facility with the route along the streets (shortestPath.ts,
 * seeded from the nearest facilities only, so it explores a circle of the route's length). Distances are the engine's:
 * access legs plus network metres, the same measure coverage uses.
 * @param network the street graph and its snapper
 * @param services the facilities, snapped
 * @param lngLat the origin, WGS-84
 * @param options speed, groups, limits
 * @returns the nearest facility per category and the list within the groups
 * @example nearestServices(network, services, [117.2, 31.8], { speedMps: 0.8, withinMinutes: [5, 10, 15], routeMinutes: 60, maxSnapM: 500 })
 */
export function nearestServices(
  network: CoverageNetwork,
  services: readonly PlacedService[],
  lngLat: readonly [number, number],
  options: NearestServicesOptions,
): NearestServices {
  const { graph } = network;
  const { speedMps } = options;
  const origin = network.snapper.snap(lngLat[0], lngLat[1], { mode: 'edge', maxSnapM: options.maxSnapM });
  const minutesOf = (m: number): number => m / speedMps / 60;
  const nearest: Record<CareCategory, NearestService | null> = { elderly: null, childcare: null };
  if (origin.offNetwork) return { origin, offNetwork: true, nearest, within: [] };

  // Walks from the origin to every facility, measured by searches from the origin only (one source,
  // bounded): a search from the facilities themselves would cover the whole city around all of them.
  const distances = new Float64Array(services.length);
  const measure = (limitM: number): void => {
    const search = multiSourceSearch(
      graph,
      seedsForPoint(origin, 0),
      limitM - origin.accessM,
      options.scratch,
    );
    options.scratch ??= search;
    services.forEach((s, i) => {
      const along = Math.min(
        distanceToPoint(search, s.snapped).networkM,
        sameEdgeDistanceM(origin, s.snapped),
      );
      const d = origin.accessM + along + s.snapped.accessM;
      distances[i] = d <= limitM ? d : Infinity;
    });
  };
  const withinM = Math.max(0, ...options.withinMinutes) * 60 * speedMps;
  const routeM = options.routeMinutes * 60 * speedMps;
  measure(withinM);
  const within: NearbyService[] = [];
  distances.forEach((distanceM, index) => {
    if (distanceM <= withinM) within.push({ index, distanceM, minutes: minutesOf(distanceM) });
  });
  within.sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
  // A category with nothing within the groups is looked for farther, up to routeMinutes (once for both).
  const nearestOf = (category: CareCategory): number =>
    services.reduce(
      (best, s, i) => (s.category === category ? Math.min(best, distances[i]!) : best),
      Infinity,
    );
  if (
    routeM > withinM &&
    CATEGORIES.some((c) => nearestOf(c) === Infinity && services.some((s) => s.category === c))
  )
    measure(routeM);

  for (const category of CATEGORIES) {
    const best = nearestOf(category);
    if (best === Infinity) continue;
    // The route comes from the one shortest-path search, seeded from the facilities at (about) the
    // nearest distance only: its choice among ties and its length are the engine's, exactly as
    // coverage measures them; 1 m covers any difference in the order the two searches summed.
    const candidates = services.flatMap((s, i) =>
      s.category === category && distances[i]! <= best + 1 ? [i] : [],
    );
    const route = shortestPath(
      graph,
      origin,
      candidates.map((i) => services[i]!.snapped),
      { maxDistanceM: best + 1 - origin.accessM, reuse: options.scratch },
    );
    if (!route) continue;
    nearest[category] = {
      index: candidates[route.target]!,
      distanceM: route.distanceM,
      minutes: minutesOf(route.distanceM),
      route,
    };
  }
  return { origin, offNetwork: false, nearest, within };
}
