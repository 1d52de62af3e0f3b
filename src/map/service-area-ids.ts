/**
 * Stable feature ids for the service-area source, so a drag can be sent to the map as a diff
 * (source-diff.ts). A service area is one facility within one walking budget: the id stands for the
 * pair (facilityId, minutes). Ids are numbers, not strings: MapLibre's vector-tile wrapper parses a
 * string id as an integer (NaN for "f1/5").
 */
import type { Feature, FeatureCollection } from 'geojson';

const ids = new Map<string, number>();
/** The id-carrying copy of each feature from the worker: features a patch kept stay the same object. */
const keyed = new WeakMap<Feature, Feature>();

/**
 * @param collection service areas as the analysis runner merged them (properties facilityId, minutes)
 * @returns the same features, each a copy with a top-level numeric `id` for its (facilityId, minutes);
 *   the copy of a feature is made once, so an unchanged feature is the same object in every result
 * @example keyServiceAreas(bulkLayers.getState().serviceAreas).features[0].id // 1
 */
export function keyServiceAreas(collection: FeatureCollection): FeatureCollection {
  const features = collection.features.map((f) => {
    let copy = keyed.get(f);
    if (!copy) {
      const key = `${String(f.properties?.facilityId)}\u0000${String(f.properties?.minutes)}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size + 1));
      copy = { ...f, id };
      keyed.set(f, copy);
    }
    return copy;
  });
  return { type: 'FeatureCollection', features };
}
