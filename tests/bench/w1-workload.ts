/**
 * The `w1` workload of issue #3, built exactly as the issue defines it, so that the benchmark and
 * the CLI reproduction test use the same numbers:
 * - the walking graph of roads.osm with only the largest component kept (minComponent = the second
 *   component's size + 1);
 * - demand: compounds.csv rows with coordinates and 房屋总数 > 0, BD-09 → WGS-84, inside the bounding
 *   box of the kept nodes, snapped to the nearest node (haversine; ties → lowest node index);
 * - facilities: 200 nodes from a partial Fisher–Yates shuffle of [0..N-1] driven by mulberry32
 *   seeded with 20261123 (for i = 0..199: j = i + (next() mod (N − i)), swap);
 * - question: each compound's network distance to the nearest facility node, covered if ≤ 1000 m.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { bd09ToWgs84 } from '../../src/core/crs';
import { lngLatBd09 } from '../../src/core/geo/units';
import type { NetworkBuildReport, WalkingGraph } from '../../src/core/model/network';
import {
  buildWalkingGraph,
  createSnapper,
  multiSourceSearch,
  type SearchResult,
  type SearchSeed,
} from '../../src/core/network';

/** `../shared/data/shanghai-center` relative to the repository root. */
export const W1_DATA_DIR = fileURLToPath(new URL('../../../shared/data/shanghai-center/', import.meta.url));
export const W1_ROADS = `${W1_DATA_DIR}roads.osm`;
export const W1_COMPOUNDS = `${W1_DATA_DIR}compounds.csv`;
export const W1_SEED = 20261123;
export const W1_FACILITIES = 200;
export const W1_COVER_M = 1000;

/** True when the real Shanghai files are present. */
export const w1DataAvailable = (): boolean => existsSync(W1_ROADS) && existsSync(W1_COMPOUNDS);

/**
 * The common 4-line mulberry32 returning uint32 (as issue #3 quotes it).
 * @param seed 32-bit seed
 * @returns a generator of uint32 values
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Partial Fisher–Yates shuffle of [0..nodeCount-1]: the first `count` entries.
 * @param nodeCount N
 * @param count how many nodes to draw (200 for w1)
 * @param seed mulberry32 seed (20261123 for w1)
 * @returns the drawn node indices in draw order
 */
export function drawFacilityNodes(nodeCount: number, count = W1_FACILITIES, seed = W1_SEED): Uint32Array {
  const next = mulberry32(seed);
  const order = new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) order[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + (next() % (nodeCount - i));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order.slice(0, count);
}

export interface W1Compound {
  name: string;
  households: number;
  /** WGS-84 after BD-09 conversion. */
  lng: number;
  lat: number;
  node: number;
  snapM: number;
}

export interface W1Workload {
  graph: WalkingGraph;
  report: NetworkBuildReport;
  minComponent: number;
  /** Rows with coordinates and 房屋总数 > 0 (before the bounding-box filter). */
  candidates: number;
  compounds: W1Compound[];
  compoundNodes: Uint32Array;
  facilityNodes: Uint32Array;
  /** One seed per facility node, source = its draw index. */
  seeds: SearchSeed[];
}

/** Builds the w1 workload from the real files (check w1DataAvailable first). */
export async function loadW1Workload(): Promise<W1Workload> {
  const roads = readFileSync(W1_ROADS);
  const all = await buildWalkingGraph(roads);
  const second = all.report.componentSizes[1] ?? 0;
  const minComponent = second + 1;
  const { graph, report } = await buildWalkingGraph(roads, { minComponent });

  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    const x = graph.coords[2 * i] as number;
    const y = graph.coords[2 * i + 1] as number;
    minLng = Math.min(minLng, x);
    maxLng = Math.max(maxLng, x);
    minLat = Math.min(minLat, y);
    maxLat = Math.max(maxLat, y);
  }

  const csv = Papa.parse<Record<string, string>>(readFileSync(W1_COMPOUNDS, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const snapper = createSnapper(graph);
  const compounds: W1Compound[] = [];
  let candidates = 0;
  for (const row of csv.data) {
    const households = Number(row['房屋总数']);
    const lngText = row['经度']?.trim() ?? '';
    const latText = row['纬度']?.trim() ?? '';
    const bdLng = Number(lngText);
    const bdLat = Number(latText);
    if (
      lngText === '' ||
      latText === '' ||
      !Number.isFinite(bdLng) ||
      !Number.isFinite(bdLat) ||
      !(households > 0)
    ) {
      continue;
    }
    candidates++;
    const [lng, lat] = bd09ToWgs84(lngLatBd09(bdLng, bdLat));
    if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat) continue;
    const p = snapper.snap(lng, lat, { mode: 'node', maxSnapM: Infinity });
    compounds.push({ name: row['小区名称'] ?? '', households, lng, lat, node: p.nodeA, snapM: p.accessM });
  }
  const facilityNodes = drawFacilityNodes(graph.nodeCount);
  const seeds = Array.from(facilityNodes, (node, source) => ({ node, distance: 0, source }));
  return {
    graph,
    report,
    minComponent,
    candidates,
    compounds,
    compoundNodes: Uint32Array.from(compounds, (c) => c.node),
    facilityNodes,
    seeds,
  };
}

/**
 * The w1 question answered with the engine: one bounded multi-source search, then a look-up per
 * compound. This is the "full coverage recompute" the `w1` benchmark case times.
 * @param w the workload
 * @param out per-compound network metres (Infinity beyond maxDistanceM)
 * @param reuse search scratch to overwrite
 * @param maxDistanceM search bound (1000 m: the coverage question)
 * @returns the number of covered compounds (≤ 1000 m)
 */
export function solveW1(
  w: W1Workload,
  out: Float64Array,
  reuse?: SearchResult,
  maxDistanceM = W1_COVER_M,
): number {
  const result = multiSourceSearch(w.graph, w.seeds, maxDistanceM, reuse);
  let covered = 0;
  for (let i = 0; i < w.compoundNodes.length; i++) {
    const d = result.dist[w.compoundNodes[i] as number] as number;
    out[i] = d;
    if (d <= W1_COVER_M) covered++;
  }
  return covered;
}
