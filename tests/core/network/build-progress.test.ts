/**
 * Progress of buildWalkingGraph: fractions only go up, end with exactly one 1, stay within a bounded
 * number of calls (about one per 1 % plus the build steps), and the graph is byte-identical with and
 * without a callback, for XML bytes, XML text, gzip and PBF.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildWalkingGraph, serializeGraph, type ProgressPhase } from '../../../src/core/network';
import { gridOsm } from './grid-osm';
import { parseOsmSimple } from './simple-osm';
import { writeOsmPbf } from './write-osm-pbf';

/** 1 % steps, plus one report per phase change and the build steps, plus the final 1. */
const MAX_CALLS = 100 + 8;

type Call = [number, ProgressPhase];

type Built = Awaited<ReturnType<typeof buildWalkingGraph>>;
/** Byte equality of the serialised graphs (toEqual on megabyte arrays is very slow). */
const sameGraph = (a: Built, b: Built): boolean =>
  Buffer.from(serializeGraph(a.graph, a.report)).equals(Buffer.from(serializeGraph(b.graph, b.report)));

async function buildBoth(source: Uint8Array | string) {
  const calls: Call[] = [];
  const copy = () => (typeof source === 'string' ? source : source.slice());
  const plain = await buildWalkingGraph(copy());
  const watched = await buildWalkingGraph(copy(), { onProgress: (f, phase) => calls.push([f, phase]) });
  return { calls, plain, watched };
}

function expectWellFormed(calls: Call[]): void {
  expect(calls.length).toBeLessThanOrEqual(MAX_CALLS);
  for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThanOrEqual(calls[k - 1]![0]);
  expect(calls.filter(([f]) => f === 1)).toHaveLength(1);
  expect(calls.at(-1)).toEqual([1, 'build']);
  expect(calls.every(([f]) => f >= 0 && f <= 1)).toBe(true);
  // Phases come in order: all reading first, then building.
  const firstBuild = calls.findIndex(([, p]) => p === 'build');
  expect(calls.slice(firstBuild).every(([, p]) => p === 'build')).toBe(true);
  expect(calls.slice(0, firstBuild).every(([, p]) => p === 'read')).toBe(true);
}

describe('buildWalkingGraph progress', () => {
  const xml = gridOsm(200, 4);
  const bytes = new TextEncoder().encode(xml);

  it('XML bytes: many increasing reports while reading, then building, ending at 1; same graph', async () => {
    expect(bytes.length).toBeGreaterThan(4_000_000);
    const { calls, plain, watched } = await buildBoth(bytes);
    expectWellFormed(calls);
    // ≥ 4 MB in slices of ≈ 1 %: dozens of distinct reading reports, not one or two.
    expect(calls.filter(([, p]) => p === 'read').length).toBeGreaterThan(40);
    expect(sameGraph(watched, plain)).toBe(true);
    expect(watched.report.nodes).toBe(200 * 200);
  });

  it('XML text and gzip give the same graph and well-formed progress', async () => {
    for (const source of [xml, gzipSync(bytes)]) {
      const { calls, plain, watched } = await buildBoth(source);
      expectWellFormed(calls);
      expect(calls.length).toBeGreaterThan(20);
      expect(sameGraph(watched, plain)).toBe(true);
    }
  });

  it('PBF reports per blob, bounded, and gives the same graph', async () => {
    const osm = parseOsmSimple(gridOsm(60, 9));
    // 20 nodes per block: 180 data blobs, more than 100, so the 1 % throttle must drop some reports.
    const pbf = writeOsmPbf(osm, { dense: true, compress: true, blockSize: 20 });
    const { calls, plain, watched } = await buildBoth(pbf);
    expectWellFormed(calls);
    expect(calls.filter(([, p]) => p === 'read').length).toBeGreaterThan(20);
    expect(sameGraph(watched, plain)).toBe(true);
  });

  it('a tiny file still ends with exactly one 1', async () => {
    const { calls } = await buildBoth('<osm><node id="1" lat="31" lon="121"/></osm>');
    expectWellFormed(calls);
  });

  it('a failing read reports no 1', async () => {
    const calls: number[] = [];
    await expect(
      buildWalkingGraph('<osm><node id="1" lat="31"', { onProgress: (f) => calls.push(f) }),
    ).rejects.toThrow(/ends inside an element/);
    expect(calls).not.toContain(1);
  });
});

const ROADS = new URL('../../../../shared/data/shanghai-center/roads.osm', import.meta.url);

describe.skipIf(!existsSync(ROADS))('progress on the real roads.osm (skipped: ../shared/data absent)', () => {
  it('reads in ≈ 1–2 % steps and builds the same graph', async () => {
    const { calls, plain, watched } = await buildBoth(new Uint8Array(readFileSync(ROADS)));
    expectWellFormed(calls);
    expect(calls.filter(([, p]) => p === 'read').length).toBeGreaterThan(40);
    expect(watched.report).toEqual(plain.report);
  });
});
