/**
 * Pure builders of the GeoJSON the map draws, from app data. Properties carry only what the layer
 * styles need; names are shown as text in the hover card, never as HTML.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Estate, EstateResult, Facility } from '../core';

/** The part of a coverage result the estate layer needs. */
export interface EstateReach {
  id: string;
  minutes: number | null;
  covered: boolean;
  underserved: boolean;
}

/**
 * Estates as features: polygons where the source had a footprint, else points.
 * @param estates the scenario's estates
 * @param results compliance results by estate id (absent: still computing)
 * @param reach walking minutes by estate id for the shown facility kind (absent: no coverage yet)
 * @returns a collection whose features have properties id, name, overall, minutes (−1 = unreachable)
 */
export function estateFeatures(
  estates: readonly Estate[],
  results: ReadonlyMap<string, EstateResult> | null,
  reach: ReadonlyMap<string, EstateReach> | null,
): FeatureCollection {
  const features: Feature[] = [];
  for (const e of estates) {
    const geometry =
      e.geometry && e.geometry.type !== 'Point'
        ? e.geometry
        : e.location
          ? { type: 'Point' as const, coordinates: [e.location[0], e.location[1]] }
          : null;
    if (!geometry) continue; // no location: listed in the panels, not drawable
    const r = reach?.get(e.id);
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        id: e.id,
        name: e.name,
        households: e.households ?? -1,
        overall: results?.get(e.id)?.overall ?? 'pending',
        minutes: r ? (r.minutes ?? -1) : -2,
        underserved: r?.underserved ?? false,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The capacity figure drawn as circle size: places, else beds, else floor area / 10. */
export const capacityFigure = (f: Facility): number =>
  f.capacity.places ?? f.capacity.beds ?? (f.capacity.floorArea !== null ? f.capacity.floorArea / 10 : 0);

/**
 * Facilities as point features.
 * @param facilities the scenario's facilities
 * @param loads load (demand / capacity) by facility id, when known
 */
export function facilityFeatures(
  facilities: readonly Facility[],
  loads: ReadonlyMap<string, number | null> | null,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: facilities.map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [f.location[0], f.location[1]] },
      properties: {
        id: f.id,
        name: f.name,
        kind: f.kind,
        status: f.status,
        capacity: capacityFigure(f),
        load: loads?.get(f.id) ?? -1,
      },
    })),
  };
}

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };
