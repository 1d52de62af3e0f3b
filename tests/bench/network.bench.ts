/**
 * Walking-network benchmarks (issue #3): building the graph from the real roads.osm (target ≤ 1 s),
 * loading the binary graph file, and bounded multi-source search on seeded synthetic grids of 100k
 * and 1M nodes (target for 1M: ≤ 1 s and ≤ 300 MB). Figures go to tests/bench/results/latest.json.
 */
import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
import {
  buildWalkingGraph,
  createSearchResult,
  deserializeGraph,
  graphFromEdges,
  multiSourceSearch,
  searchScratchBytes,
  serializeGraph,
  type WalkingGraph,
} from '../../src/core/network';
import { benchAndRecord, memoryMB } from './bench-results';
import { mulberry32, W1_ROADS, w1DataAvailable } from './w1-workload';

/** Bytes held by a graph's typed arrays. */
const graphBytes = (g: WalkingGraph): number =>
  g.coords.byteLength +
  g.osmIds.byteLength +
  g.offsets.byteLength +
  g.targets.byteLength +
  g.lengths.byteLength;
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * A side × side street grid near Shanghai (≈ 100 m blocks), node positions jittered and 10 % of
 * the street segments removed, all driven by mulberry32(seed), so runs are comparable.
 */
function syntheticGrid(side: number, seed: number): WalkingGraph {
  const next = mulberry32(seed);
  const n = side * side;
  const coords = new Float64Array(2 * n);
  const step = 0.001;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      coords[2 * i] = 121 + c * step + ((next() % 1000) / 1000 - 0.5) * 0.3 * step;
      coords[2 * i + 1] = 31 + r * step * 0.9 + ((next() % 1000) / 1000 - 0.5) * 0.3 * step;
    }
  }
  const pairs = new Uint32Array(4 * n);
  let k = 0;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      if (c + 1 < side && next() % 10 !== 0) {
        pairs[k++] = i;
        pairs[k++] = i + 1;
      }
      if (r + 1 < side && next() % 10 !== 0) {
        pairs[k++] = i;
        pairs[k++] = i + side;
      }
    }
  }
  return graphFromEdges(coords, pairs.subarray(0, k));
}

function searchCase(name: string, side: number, iterations: number, targets: Record<string, number>): void {
  const before = memoryMB();
  const graph = syntheticGrid(side, 20261123);
  const next = mulberry32(7);
  const seeds = Array.from({ length: 200 }, (_, source) => ({
    node: next() % graph.nodeCount,
    distance: 0,
    source,
  }));
  const scratch = createSearchResult(graph.nodeCount);
  benchAndRecord(name, () => multiSourceSearch(graph, seeds, Infinity, scratch), {
    iterations,
    time: 0,
    warmupIterations: 2,
    extra: () => {
      const after = memoryMB();
      const searchBytes = scratch.dist.byteLength + scratch.source.byteLength + scratch.reached.byteLength;
      return {
        nodes: graph.nodeCount,
        halfEdges: graph.targets.length,
        seeds: seeds.length,
        reached: scratch.reachedCount,
        graphMB: mib(graphBytes(graph)),
        scratchMB: mib(searchScratchBytes()),
        engineMB: mib(graphBytes(graph) + searchBytes + searchScratchBytes()),
        rssMB: after.rss,
        rssGrowthMB: Math.round((after.rss - before.rss) * 10) / 10,
        arrayBuffersMB: after.arrayBuffers,
        ...targets,
      };
    },
    onRecorded: (r) =>
      console.log(
        `${name}: median ${r.medianMs.toFixed(1)} ms, ${r.reached} of ${r.nodes} nodes, engine ${r.engineMB} MB, rss ${r.rssMB} MB`,
      ),
  });
}

const roads = w1DataAvailable() ? readFileSync(W1_ROADS) : null;
const built = roads === null ? null : await buildWalkingGraph(roads);
const graphFile = built === null ? null : serializeGraph(built.graph, built.report);

describe.skipIf(roads === null)(
  'walking network from roads.osm (skipped when ../shared/data is absent)',
  () => {
    benchAndRecord('network: build roads.osm', () => buildWalkingGraph(roads as Uint8Array), {
      iterations: 15,
      time: 0,
      warmupIterations: 2,
      extra: () => ({
        nodes: built?.report.nodes ?? 0,
        edges: built?.report.edges ?? 0,
        droppedNodes: built?.report.droppedNodes ?? 0,
        fileMB: mib(roads?.length ?? 0),
        targetMs: 1000,
      }),
      onRecorded: (r) =>
        console.log(`build roads.osm: median ${r.medianMs.toFixed(1)} ms (${r.nodes} nodes)`),
    });
    // The same build watched by a progress callback (the browser's case): slices of ≈ 1 % of the file.
    let reports = 0;
    benchAndRecord(
      'network: build roads.osm with progress',
      () => buildWalkingGraph(roads as Uint8Array, { onProgress: () => reports++ }),
      {
        iterations: 15,
        time: 0,
        warmupIterations: 2,
        extra: () => ({ reportsPerBuild: Math.round(reports / 17), targetMs: 1000 }),
        onRecorded: (r) =>
          console.log(
            `build roads.osm with progress: median ${r.medianMs.toFixed(1)} ms (${r.reportsPerBuild} reports)`,
          ),
      },
    );
    benchAndRecord('network: deserialize roads graph', () => deserializeGraph(graphFile as Uint8Array), {
      iterations: 200,
      time: 0,
      warmupIterations: 10,
      extra: () => ({ fileMB: mib(graphFile?.length ?? 0), targetMs: 1000 }),
      onRecorded: (r) => console.log(`deserialize roads graph: median ${r.medianMs.toFixed(3)} ms`),
    });
  },
);

describe('multi-source search on seeded synthetic grids', () => {
  searchCase('network: search 100k grid', 316, 30, {});
  searchCase('network: search 1M grid', 1000, 10, { targetMs: 1000, targetMB: 300 });
});
