import { circle } from '@turf/turf';
import { FlatAreaWriter, type FlatServiceAreas } from './flat-service-areas';
import { serviceAreasToGeoJSON } from './service-areas-to-geojson';
import type { ServiceAreaCollection, ServiceAreaSource } from '../coverage/types';

/** 64 vertices: a circle of 1 km radius deviates from the true circle by under 1.3 m. */
const CIRCLE_STEPS = 64;

/**
 * The straight-line fallback for service areas (no network loaded): circles of radius
 * minutes × 60 × speed around each facility (turf.circle, great-circle radius), labelled
 * `mode: "straight-line"` — they ignore rivers, railways and blocks, and say so.
 * @param sources facilities (only id and location are used)
 * @param options budgets in minutes and walking speed (m/s)
 * @returns per facility and budget one circle, largest budget first, in the flat layout
 * @example straightLineServiceAreaGeometry(facilities, { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function straightLineServiceAreaGeometry(
  sources: readonly ServiceAreaSource[],
  options: { minutes: number[]; speedMps: number },
): FlatServiceAreas {
  const order = [...new Set(options.minutes)].sort((a, b) => b - a);
  if (order.length === 0 || !order.every((m) => m > 0 && Number.isFinite(m)) || !(options.speedMps > 0)) {
    throw new Error('service areas: minutes and speedMps must be positive numbers');
  }
  const distanceM = order.map((minutes) => minutes * 60 * options.speedMps);
  const writer = new FlatAreaWriter();
  for (const s of sources) {
    for (const radiusM of distanceM) {
      const ring = circle([s.location[0], s.location[1]], radiusM / 1000, {
        steps: CIRCLE_STEPS,
        units: 'kilometers',
      }).geometry.coordinates[0]!;
      writer.area();
      writer.polygon();
      writer.ring(ring.length);
      for (const p of ring) writer.vertex(p[0]!, p[1]!);
    }
  }
  return {
    mode: 'straight-line',
    minutes: order,
    distanceM,
    facilityIds: sources.map((s) => s.id),
    offNetwork: [],
    ...writer.finish(),
  };
}

/**
 * `straightLineServiceAreaGeometry` as GeoJSON.
 * @param sources facilities (only id and location are used)
 * @param options budgets in minutes and walking speed (m/s)
 * @returns per facility and budget a Polygon, largest budget first, with styling properties
 * @example straightLineServiceAreas(facilities, { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function straightLineServiceAreas(
  sources: readonly ServiceAreaSource[],
  options: { minutes: number[]; speedMps: number },
): ServiceAreaCollection {
  return serviceAreasToGeoJSON(straightLineServiceAreaGeometry(sources, options));
}
