/**
 * The MapLibre diff (GeoJSONSourceDiff) from the collection a GeoJSON source shows to the next one,
 * features matched by id. `GeoJSONSource.updateData` applies it in MapLibre's worker and reloads only
 * the tiles the changed geometries touch, where `setData` re-tiles the whole source (226–637 ms per
 * source with software WebGL for the demo's service areas after a drag, issue #4).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';

export type FeatureId = string | number;

/** A feature's id as the source keys it (a promoted property or the top-level `id`). */
export type IdOf = (feature: Feature) => FeatureId | null | undefined;

/**
 * Largest share of changed features sent as a diff. A drag changes one facility's three service
 * areas and the estates near it; a kind switch or a new scenario changes nearly all, and one setData
 * is then cheaper than a long diff that reloads every tile anyway.
 */
export const MAX_DIFF_SHARE = 0.2;

/**
 * @param shown the collection the source holds (what was last sent)
 * @param next the collection to show
 * @param idOf the feature id the source is keyed by
 * @param maxShare largest (added + updated + removed) / max(shown, next) feature count sent as a diff
 * @returns the diff (empty when nothing changed), or null when `setData(next)` is needed: nothing
 *   shown yet, a feature without an id or with a duplicate id, or too many changes
 * @example sourceDiff(shown, next, (f) => f.properties?.id) // { update: [{ id: 'e1', addOrUpdateProperties: […] }] }
 */
export function sourceDiff(
  shown: FeatureCollection | undefined,
  next: FeatureCollection,
  idOf: IdOf,
  maxShare = MAX_DIFF_SHARE,
): GeoJSONSourceDiff | null {
  if (!shown) return null;
  const limit = maxShare * Math.max(shown.features.length, next.features.length);
  const before = new Map<FeatureId, Feature>();
  for (const f of shown.features) {
    const id = idOf(f);
    if (id === null || id === undefined || before.has(id)) return null;
    before.set(id, f);
  }
  const add: Feature[] = [];
  const update: GeoJSONFeatureDiff[] = [];
  const seen = new Set<FeatureId>();
  let changes = 0;
  for (const f of next.features) {
    const id = idOf(f);
    if (id === null || id === undefined || seen.has(id)) return null;
    seen.add(id);
    const old = before.get(id);
    if (old === f) continue;
    if (!old || !sameGeometry(old.geometry, f.geometry))
      add.push(f); // an add replaces the feature
    else {
      const props = propertyDiff(id, old.properties, f.properties);
      if (!props) continue;
      update.push(props);
    }
    if (++changes > limit) return null;
  }
  const remove: FeatureId[] = [];
  for (const id of before.keys()) {
    if (seen.has(id)) continue;
    remove.push(id);
    if (++changes > limit) return null;
  }
  return {
    ...(remove.length > 0 ? { remove } : {}),
    ...(add.length > 0 ? { add } : {}),
    ...(update.length > 0 ? { update } : {}),
  };
}

/** True when a diff changes nothing. */
export const isEmptyDiff = (diff: GeoJSONSourceDiff): boolean =>
  !diff.removeAll && !diff.remove?.length && !diff.add?.length && !diff.update?.length;

/** Property changes of one feature. */
function propertyDiff(
  id: FeatureId,
  old: Feature['properties'],
  next: Feature['properties'],
): GeoJSONFeatureDiff | null {
  const a = old ?? {};
  const b = next ?? {};
  const addOrUpdateProperties: { key: string; value: unknown }[] = [];
  const removeProperties: string[] = [];
  for (const key of Object.keys(b)) {
    if (!(key in a) || !sameValue(a[key], b[key])) addOrUpdateProperties.push({ key, value: b[key] });
  }
  for (const key of Object.keys(a)) if (!(key in b)) removeProperties.push(key);
  if (addOrUpdateProperties.length === 0 && removeProperties.length === 0) return null;
  return {
    id,
    ...(addOrUpdateProperties.length > 0 ? { addOrUpdateProperties } : {}),
    ...(removeProperties.length > 0 ? { removeProperties } : {}),
  };
}

/**
 * Same property value: Object.is, or arrays of the same such values (a zone's estate ids). Other
 * objects count as changed unless identical: sending one too many is correct, one too few is not.
 */
const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => Object.is(x, b[k])));

/** Same geometry: the same object, or the same type and coordinates (stops at the first difference). */
function sameGeometry(a: Geometry | null, b: Geometry | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.type !== b.type) return false;
  if (a.type === 'GeometryCollection' || b.type === 'GeometryCollection') {
    const ga = (a as { geometries: Geometry[] }).geometries;
    const gb = (b as { geometries: Geometry[] }).geometries;
    return ga.length === gb.length && ga.every((g, k) => sameGeometry(g, gb[k]!));
  }
  return sameCoordinates(a.coordinates, b.coordinates);
}

function sameCoordinates(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!sameCoordinates(a[k], b[k])) return false;
  return true;
}
