import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildWalkingGraph,
  componentsOf,
  createSnapper,
  deserializeGraph,
  multiSourceSearch,
  serializeGraph,
  type WalkingGraph,
} from '../../../src/core/network';
import { mulberry32 } from '../../bench/w1-workload';
import { adjacencyOf, dijkstra, parseOsmSimple, type SimpleOsm } from './simple-osm';
import { writeOsmPbf } from './write-osm-pbf';

const ROADS = fileURLToPath(new URL('../../../../shared/data/shanghai-center/roads.osm', import.meta.url));

describe.skipIf(!existsSync(ROADS))(
  'walking graph of the real Shanghai extract (../shared/data, skipped when absent)',
  () => {
    let xml = '';
    let graph: WalkingGraph;
    let report: Awaited<ReturnType<typeof buildWalkingGraph>>['report'];
    let simple: SimpleOsm;

    beforeAll(async () => {
      xml = readFileSync(ROADS, 'utf8');
      ({ graph, report } = await buildWalkingGraph(readFileSync(ROADS)));
      simple = parseOsmSimple(xml);
    });

    it('reads every node and way, with sane counts', () => {
      expect(simple.nodes.size).toBe(21786);
      expect(report.waysRead).toBe(4701);
      expect(report.missingNodeRefs).toBe(0);
      expect(report.nodes).toBeGreaterThan(15000);
      expect(report.nodes).toBeLessThanOrEqual(21786);
      expect(report.edges).toBeGreaterThan(report.nodes);
      expect(report.edges).toBeLessThan(2 * report.nodes);
      expect(report.droppedNodes).toBeLessThan(200);
      expect(report.componentSizes.reduce((a, b) => a + b, 0)).toBe(report.nodes);
      for (let i = 1; i < graph.nodeCount; i++)
        expect(graph.osmIds[i]).toBeGreaterThan(graph.osmIds[i - 1] as number);
    });

    it('keeps both banks of the Huangpu with the default 50, as separate components', () => {
      expect(report.componentSizes.length).toBeGreaterThanOrEqual(2);
      expect(report.componentSizes[1]).toBeGreaterThan(1000);
      const snapper = createSnapper(graph);
      // People's Square (Puxi) and Lujiazui (Pudong), WGS-84.
      const puxi = snapper.snap(121.4737, 31.2304, { mode: 'node', maxSnapM: 300 });
      const pudong = snapper.snap(121.5055, 31.2397, { mode: 'node', maxSnapM: 300 });
      expect(puxi.offNetwork || pudong.offNetwork).toBe(false);
      const { component, sizes } = componentsOf(graph);
      const [a, b] = [component[puxi.nodeA] as number, component[pudong.nodeA] as number];
      expect(a).not.toBe(b);
      expect(Math.min(sizes[a] as number, sizes[b] as number)).toBeGreaterThan(1000);
      const r = multiSourceSearch(graph, [{ node: puxi.nodeA, distance: 0, source: 0 }], Infinity);
      expect(r.dist[pudong.nodeA]).toBe(Infinity);
      expect(r.reachedCount).toBe(sizes[a]);
    });

    it('keeps only the largest component with minComponent above the second one', async () => {
      const only = await buildWalkingGraph(xml, { minComponent: (report.componentSizes[1] as number) + 1 });
      expect(only.report.componentSizes).toEqual([report.componentSizes[0]]);
      expect(componentsOf(only.graph).count).toBe(1);
    });

    it('gives the same graph from a PBF written from the same data, and from the binary file', async () => {
      const pbf = writeOsmPbf(simple, { dense: true, compress: true, blockSize: 8000 });
      expect((await buildWalkingGraph(pbf)).graph).toEqual(graph);
      expect(deserializeGraph(serializeGraph(graph))).toEqual(graph);
    });

    it('distances equal an independent Dijkstra to the metre (node mode, seeded source sets)', () => {
      const adj = adjacencyOf(simple);
      const next = mulberry32(20261123);
      let compared = 0;
      let worst = 0;
      for (const [sourceCount, maxDistanceM] of [
        [1, Infinity],
        [3, 2500],
        [8, 1000],
        [20, Infinity],
      ] as const) {
        const sources = Array.from({ length: sourceCount }, () => next() % graph.nodeCount);
        const reference = sources.map((node) => dijkstra(adj, graph.osmIds[node] as number));
        const r = multiSourceSearch(
          graph,
          sources.map((node, source) => ({ node, distance: 0, source })),
          maxDistanceM,
        );
        for (let v = 0; v < graph.nodeCount; v++) {
          const each = reference.map((d) => d.get(graph.osmIds[v] as number) ?? Infinity);
          const best = Math.min(...each);
          if (best === Infinity || best > maxDistanceM + 0.01) {
            expect(r.dist[v]).toBe(Infinity);
            continue;
          }
          if (best > maxDistanceM - 0.01) continue;
          const diff = Math.abs((r.dist[v] as number) - best);
          worst = Math.max(worst, diff);
          expect(diff).toBeLessThan(0.01);
          const nearTie = each.filter((d) => d - best < 0.01).length > 1;
          if (!nearTie) expect(r.source[v]).toBe(each.indexOf(best));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(20000);
      expect(worst).toBeLessThan(0.01);
    });
  },
);
