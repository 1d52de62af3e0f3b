/**
 * Display geometry too bulky for the app store (street segments as a typed array, service-area
 * polygons). The analysis runner writes it, the MapController reads it; the app store only holds
 * the `version` handle of what is shown (style.md: the store holds result handles).
 */
import type { FeatureCollection } from 'geojson';
import { createStore } from 'zustand/vanilla';

export interface BulkLayers {
  /** Street segments [lon0, lat0, lon1, lat1, …], one pair of points per network edge. */
  streets: Float64Array | null;
  /** Service areas of the facilities of the shown kind, nested 5/10/15-minute polygons. */
  serviceAreas: FeatureCollection | null;
}

export const bulkLayers = createStore<BulkLayers>()(() => ({ streets: null, serviceAreas: null }));
