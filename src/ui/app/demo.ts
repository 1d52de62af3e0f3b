/**
 * The bundled synthetic demo (geodata/demo, made by `npm run demo`). Files are served by the app
 * itself (same origin): nothing is fetched from outside.
 */
import type { FeatureCollection } from 'geojson';
import manifest from '../../../geodata/demo/scenario.json';
import contextUrl from '../../../geodata/demo/context.geojson?url';
import districtsUrl from '../../../geodata/demo/districts.geojson?url';
import estatesUrl from '../../../geodata/demo/estates.geojson?url';
import facilitiesUrl from '../../../geodata/demo/facilities.geojson?url';
import streetsUrl from '../../../geodata/demo/streets.osm?url';
import type { Bounds, Scenario } from '../../store/types';
import type { DemoFile } from '../../worker/protocol';
import { DEMO_NETWORK_KEY, type AnalysisRunner } from './runner';

async function bytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function json(url: string): Promise<FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

/** The demo's OSM street file as bytes (for the worker). */
export const fetchDemoStreets = (): Promise<Uint8Array> => bytes(streetsUrl);

/** A bundled file for the worker to fetch: absolute, since a worker resolves URLs against its own script. */
const file = (url: string, fileName: string): DemoFile => ({
  url: new URL(url, window.location.href).href,
  fileName,
});

/**
 * Builds the demo scenario: estates and facilities go through the same importer as a user's files,
 * run by the worker, which also fetches them and builds the demo's street network (runner.openDemo).
 * @param runner the analysis runner
 * @param lang language of the scenario name
 */
export async function demoScenario(runner: AnalysisRunner, lang: 'zh' | 'en'): Promise<Scenario> {
  const { files } = manifest;
  const [opened, districts, context] = await Promise.all([
    runner.openDemo({
      estates: file(estatesUrl, files.estates),
      facilities: file(facilitiesUrl, files.facilities),
      network: file(streetsUrl, files.network),
    }),
    json(districtsUrl),
    json(contextUrl),
  ]);
  const { report, bounds } = opened.network;
  return {
    id: 'demo',
    name: manifest.name[lang],
    synthetic: true,
    profileId: manifest.profile,
    userProfiles: [],
    overrides: {},
    defaultStatus: null,
    estates: opened.estates.estates,
    facilities: opened.facilities.facilities,
    network: { source: 'demo', fileName: files.network, key: DEMO_NETWORK_KEY, report, extent: bounds },
    districts,
    context,
    // What the network's report used to set once it arrived: the streets' extent.
    bounds: bounds ?? (manifest.bounds as Bounds),
  };
}

/** The demo's context layer (water, rail), restored after reload when the scenario is the demo. */
export const demoContext = (): Promise<FeatureCollection> => json(contextUrl);
