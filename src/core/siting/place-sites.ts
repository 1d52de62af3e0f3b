import { placeEstates, type EstatePlacements } from '../coverage/estate-placements';
import type { CoverageSnapper } from '../coverage/types';
import type { LngLat } from '../geo/units';
import type { Estate } from '../model/estate';
import type { SnapMode } from '../model/network';

/**
 * Attaches candidate sites to the network exactly as coverage attaches estates and facilities (the
 * coverage module's `placeEstates`, same snap mode and maximum snap), so the matrix measures what
 * coverage will measure once a site is built.
 * @param points the sites' WGS-84 locations
 * @param nodeCount nodes in the graph
 * @param snapper the network's snapper
 * @param mode `edge` or `node`
 * @param maxSnapM farther than this: off the network
 * @returns flat placements (reason `off-network` for sites that could not be attached)
 * @example placeSites([[121.47, 31.23]], graph.nodeCount, snapper, 'edge', 500).nodeA[0]
 */
export function placeSites(
  points: readonly LngLat[],
  nodeCount: number,
  snapper: CoverageSnapper,
  mode: SnapMode,
  maxSnapM: number,
): EstatePlacements {
  const asEstates = points.map((location, i): Estate => ({
    id: String(i),
    row: i + 1,
    name: '',
    location,
    geometry: null,
    households: null,
    residents: null,
    status: null,
    elderlyCareFloorArea: null,
    elderlyCareFacilityAreas: null,
    nurseryPlaces: null,
    childcareFloorArea: null,
    district: null,
    properties: {},
  }));
  return placeEstates(asEstates, nodeCount, snapper, mode, maxSnapM);
}
