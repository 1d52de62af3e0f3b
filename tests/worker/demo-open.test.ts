/**
 * 'demo/open': the worker fetches the bundled demo (fetch stubbed with the files in geodata/demo),
 * imports it exactly as 'import/estates' and 'import/facilities' do, and keeps the built network
 * for the coverage run that follows; a failed fetch names the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../src/worker/handlers';
import type { DemoOpened, DemoOpenRequest, RequestMap } from '../../src/worker/protocol';

const DEMO = join(__dirname, '..', '..', 'geodata', 'demo');
const ctx = {
  progress: () => undefined,
  signal: new AbortController().signal,
  checkpoint: () => Promise.resolve(),
  partial: () => undefined,
};
type Call = <T extends keyof RequestMap>(type: T, data: RequestMap[T][0]) => Promise<RequestMap[T][1]>;
const handlersFor = (): Call => {
  const h = createHandlers() as unknown as Record<string, (d: unknown, c: typeof ctx) => unknown>;
  return async (type, data) => (await h[type]!(data, ctx)) as never;
};
const request: DemoOpenRequest = {
  estates: { url: 'http://app.test/a/estates.geojson', fileName: 'estates.geojson' },
  facilities: { url: 'http://app.test/a/facilities.geojson', fileName: 'facilities.geojson' },
  network: { url: 'http://app.test/a/streets.osm', fileName: 'streets.osm' },
};
const serveDemo = (missing?: string) =>
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.split('/').pop()!;
    if (name === missing) return new Response('gone', { status: 404 });
    return new Response(readFileSync(join(DEMO, name)));
  });
const bytes = (name: string) => new Uint8Array(readFileSync(join(DEMO, name)));

afterEach(() => vi.unstubAllGlobals());

describe('demo/open', () => {
  it('imports the files as the import requests do and keeps the network for coverage', async () => {
    serveDemo();
    const call = handlersFor();
    const opened: DemoOpened = await call('demo/open', request);
    const direct = handlersFor();
    const estates = await direct('import/estates', {
      data: bytes('estates.geojson'),
      fileName: 'estates.geojson',
    });
    const facilities = await direct('import/facilities', {
      data: bytes('facilities.geojson'),
      fileName: 'facilities.geojson',
    });
    expect(opened.estates).toEqual(estates);
    expect(opened.facilities).toEqual(facilities);
    const manifest = JSON.parse(readFileSync(join(DEMO, 'scenario.json'), 'utf8')) as {
      counts: { estates: number; facilities: number };
    };
    expect(opened.estates.estates).toHaveLength(manifest.counts.estates);
    expect(opened.facilities.facilities).toHaveLength(manifest.counts.facilities);
    expect(opened.network.report.nodes).toBeGreaterThan(2000);
    expect(opened.network.segments.length % 4).toBe(0);

    // No network request in between: the coverage run walks the network demo/open built.
    const res = await call('coverage/run', {
      estates: opened.estates.estates,
      facilities: opened.facilities.facilities,
      profileId: 'hefei',
      overrides: {},
      serviceAreaKind: null,
    });
    // Straight-line coverage (no network in the worker) leaves snapM and networkM null on every row.
    const rows = Object.values(res.byKind).flatMap((r) => r!.estates) as unknown as {
      snapM: number | null;
      networkM: number | null;
    }[];
    expect(rows.filter((r) => r.snapM !== null && r.networkM !== null).length).toBeGreaterThan(
      rows.length / 2,
    );
  });

  it('names the file whose fetch failed', async () => {
    serveDemo('facilities.geojson');
    await expect(handlersFor()('demo/open', request)).rejects.toThrow('facilities.geojson: HTTP 404');
  });
});
