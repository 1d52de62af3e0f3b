import type { FeatureCollection, Point } from 'geojson';
import type { SitingProposal } from './siting-types';

/** Properties of one proposed site's point. */
export interface ProposedSiteProperties {
  rank: number;
  id: string;
  gain: number;
  households: number;
  estates: number;
  estateIds: string[];
}

/**
 * The proposed sites as GeoJSON points (WGS-84); every other figure of the proposal travels in the
 * collection's `proposal` member, so errors and warnings are never lost from the file.
 * @param proposal the proposal (the planner's copy has the same field names)
 * @returns the FeatureCollection
 * @example proposalGeoJson(p).features[0].properties.rank // 1
 */
export function proposalGeoJson<P extends Pick<SitingProposal, 'sites'>>(
  proposal: P,
): FeatureCollection<Point, ProposedSiteProperties> & { proposal: Omit<P, 'sites'> } {
  const { sites, ...figures } = proposal;
  return {
    type: 'FeatureCollection',
    proposal: figures,
    features: sites.map((s, k) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        rank: k + 1,
        id: s.id,
        gain: s.gain,
        households: s.households,
        estates: s.estates,
        estateIds: s.estateIds,
      },
    })),
  };
}
