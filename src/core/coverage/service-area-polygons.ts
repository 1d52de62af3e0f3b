import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { WalkingGraph } from '../model/network';
import { ContourTracer } from './contour-rings';
import { localFrame, type LocalFrame } from './local-frame';
import { ReachRaster } from './reach-raster';
import { ringsToPolygons } from './rings-to-polygons';
import { SearchField } from './search-field';
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
 * budget; the reached street segments (partly reached ones cut at the reachable fraction, the facility's
 * own edge split at its snapped point, its access leg included) are sampled onto a `cellM` grid in a local
 * metric frame and widened to a band of about `bufferM` either side (see ReachRaster); the outline of the cells reached within each budget is traced by
 * marching squares. One raster serves all budgets, so the 15-minute area contains the 10-minute one exactly.
 * Far faster than buffering thousands of segments with Turf and never a convex blob across blocks.
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
  const field = new SearchField(graph);
  const raster = new ReachRaster(cellM, bufferM);
  const tracer = new ContourTracer();
  const features: ServiceAreaFeature[] = [];
  const offNetwork: string[] = [];
  for (const source of sources) {
    const p = source.snapped;
    if (!p || p.offNetwork || p.nodeA < 0) {
      offNetwork.push(source.id);
      continue;
    }
    const frame = localFrame(source.location[0], source.location[1]);
    field.reset();
    field.offer(p.nodeA, p.accessM + p.offsetA, 0);
    if (p.nodeB !== p.nodeA) field.offer(p.nodeB, p.accessM + p.offsetB, 0);
    field.run(maxM);
    raster.reset(limits);
    drawReach(graph, field, raster, frame, p);
    raster.finish();
    const rings = tracer.trace(raster.levels, raster.size, limits.length, raster);
    for (let k = limits.length - 1; k >= 0; k--) {
      const polygons = ringsToPolygons(rings[k]!).map((poly) =>
        poly.map((ring) => toLngLat(ring, raster, frame)),
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

/** Rasterises the access leg, the facility's own edge and every reached street segment. */
function drawReach(
  graph: WalkingGraph,
  field: SearchField,
  raster: ReachRaster,
  frame: LocalFrame,
  p: NonNullable<ServiceAreaSource['snapped']>,
): void {
  const { coords, offsets, targets, lengths } = graph;
  const x = (node: number): number => (coords[2 * node]! - frame.lng0) * frame.mPerLng;
  const y = (node: number): number => (coords[2 * node + 1]! - frame.lat0) * frame.mPerLat;
  const { dist } = field;
  const edgeLength = p.offsetA + p.offsetB;
  const f = edgeLength > 0 ? p.offsetA / edgeLength : 0;
  const sx = x(p.nodeA) + f * (x(p.nodeB) - x(p.nodeA));
  const sy = y(p.nodeA) + f * (y(p.nodeB) - y(p.nodeA));
  raster.segment(0, 0, sx, sy, 0, p.accessM, p.accessM);
  if (p.nodeA !== p.nodeB) {
    raster.segment(sx, sy, x(p.nodeA), y(p.nodeA), p.accessM, dist[p.nodeA]!, p.offsetA);
    raster.segment(sx, sy, x(p.nodeB), y(p.nodeB), p.accessM, dist[p.nodeB]!, p.offsetB);
  }
  for (let q = 0; q < field.touchedCount; q++) {
    const u = field.touched[q]!;
    const du = dist[u]!;
    const ux = x(u);
    const uy = y(u);
    const own = u === p.nodeA ? p.nodeB : u === p.nodeB ? p.nodeA : -1;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      const dv = dist[v]!;
      if ((dv < Infinity && v < u) || v === own) continue; // drawn from v's side, or the facility's edge
      raster.segment(ux, uy, x(v), y(v), du, dv, lengths[e]!);
    }
  }
}

/** Doubled lattice coordinates → WGS-84, rounded to 1e-7° (about 1 cm; the cells are 25 m). */
function toLngLat(ring: number[], raster: ReachRaster, frame: LocalFrame): Position[] {
  const out = new Array<Position>(ring.length / 2);
  const s = raster.cellM / 2;
  const offset = raster.half * raster.cellM;
  const kx = 1 / frame.mPerLng;
  const ky = 1 / frame.mPerLat;
  for (let k = 0; k < ring.length; k += 2) {
    out[k / 2] = [
      round7(frame.lng0 + (ring[k]! * s - offset) * kx),
      round7(frame.lat0 + (ring[k + 1]! * s - offset) * ky),
    ];
  }
  return out;
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;
