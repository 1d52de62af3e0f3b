/** Applies a service-area patch from the worker to the polygons on display. */
import type { FeatureCollection } from 'geojson';
import type { ServiceAreaPatch } from '../../worker/protocol';

/**
 * @param shown the collection on the map (null: none)
 * @param patch all of a kind's areas (`replaceAll`), or those of a few facilities
 * @returns a new collection; features of patched facilities are replaced, others kept in order
 */
export function mergeServiceAreas(
  shown: FeatureCollection | null,
  patch: ServiceAreaPatch,
): FeatureCollection {
  if (patch.replaceAll || !shown) return { type: 'FeatureCollection', features: patch.features };
  const ids = new Set(patch.facilityIds);
  const kept = shown.features.filter((f) => !ids.has(String(f.properties?.facilityId)));
  return { type: 'FeatureCollection', features: [...kept, ...patch.features] };
}
