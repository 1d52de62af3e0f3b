/**
 * The real worker handlers over a MessageChannel, on the bundled demo: network, import, compliance,
 * coverage, a what-if edit. Checks use independent facts (file contents, monotonicity), not copied output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lngLat, type Estate, type Facility } from '../../src/core';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { collectTransferables } from '../../src/worker/transfer';
import { serviceAreaFeatures } from '../../src/ui/app/service-area-merge';
import { fakeWorkerFactory } from './harness';

const demo = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '..', '..', 'geodata', 'demo', name)));
const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
let estates: Estate[] = [];
let facilities: Facility[] = [];

beforeAll(async () => {
  estates = (
    await client.send('import/estates', { data: demo('estates.geojson'), fileName: 'estates.geojson' })
  ).estates;
  facilities = (
    await client.send('import/facilities', {
      data: demo('facilities.geojson'),
      fileName: 'facilities.geojson',
    })
  ).facilities;
});
afterAll(() => client.terminate());

describe('worker handlers on the demo', () => {
  it('imports all 60 estates and 18 facilities of the demo without errors', () => {
    expect(estates).toHaveLength(60);
    expect(facilities).toHaveLength(18);
    expect(facilities.filter((f) => f.kind === 'nursery').length).toBeGreaterThanOrEqual(2);
  });

  it('builds the network from bytes it takes ownership of, and returns one segment per edge', async () => {
    const bytes = demo('streets.osm');
    const answer = client.send('network/load', { bytes, fileName: 'streets.osm' });
    expect(bytes.byteLength).toBe(0);
    const { report, segments, bounds, graphBytes } = await answer;
    expect(report.nodes).toBeGreaterThan(2000);
    expect(segments.length).toBe(report.edges * 4);
    expect(graphBytes.byteLength).toBeGreaterThan(0);
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'geodata', 'demo', 'scenario.json'), 'utf8'),
    );
    const [w, s, e, n] = manifest.bounds as number[];
    expect(bounds![0]).toBeGreaterThanOrEqual(w!);
    expect(bounds![1]).toBeGreaterThanOrEqual(s!);
    expect(bounds![2]).toBeLessThanOrEqual(e!);
    expect(bounds![3]).toBeLessThanOrEqual(n!);
  });

  it('evaluates the demo with a mix of outcomes under the Hefei profile', async () => {
    const result = await client.send('rules/evaluate', {
      estates,
      profileId: 'hefei',
      overrides: {},
      defaultStatus: null,
    });
    const overall = new Set(result.estates.map((e) => e.overall));
    expect(overall).toEqual(new Set(['pass', 'fail', 'insufficient-data']));
    expect(result.parameterErrors).toEqual([]);
    const bad = await client.send('rules/evaluate', {
      estates,
      profileId: 'hefei',
      overrides: { nope: 1 },
      defaultStatus: null,
    });
    expect(bad.parameterErrors[0]).toMatch(/Unknown parameter "nope"/);
  });

  it('computes coverage per kind, and moving a facility next to an uncovered estate covers it', async () => {
    const run = await client.send('coverage/run', {
      estates,
      facilities,
      profileId: 'hefei',
      overrides: {},
      serviceAreaKind: 'nursery',
    });
    const nursery = run.byKind.nursery!;
    expect(nursery.estates).toHaveLength(60);
    // The areas arrive in the flat layout (typed arrays); the page builds the map's GeoJSON from them.
    const areas = run.serviceAreas!.areas;
    expect(areas.coordinates).toBeInstanceOf(Float64Array);
    expect(areas.coordinates.length).toBeGreaterThan(0);
    const features = serviceAreaFeatures(run.serviceAreas!);
    expect(new Set(features.map((f) => f.properties.minutes))).toEqual(new Set([5, 10, 15]));
    expect(new Set(features.map((f) => f.properties.facilityId))).toEqual(
      new Set(facilities.filter((f) => f.kind === 'nursery').map((f) => f.id)),
    );
    const uncovered = nursery.estates.find((e) => !e.covered && !e.offNetwork && (e.households ?? 0) > 0)!;
    expect(uncovered).toBeDefined();
    const target = estates.find((e) => e.id === uncovered.id)!;
    const id = facilities.find((f) => f.kind === 'nursery')!.id;
    const before = nursery.summary.householdsCovered;
    const edit = await client.send('coverage/edit', {
      ops: [{ op: 'move', id, kind: 'nursery', location: lngLat(target.location![0], target.location![1]) }],
      serviceAreaKind: 'nursery',
    });
    const after = edit.byKind.nursery!;
    expect(after.estates.find((e) => e.id === uncovered.id)!.covered).toBe(true);
    expect(after.summary.householdsCovered).not.toBe(before);
    expect(edit.serviceAreas!.facilityIds).toEqual([id]);
    expect(Object.keys(edit.byKind)).toEqual(['nursery']);
  });

  it('adding a facility never lowers covered households', async () => {
    await client.send('coverage/run', {
      estates,
      facilities,
      profileId: 'hefei',
      overrides: {},
      serviceAreaKind: null,
    });
    expect((await client.send('coverage/service-areas', { kind: null })).serviceAreas).toBeNull();
    let last = -1;
    for (const [k, e] of estates.slice(0, 12).entries()) {
      const facility: Facility = {
        ...facilities[0]!,
        id: `add-${k}`,
        kind: 'elderly-station',
        location: e.location!,
      };
      const res = await client.send('coverage/edit', {
        ops: [{ op: 'upsert', facility }],
        serviceAreaKind: null,
      });
      const now = res.byKind['elderly-station']!.summary.householdsCovered;
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
  });
});

describe('service areas cross to the page transferred', () => {
  it("lists the flat layout's buffers in the answer's transfer list", async () => {
    const handlers = createHandlers();
    const run = (await handlers['coverage/run']!(
      { estates, facilities, profileId: 'hefei', overrides: {}, serviceAreaKind: 'nursery' } as never,
      {
        progress: () => undefined,
        signal: new AbortController().signal,
        checkpoint: () => Promise.resolve(),
        partial: () => undefined,
      },
    )) as RequestMap['coverage/run'][1];
    const { areas } = run.serviceAreas!;
    const transfer = collectTransferables(run);
    for (const array of [areas.coordinates, areas.ringStart, areas.polygonStart, areas.areaStart])
      expect(transfer).toContain(array.buffer);
  });
});
