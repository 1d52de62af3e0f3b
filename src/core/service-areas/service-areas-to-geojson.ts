import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { FlatServiceAreas } from './flat-service-areas';
import { serviceAreaStyle } from './service-area-style';
import type { ServiceAreaCollection, ServiceAreaFeature } from '../coverage/types';

/**
 * GeoJSON for flat service areas: one Feature per facility and budget (largest budget first), a Polygon
 * or, when the area falls apart in pieces, a MultiPolygon, with the facility, budget, mode and
 * simplestyle properties.
 * @param flat service areas in the flat layout
 * @returns a FeatureCollection with `offNetwork`
 * @example serviceAreasToGeoJSON(serviceAreaGeometry(graph, sources, { minutes: [5, 10, 15], speedMps: 1.11 }))
 */
export function serviceAreasToGeoJSON(flat: FlatServiceAreas): ServiceAreaCollection {
  const { areaStart, polygonStart, ringStart, coordinates: c, minutes, distanceM } = flat;
  const levels = minutes.length;
  const features: ServiceAreaFeature[] = [];
  for (let a = 0; a + 1 < areaStart.length; a++) {
    const polygons: Position[][][] = [];
    for (let p = areaStart[a]!; p < areaStart[a + 1]!; p++) {
      const rings: Position[][] = [];
      for (let r = polygonStart[p]!; r < polygonStart[p + 1]!; r++) {
        const from = ringStart[r]!;
        const ring = new Array<Position>(ringStart[r + 1]! - from);
        for (let k = 0; k < ring.length; k++) ring[k] = [c[2 * (from + k)]!, c[2 * (from + k) + 1]!];
        rings.push(ring);
      }
      polygons.push(rings);
    }
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
    const k = a % levels;
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        facilityId: flat.facilityIds[(a - k) / levels]!,
        minutes: minutes[k]!,
        distanceM: distanceM[k]!,
        mode: flat.mode,
        ...serviceAreaStyle(minutes[k]!),
      },
    });
  }
  return { type: 'FeatureCollection', features, offNetwork: [...flat.offNetwork] };
}
