/**
 * A seeded synthetic large city for benchmarks and browser tests (issue #9): about a million street
 * nodes, 20,000 or 150,000 estates and 2,000 care facilities, generated in a few seconds without any
 * download. Usable in-process (the walking graph, estates and facilities as the importer gives them)
 * and as files the CLI and the planner import (scripts/generate-city.ts).
 */
import { assembleWalkingGraph, type OsmBuildReport } from '../../src/core/network/assemble-walking-graph';
import { DEFAULT_MIN_COMPONENT } from '../../src/core/network/build-walking-graph';
import { OsmCollector } from '../../src/core/network/osm-collector';
import { lngLat, type LngLat } from '../../src/core/geo/units';
import type { Estate } from '../../src/core/model/estate';
import type { Facility } from '../../src/core/model/facility';
import type { WalkingGraph } from '../../src/core/model/network';
import { mulberry32 } from '../demo/common';
import { makeCityEstates, makeCityFacilities } from './city-places';
import { buildCityStreets, HIGHWAY_CLASSES, type CityStreets } from './city-streets';

export const CITY_SEED = 20261204;

export interface CityOptions {
  /** mulberry32 seed (default CITY_SEED). */
  seed?: number;
  /** About how many street nodes (default 1,000,000). */
  nodes?: number;
  /** Estates (default 20,000). */
  estates?: number;
  /** Facilities of all kinds together (default 2,000). */
  facilities?: number;
}

export interface City {
  seed: number;
  streets: CityStreets;
  /** Node positions in units of 100 nanodegrees [lon0, lat0, …], as written to the PBF file. */
  units: Int32Array;
  /** The walking graph exactly as importing the PBF file builds it. */
  graph: WalkingGraph;
  report: OsmBuildReport;
  estates: Estate[];
  facilities: Facility[];
}

/** South-west corner of the invented city, WGS-84 (inland eastern China, so no point is at sea). */
const ORIGIN = { lng: 117.05, lat: 31.72 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);
/** 100 nanodegrees → degrees as the PBF reader computes them (granularity 100, offset 0). */
const fromUnits = (u: number): number => (100 * u) / 1e9;

/** Metres → WGS-84, on the same 1e-7° lattice as the street nodes. */
function toLngLat(x: number, y: number): LngLat {
  return lngLat(
    fromUnits(Math.round((ORIGIN.lng + x / M_PER_DEG_LNG) * 1e7)),
    fromUnits(Math.round((ORIGIN.lat + y / M_PER_DEG_LAT) * 1e7)),
  );
}

/**
 * Generates the city.
 * @param options seed and sizes
 * @returns streets, the walking graph, estates and facilities; the same options give the same city
 * @example generateCity({ estates: 20000 }).graph.nodeCount // ≈ 1,000,000
 */
export function generateCity(options: CityOptions = {}): City {
  const seed = options.seed ?? CITY_SEED;
  const rand = mulberry32(seed);
  const streets = buildCityStreets(rand, options.nodes ?? 1_000_000);
  const n = streets.nodeCount;
  const units = new Int32Array(2 * n);
  const collector = new OsmCollector();
  collector.nodeIds = new Float64Array(n);
  collector.nodeCoords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const lon = Math.round((ORIGIN.lng + streets.nodeXy[2 * i]! / M_PER_DEG_LNG) * 1e7);
    const lat = Math.round((ORIGIN.lat + streets.nodeXy[2 * i + 1]! / M_PER_DEG_LAT) * 1e7);
    units[2 * i] = lon;
    units[2 * i + 1] = lat;
    collector.addNode(i + 1, fromUnits(lon), fromUnits(lat));
  }
  collector.refs = new Float64Array(streets.refCount);
  let start = 0;
  for (let w = 0; w < streets.wayCount; w++) {
    collector.beginWay();
    const end = streets.wayEnds[w]!;
    for (let r = start; r < end; r++) collector.addRef(streets.refs[r]! + 1);
    collector.endWay(HIGHWAY_CLASSES[streets.wayClass[w]!]!, null, null);
    start = end;
  }
  const { graph, report } = assembleWalkingGraph(collector, DEFAULT_MIN_COMPONENT);
  const estates = makeCityEstates(rand, streets, options.estates ?? 20_000, toLngLat);
  const facilities = makeCityFacilities(rand, streets, options.facilities ?? 2_000, toLngLat);
  return { seed, streets, units, graph, report, estates, facilities };
}
