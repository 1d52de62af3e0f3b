import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildWalkingGraph,
  isWalkableWay,
  OsmReadError,
  serializeGraph,
  sniffOsmFormat,
} from '../../../src/core/network';
import { OsmCollector } from '../../../src/core/network/osm-collector';
import { OsmXmlScanner } from '../../../src/core/network/osm-xml-scanner';
import { haversine, parseOsmSimple } from './simple-osm';

const FIXTURE = new URL('../../fixtures/network/in/walking-filters.osm', import.meta.url);
const xml = readFileSync(FIXTURE, 'utf8');

/** Edges as "osmIdA-osmIdB" (A < B), read back from the CSR rows. */
function edgeSet(graph: Awaited<ReturnType<typeof buildWalkingGraph>>['graph']): string[] {
  const out: string[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const a = graph.osmIds[u] as number;
      const b = graph.osmIds[graph.targets[e] as number] as number;
      if (a < b) out.push(`${a}-${b}`);
    }
  }
  return out.sort();
}

describe('walking filter (issue #3 rule)', () => {
  it('keeps highways except the four excluded values, foot=no, and access=no without foot=yes', () => {
    expect(isWalkableWay('residential', null, null)).toBe(true);
    expect(isWalkableWay(null, 'yes', null)).toBe(false);
    for (const h of ['motorway', 'motorway_link', 'construction', 'proposed']) {
      expect(isWalkableWay(h, null, null)).toBe(false);
      expect(isWalkableWay(h, 'yes', null)).toBe(false);
    }
    expect(isWalkableWay('path', 'no', null)).toBe(false);
    expect(isWalkableWay('path', 'no', 'yes')).toBe(false);
    expect(isWalkableWay('service', null, 'no')).toBe(false);
    expect(isWalkableWay('service', 'yes', 'no')).toBe(true);
    expect(isWalkableWay('service', null, 'private')).toBe(true);
  });
});

