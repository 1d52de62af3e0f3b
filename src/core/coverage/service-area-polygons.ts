import type { MultiPolygon, Polygon } from 'geojson';
import type { WalkingGraph } from '../model/network';
import { ContourTracer } from './contour-rings';
import { ReachDrawer } from './draw-reach';
import { LatticePositions } from './lattice-positions';
import { localFrame } from './local-frame';
import { ReachRaster } from './reach-raster';
import { ReachSearch } from './reach-search';
import { RingSet } from './ring-set';
import { serviceAreaStyle } from './service-area-style';
import type { ServiceAreaCollection, ServiceAreaFeature, ServiceAreaSource } from './types';

export interface ServiceAreaOptions {
  /** Walking-time budgets, e.g. [5, 10, 15]. */
  minutes: number[];
  speedMps: number;
  /** Half-width of the band drawn around reached streets, metres. Default 50 (estates a short way off a street). */
  bufferM?: number;
  /** Raster cell, metres. Default 25: half the buffer, so a street's band is four cells wide. */
  cellM?: number;
}

/**
 * Service-area polygons that follow the streets: for each facility, one bounded search up to the largest
 * budget (over junctions only, see ReachSearch); the reached street segments (partly reached ones cut at
 * the reachable fraction, the facility's own edge split at its snapped point, its access leg included) are
 * sampled onto a `cellM` grid in a local metric frame and widened to a band of about `bufferM` either side
 * (see ReachRaster); the outline of the cells reached within each budget is traced by marching squares.
 * One raster serves all budgets, so the 15-minute area contains the 10-minute one exactly. Far faster
 * than buffering thousands of segments with Turf and never a convex blob across blocks.
 *
 * Everything up to the GeoJSON works in typed arrays reused from facility to facility, and all rings are
 * traced before the first GeoJSON array is made. The GeoJSON itself (a few hundred thousand small arrays,
 * and the garbage collector's work on them) is most of the cost, so a vertex shared by several rings of
 * one facility is one Position array (see LatticePositions): read the result, do not edit it in place.
 * @param graph the walking graph
 * @param sources facilities with their snapped points (`CoverageSession.serviceAreaSources()`)
 * @param options budgets, speed, band and cell sizes
 * @returns per facility and budget a Polygon or MultiPolygon (largest budget first), with styling properties;
 *   facilities off the network are listed in `offNetwork`
 * @example serviceAreaPolygons(graph, session.serviceAreaSources(), { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function serviceAreaPolygons(
  graph: WalkingGraph,
  sources: readonly ServiceAreaSource[],
  options: ServiceAreaOptions,
): ServiceAreaCollection {
  const bufferM = options.bufferM ?? 50;
  const cellM = options.cellM ?? 25;
  const order = [...new Set(options.minutes)].sort((a, b) => a - b);
  if (order.length === 0 || order.length > 250 || !order.every((m) => m > 0 && Number.isFinite(m))) {
    throw new Error(
      `service areas: minutes must be 1–250 positive numbers, got [${options.minutes.join(', ')}]`,
    );
  }
  if (!(options.speedMps > 0) || !(bufferM > 0) || !(cellM > 0)) {
    throw new Error('service areas: speedMps, bufferM and cellM must be positive');
  }
  const limits = order.map((m) => m * 60 * options.speedMps);
  const maxM = limits[limits.length - 1]!;
  const search = new ReachSearch(graph);
  const drawer = new ReachDrawer(graph, search);
  const raster = new ReachRaster(cellM, bufferM);
  const tracer = new ContourTracer();
  const positions = new LatticePositions();
  const offNetwork: string[] = [];
  // Pass 1: every facility's rings into one store (typed arrays only); pass 2 builds the GeoJSON.
  const store = new RingSet();
  const plans: { source: number; size: number; half: number; polygons: number[][][] }[] = [];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    const p = source.snapped;
    if (!p || p.offNetwork || p.nodeA < 0) {
      offNetwork.push(source.id);
      continue;
    }
    const frame = localFrame(source.location[0], source.location[1]);
    search.run([p.nodeA, p.nodeB], [p.accessM + p.offsetA, p.accessM + p.offsetB], maxM);
    raster.reset(limits);
    drawer.draw(raster, frame, p, maxM);
    raster.finish();
    const sets = tracer.traceSets(raster.levels, raster.size, limits.length, raster);
    const polygons: number[][][] = [];
    for (let k = limits.length - 1; k >= 0; k--) {
      const set = sets[k]!;
      polygons.push(set.polygons().map((rings) => rings.map((r) => store.copy(set, r))));
    }
    plans.push({ source: i, size: raster.size, half: raster.half, polygons });
  }
  const features: ServiceAreaFeature[] = [];
  for (const plan of plans) {
    const source = sources[plan.source]!;
    positions.reset(plan.size, plan.half, cellM, localFrame(source.location[0], source.location[1]));
    for (let k = limits.length - 1; k >= 0; k--) {
      const polygons = plan.polygons[limits.length - 1 - k]!.map((rings) =>
        rings.map((r) => positions.ring(store, r)),
      );
      // Never empty: the facility's own position (walking distance 0) is always drawn.
      const geometry: Polygon | MultiPolygon =
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0]! }
          : { type: 'MultiPolygon', coordinates: polygons };
      features.push({
        type: 'Feature',
        geometry,
        properties: {
          facilityId: source.id,
          minutes: order[k]!,
          distanceM: limits[k]!,
          mode: 'network',
          ...serviceAreaStyle(order[k]!),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features, offNetwork };
}
