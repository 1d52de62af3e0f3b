import type { WalkingGraph } from '../model/network';
import { multiSourceSearch, scratchSearchResult, type SearchSeed } from '../network/multi-source-search';
import { ContourTracer } from './contour-rings';
import { ReachDrawer } from './draw-reach';
import { FlatAreaWriter, type FlatServiceAreas } from './flat-service-areas';
import { LatticeDegrees } from './lattice-degrees';
import { localFrame } from '../geo/local-frame';
import { ReachRaster } from './reach-raster';
import { serviceAreasToGeoJSON } from './service-areas-to-geojson';
import type { ServiceAreaCollection, ServiceAreaSource } from '../coverage/types';

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
 * budget (the network module's multiSourceSearch from the facility's edge ends); the reached street segments (partly reached ones cut at
 * the reachable fraction, the facility's own edge split at its snapped point, its access leg included) are
 * sampled onto a `cellM` grid in a local metric frame and widened to a band of about `bufferM` either side
 * (see ReachRaster); the outline of the cells reached within each budget is traced by marching squares.
 * One raster serves all budgets, so the 15-minute area contains the 10-minute one exactly. Far faster
 * than buffering thousands of segments with Turf and never a convex blob across blocks.
 *
 * Everything works in typed arrays reused from facility to facility, and the result is the flat layout
 * (see FlatServiceAreas): no array is made per ring or vertex. `serviceAreaPolygons` gives GeoJSON.
 * @param graph the walking graph
 * @param sources facilities with their snapped points (`CoverageSession.serviceAreaSources()`)
 * @param options budgets, speed, band and cell sizes
 * @returns per facility and budget its polygons (largest budget first); facilities off the network are
 *   listed in `offNetwork`
 * @example serviceAreaGeometry(graph, session.serviceAreaSources(), { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function serviceAreaGeometry(
  graph: WalkingGraph,
  sources: readonly ServiceAreaSource[],
  options: ServiceAreaOptions,
): FlatServiceAreas {
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
  const search = scratchSearchResult(graph);
  const seeds: SearchSeed[] = [
    { node: 0, distance: 0, source: 0 },
    { node: 0, distance: 0, source: 0 },
  ];
  const drawer = new ReachDrawer(graph);
  const raster = new ReachRaster(cellM, bufferM);
  const tracer = new ContourTracer();
  const lattice = new LatticeDegrees();
  const writer = new FlatAreaWriter();
  const facilityIds: string[] = [];
  const offNetwork: string[] = [];
  for (const source of sources) {
    const p = source.snapped;
    if (!p || p.offNetwork || p.nodeA < 0) {
      offNetwork.push(source.id);
      continue;
    }
    facilityIds.push(source.id);
    const frame = localFrame(source.location[0], source.location[1]);
    seeds[0] = { node: p.nodeA, distance: p.accessM + p.offsetA, source: 0 };
    seeds[1] = { node: p.nodeB, distance: p.accessM + p.offsetB, source: 0 };
    multiSourceSearch(graph, seeds, maxM, search);
    raster.reset(limits);
    drawer.draw(raster, frame, p, search);
    raster.finish();
    const sets = tracer.traceSets(raster.levels, raster.size, limits.length, raster);
    lattice.reset(raster.size, raster.half, cellM, frame);
    const { lng, lat } = lattice;
    // Never empty: the facility's own position (walking distance 0) is always drawn.
    for (let k = limits.length - 1; k >= 0; k--) {
      const set = sets[k]!;
      const { xy, start, end } = set;
      writer.area();
      for (const rings of set.polygons()) {
        writer.polygon();
        for (const r of rings) writer.latticeRing(xy, start[r]!, end[r]!, lng, lat);
      }
    }
  }
  return {
    mode: 'network',
    minutes: [...order].reverse(),
    distanceM: [...limits].reverse(),
    facilityIds,
    offNetwork,
    ...writer.finish(),
  };
}

/**
 * `serviceAreaGeometry` as GeoJSON (for files and the map).
 * @param graph the walking graph
 * @param sources facilities with their snapped points
 * @param options budgets, speed, band and cell sizes
 * @returns per facility and budget a Polygon or MultiPolygon (largest budget first), with styling
 *   properties; facilities off the network are listed in `offNetwork`
 * @example serviceAreaPolygons(graph, session.serviceAreaSources(), { minutes: [5, 10, 15], speedMps: 1.11 })
 */
export function serviceAreaPolygons(
  graph: WalkingGraph,
  sources: readonly ServiceAreaSource[],
  options: ServiceAreaOptions,
): ServiceAreaCollection {
  return serviceAreasToGeoJSON(serviceAreaGeometry(graph, sources, options));
}