describe('buildWalkingGraph on the hand-made fixture', () => {
  // Worked by hand from walking-filters.osm:
  // kept ways 100 (10-11-12-13), 101 (13-14, oneway ignored), 108 (14-15, access=no + foot=yes),
  // 109 (15-15 self-loop, 15-16), 110 (16-15, 15-16: both repeats), 112 (13-17, access=private),
  // 113 (30-31, a 2-node component), 114 (17-99-18: node 99 is missing) → waysUsed 8 of 16.
  // Main component {10..17}: edges 10-11, 11-12, 12-13, 13-14, 14-15, 15-16, 13-17.
  const mainEdges = ['10-11', '11-12', '12-13', '13-14', '13-17', '14-15', '15-16'];

  it('applies every rule and drops the small component (minComponent 3)', async () => {
    const { graph, report } = await buildWalkingGraph(xml, { minComponent: 3 });
    expect(Array.from(graph.osmIds)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(edgeSet(graph)).toEqual(mainEdges);
    expect(report).toMatchObject({
      nodes: 8,
      edges: 7,
      droppedNodes: 2,
      droppedComponents: 1,
      componentSizes: [8],
      waysRead: 16,
      waysUsed: 8,
      missingNodeRefs: 1,
      skippedEdges: 2,
      selfLoops: 1,
      duplicateEdges: 2,
      droppedEdges: 1,
      minComponent: 3,
    });
    expect(graph.offsets[graph.nodeCount]).toBe(14);
  });

  it('keeps the 2-node component with minComponent 2 and drops everything with the default 50', async () => {
    const two = await buildWalkingGraph(xml, { minComponent: 2 });
    expect(Array.from(two.graph.osmIds)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 30, 31]);
    expect(edgeSet(two.graph)).toEqual([...mainEdges, '30-31'].sort());
    expect(two.report.componentSizes).toEqual([8, 2]);
    const byDefault = await buildWalkingGraph(xml);
    expect(byDefault.report).toMatchObject({ nodes: 0, edges: 0, droppedNodes: 10, droppedComponents: 2 });
  });

  it('stores haversine lengths (R = 6,371,008.8 m) in both directions, rows sorted', async () => {
    const { graph } = await buildWalkingGraph(xml, { minComponent: 3 });
    const osm = parseOsmSimple(xml);
    for (let u = 0; u < graph.nodeCount; u++) {
      let previous = -1;
      for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
        const v = graph.targets[e] as number;
        expect(v).toBeGreaterThan(previous);
        previous = v;
        const a = osm.nodes.get(graph.osmIds[u] as number);
        const b = osm.nodes.get(graph.osmIds[v] as number);
        if (a === undefined || b === undefined) throw new Error('node missing from fixture');
        expect(graph.lengths[e]).toBeCloseTo(haversine(a.lon, a.lat, b.lon, b.lat), 3);
        expect(graph.coords[2 * u]).toBe(a.lon);
        expect(graph.coords[2 * u + 1]).toBe(a.lat);
      }
    }
    // 0.001° of longitude at 31.2° N: 6371008.8 · cos(31.2°) · π/180 · 0.001 ≈ 95.09 m
    expect(graph.lengths[0]).toBeCloseTo(95.09, 1);
  });

  it('gives the same graph from bytes, gzip, and text cut into 1-character chunks', async () => {
    const fromText = await buildWalkingGraph(xml, { minComponent: 2 });
    const bytes = new TextEncoder().encode(xml);
    const fromBytes = await buildWalkingGraph(bytes, { minComponent: 2 });
    const fromGzip = await buildWalkingGraph(gzipSync(bytes), { minComponent: 2 });
    expect(sniffOsmFormat(gzipSync(bytes))).toBe('osm.gz');
    expect(fromBytes.graph).toEqual(fromText.graph);
    expect(fromGzip.graph).toEqual(fromText.graph);
    // Two gzip members back to back (as `cat a.gz b.gz` makes) read as one text.
    const cut = xml.indexOf('<way');
    const first = gzipSync(new TextEncoder().encode(xml.slice(0, cut)));
    const second = gzipSync(new TextEncoder().encode(xml.slice(cut)));
    const members = new Uint8Array(first.length + second.length);
    members.set(first);
    members.set(second, first.length);
    expect((await buildWalkingGraph(members, { minComponent: 2 })).graph).toEqual(fromText.graph);
    const collector = new OsmCollector();
    const scanner = new OsmXmlScanner(collector);
    for (const ch of xml) scanner.push(ch);
    scanner.end();
    expect(collector.nodeCount).toBe(19);
    expect(collector.waysRead).toBe(16);
    expect(collector.waysUsed).toBe(8);
  });

  it('reports bad input clearly instead of crashing or dropping it', async () => {
    await expect(buildWalkingGraph('<osm><node id="5" lon="121"/></osm>')).rejects.toThrow(
      /<node id="5">.*attribute lat is missing/,
    );
    await expect(buildWalkingGraph('<osm><node id="5" lat="95" lon="121"/></osm>')).rejects.toThrow(
      /outside/,
    );
    await expect(buildWalkingGraph('<osm><way id="7"><nd ref="x"/></way></osm>')).rejects.toThrow(
      /way 7.*ref is "x"/,
    );
    await expect(buildWalkingGraph('<osm><node id="5" lat="31"')).rejects.toThrow(OsmReadError);
    await expect(buildWalkingGraph('<html></html>')).rejects.toThrow(/no <osm> root/);
    await expect(buildWalkingGraph(new TextEncoder().encode('name,lat\n'))).rejects.toThrow(
      /not an OpenStreetMap file/,
    );
    await expect(buildWalkingGraph(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).rejects.toThrow(
      /gzip: .* truncated/,
    );
    const built = serializeGraph((await buildWalkingGraph(xml, { minComponent: 3 })).graph);
    await expect(buildWalkingGraph(built)).rejects.toThrow(/built walking-graph file/);
    await expect(buildWalkingGraph(xml, { minComponent: -1 })).rejects.toThrow(RangeError);
    await expect(buildWalkingGraph(xml, { format: 'pbf' })).rejects.toThrow(
      /needs bytes, but text was given/,
    );
    await expect(buildWalkingGraph(gzipSync(new TextEncoder().encode(xml)).subarray(0, 200))).rejects.toThrow(
      /gzip: the compressed data is damaged \(unexpected EOF\)/,
    );
  });
});
