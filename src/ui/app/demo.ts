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
import type { AnalysisRunner } from './runner';

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

/**
 * Builds the demo scenario: estates and facilities go through the same importer as a user's files.
 * @param runner the analysis runner (its worker parses the files)
 * @param lang language of the scenario name
 */
export async function demoScenario(runner: AnalysisRunner, lang: 'zh' | 'en'): Promise<Scenario> {
  const [estateBytes, facilityBytes, districts, context] = await Promise.all([
    bytes(estatesUrl),
    bytes(facilitiesUrl),
    json(districtsUrl),
    json(contextUrl),
  ]);
  const [estates, facilities] = await Promise.all([
    runner.client.send('import/estates', { data: estateBytes, fileName: manifest.files.estates }),
    runner.client.send('import/facilities', { data: facilityBytes, fileName: manifest.files.facilities }),
  ]);
  return {
    id: 'demo',
    name: manifest.name[lang],
    synthetic: true,
    profileId: manifest.profile,
    overrides: {},
    defaultStatus: null,
    estates: estates.estates,
    facilities: facilities.facilities,
    network: { source: 'demo', fileName: manifest.files.network, key: 'demo', report: null },
    districts,
    context,
    bounds: manifest.bounds as Bounds,
  };
}

/** The demo's context layer (water, rail), restored after reload when the scenario is the demo. */
export const demoContext = (): Promise<FeatureCollection> => json(contextUrl);
