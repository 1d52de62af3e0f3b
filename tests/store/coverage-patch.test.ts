/**
 * A what-if edit sends only what changed, and the store applying it ends where a full run ends: the
 * real worker handlers on the bundled demo (network, Hefei profile), a sequence of edits (move, add,
 * change capacity, change kind, remove), each patch reduced into the state, compared after every edit
 * with the state a full coverage run of the same facilities gives (zones compared without their
 * numbers, facilities by id).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lngLat, type Estate, type Facility } from '../../src/core';
import { diffFacilities } from '../../src/ui/app/facility-diff';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import type { AppState, CoverageView } from '../../src/store/types';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { fakeWorkerFactory } from '../worker/harness';

const demo = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '..', '..', 'geodata', 'demo', name)));
const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
/** A second worker for the full runs, so the first keeps its sessions. */
const reference = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
let estates: Estate[] = [];
let facilities: Facility[] = [];

beforeAll(async () => {
  const read = { data: demo('estates.geojson'), fileName: 'estates.geojson' };
  estates = (await client.send('import/estates', read)).estates;
  const f = { data: demo('facilities.geojson'), fileName: 'facilities.geojson' };
  facilities = (await client.send('import/facilities', f)).facilities;
  for (const c of [client, reference])
    await c.send('network/load', { bytes: demo('streets.osm'), fileName: 'streets.osm' });
});
afterAll(() => {
  client.terminate();
  reference.terminate();
});

const request = (list: Facility[]) => ({
  estates,
  facilities: list,
  profileId: 'hefei',
  overrides: {},
  serviceAreaKind: null,
});

/** The state after a full run of `list` (compliance joined in). */
async function fullState(list: Facility[]): Promise<AppState> {
  let s = reduce(initialState(), { type: 'profile/set', profileId: 'hefei' });
  const evaluation = await reference.send('rules/evaluate', {
    estates,
    profileId: 'hefei',
    overrides: {},
    defaultStatus: null,
  });
  s = reduce(s, { type: 'results/evaluation', evaluation });
  const run = await reference.send('coverage/run', request(list));
  return reduce(s, { type: 'results/coverage', coverage: { byKind: run.byKind } });
}

/** What must agree: rows, facilities by id, summaries, zones without numbers; the joined compliance. */
function comparable(s: AppState) {
  const coverage = s.results.coverage as CoverageView;
  const byKind = Object.fromEntries(
    Object.entries(coverage.byKind).map(([kind, k]) => [
      kind,
      {
        estates: k.estates,
        facilities: [...k.facilities].sort((a, b) => a.id.localeCompare(b.id)),
        summary: k.summary,
        zones: k.underserved.features
          .map((f: Feature) => ({ ...f, properties: { ...f.properties, zone: 0 } }))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      },
    ]),
  );
  return { byKind, evaluation: s.results.evaluation };
}

describe('coverage patches in the store', () => {
  it('after each edit equal a full run of the edited facilities', async () => {
    let state = await fullState(facilities);
    await client.send('coverage/run', request(facilities));
    const nursery = facilities.find((f) => f.kind === 'nursery')!;
    const station = facilities.find((f) => f.kind === 'elderly-station')!;
    const far = estates[estates.length - 1]!.location!;
    const steps: ((list: Facility[]) => Facility[])[] = [
      (l) => l.map((f) => (f.id === nursery.id ? { ...f, location: lngLat(far[0], far[1]) } : f)),
      (l) => [...l, { ...station, id: 'new-station', location: estates[3]!.location! }],
      (l) => l.map((f) => (f.id === nursery.id ? { ...f, capacity: { ...f.capacity, places: 5 } } : f)),
      // A change of kind leaves one session and joins the end of another.
      (l) => [...l.filter((f) => f.id !== station.id), { ...station, kind: 'elderly-daycare' }],
      (l) => l.filter((f) => f.id !== 'new-station'),
    ];
    let sent = facilities;
    let patched = 0;
    for (const step of steps) {
      const next = step(sent);
      const res = await client.send('coverage/edit', {
        ops: diffFacilities(sent, next),
        serviceAreaKind: null,
      });
      for (const p of Object.values(res.byKind)) {
        expect(p.estateIndex).toBeInstanceOf(Uint32Array);
        expect(p.estates.length).toBe(p.estateIndex.length);
        expect(p.estates.length).toBeLessThan(estates.length); // only what changed
        patched += p.estates.length;
      }
      state = reduce(state, { type: 'results/coverage-patch', patch: { byKind: res.byKind } });
      sent = next;
      expect(comparable(state)).toEqual(comparable(await fullState(next)));
    }
    expect(patched).toBeGreaterThan(0);
  });
});
