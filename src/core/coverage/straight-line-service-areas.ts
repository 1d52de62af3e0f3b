import { circle } from '@turf/turf';
import { serviceAreaStyle } from './service-area-style';
import type { ServiceAreaCollection, ServiceAreaFeature, ServiceAreaSource } from './types';

/** 64 vertices: a circle of 1 km radius deviates from the true circle by under 1.3 m. */
const CIRCLE_STEPS = 64;

/**
 * The straight-line fallback for service areas (no network loaded): circles of radius
 * minutes × 60 × speed around each facility (turf.circle, great-circle radius), labelled
 * `mode: "straight-line"` — they ignore rivers, railways and blocks, and say so.
 * @param sources facilities (only id and location are used)
 * @param options budgets in minutes and walking speed (m/s)
 * @returns per facility and budget a Polygon, largest budget first, with styling properties
 * @example straightLineServiceAreas(facilities, { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function straightLineServiceAreas(
  sources: readonly ServiceAreaSource[],
  options: { minutes: number[]; speedMps: number },
): ServiceAreaCollection {
  const order = [...new Set(options.minutes)].sort((a, b) => b - a);
  if (order.length === 0 || !order.every((m) => m > 0 && Number.isFinite(m)) || !(options.speedMps > 0)) {
    throw new Error('service areas: minutes and speedMps must be positive numbers');
  }
  const features: ServiceAreaFeature[] = [];
  for (const s of sources) {
    for (const minutes of order) {
      const distanceM = minutes * 60 * options.speedMps;
      const c = circle([s.location[0], s.location[1]], distanceM / 1000, {
        steps: CIRCLE_STEPS,
        units: 'kilometers',
      });
      features.push({
        type: 'Feature',
        geometry: c.geometry,
        properties: {
          facilityId: s.id,
          minutes,
          distanceM,
          mode: 'straight-line',
          ...serviceAreaStyle(minutes),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features, offNetwork: [] };
}
