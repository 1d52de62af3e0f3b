import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildWalkingGraph,
  deserializeGraph,
  deserializeGraphReport,
  GraphFileError,
  isSerializedGraph,
  serializeGraph,
} from '../../../src/core/network';

const xml = readFileSync(new URL('../../fixtures/network/in/walking-filters.osm', import.meta.url), 'utf8');

describe('walking-graph file', () => {
  it('round-trips the graph and its report, viewing aligned bytes in place', async () => {
    const { graph, report } = await buildWalkingGraph(xml, { minComponent: 2 });
    const bytes = serializeGraph(graph, report);
    expect(isSerializedGraph(bytes)).toBe(true);
    const loaded = deserializeGraph(bytes);
    expect(loaded).toEqual(graph);
    expect(loaded.coords.buffer).toBe(bytes.buffer);
    expect(loaded.lengths.buffer).toBe(bytes.buffer);
    expect(deserializeGraphReport(bytes)).toEqual(report);
    expect(deserializeGraphReport(serializeGraph(graph))).toBeNull();
  });

  it('copies when the bytes sit at an unaligned offset, with the same result', async () => {
    const { graph } = await buildWalkingGraph(xml, { minComponent: 2 });
    const bytes = serializeGraph(graph);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = deserializeGraph(shifted.subarray(3));
    expect(loaded).toEqual(graph);
    expect(loaded.coords.buffer).not.toBe(shifted.buffer);
  });

  it('rejects a file that is not one, another version, a truncated or a damaged file', async () => {
    const { graph } = await buildWalkingGraph(xml, { minComponent: 2 });
    expect(() => deserializeGraph(new TextEncoder().encode('<osm version="0.6">'))).toThrow(
      /not a LifeCircle walking-graph file/,
    );
    const bytes = serializeGraph(graph);
    const v2 = bytes.slice();
    new DataView(v2.buffer).setUint32(8, 2, true);
    expect(() => deserializeGraph(v2)).toThrow(/version 2 is not supported; expected version 1/);
    expect(() => deserializeGraph(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    const damaged = bytes.slice();
    const view = deserializeGraph(damaged);
    view.targets[0] = 1000;
    expect(() => deserializeGraph(damaged)).toThrow(GraphFileError);
    expect(() => deserializeGraph(damaged)).toThrow(/half-edge 0 points outside/);
  });
});
