/** The Suggest-sites proposal as the map draws it: numbered sites, and the estates each newly serves. */
import type { Feature, FeatureCollection } from 'geojson';
import type { Estate } from '../core';
import type { SitingState } from '../store/siting-types';
import { EMPTY_COLLECTION } from './features';

/**
 * @param siting the proposal in the store (null: none)
 * @param estates the scenario's estates (their locations)
 * @returns `sites` (properties id, rank, active) and `catchment` (estate points: site, active)
 * @example proposalFeatures(state.results.siting, state.scenario.estates).sites
 */
export function proposalFeatures(
  siting: SitingState | null,
  estates: readonly Estate[],
): { sites: FeatureCollection; catchment: FeatureCollection } {
  if (!siting) return { sites: EMPTY_COLLECTION, catchment: EMPTY_COLLECTION };
  const where = new Map(estates.map((e) => [e.id, e.location]));
  const sites: Feature[] = [];
  const catchment: Feature[] = [];
  siting.proposal.sites.forEach((s, k) => {
    const active = siting.highlight === s.id;
    sites.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { id: s.id, rank: k + 1, active },
    });
    for (const id of s.estateIds) {
      const at = where.get(id);
      if (!at) continue;
      catchment.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
        properties: { id, site: s.id, active },
      });
    }
  });
  return {
    sites: { type: 'FeatureCollection', features: sites },
    catchment: { type: 'FeatureCollection', features: catchment },
  };
}
