/** Applies a service-area patch from the worker to the polygons on display. */
import type { FeatureCollection } from 'geojson';
import { serviceAreasToGeoJSON, type FacilityKind, type ServiceAreaFeature } from '../../core';
import type { ServiceAreaPatch } from '../../worker/protocol';

/** A service area on the map: the core's feature and the kind of its facility. */
export type KindServiceAreaFeature = ServiceAreaFeature & {
  properties: ServiceAreaFeature['properties'] & { kind: FacilityKind };
};

/**
 * The patch's areas as map features: GeoJSON built here from the transferred flat layout, each
 * feature tagged with the facility kind (the map colours areas by kind).
 * @param patch areas from the worker
 * @returns one feature per facility and budget, largest budget first
 */
export function serviceAreaFeatures(patch: ServiceAreaPatch): KindServiceAreaFeature[] {
  const { kind } = patch;
  return serviceAreasToGeoJSON(patch.areas).features.map((f) => ({
    ...f,
    properties: { ...f.properties, kind },
  }));
}

/**
 * @param shown the collection on the map (null: none)
 * @param patch all of a kind's areas (`replaceAll`), or those of a few facilities
 * @returns a new collection; features of patched facilities are replaced, others kept in order
 */
export function mergeServiceAreas(
  shown: FeatureCollection | null,
  patch: ServiceAreaPatch,
): FeatureCollection {
  const features = serviceAreaFeatures(patch);
  if (patch.replaceAll || !shown) return { type: 'FeatureCollection', features };
  const ids = new Set(patch.facilityIds);
  const kept = shown.features.filter((f) => !ids.has(String(f.properties?.facilityId)));
  return { type: 'FeatureCollection', features: [...kept, ...features] };
}
