/**
 * The demo (geodata/demo) as a scenario file, as the planner's “导出方案 / Export scenario” writes it:
 * estates and facilities through the same importers the planner uses. For `lifecircle publish` tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEstates, importFacilities } from '../../src/core';
import { readImportInput } from '../../src/cli/read-import-input';
import { scenarioToGeoJson } from '../../src/store/scenario-file';
import { ROOT } from './run-cli';

export const DEMO = join(ROOT, 'geodata', 'demo');
export const DEMO_STREETS = join(DEMO, 'streets.osm');

/**
 * @param path where to write the scenario file
 * @returns the estates' and facilities' counts
 */
export async function writeDemoScenarioFile(path: string): Promise<{ estates: number; facilities: number }> {
  const manifest = JSON.parse(readFileSync(join(DEMO, 'scenario.json'), 'utf8')) as {
    name: { zh: string };
    profile: string;
  };
  const estates = importEstates(
    await readImportInput(join(DEMO, 'estates.geojson'), 'estates file', {}),
  ).estates;
  const facilities = importFacilities(
    await readImportInput(join(DEMO, 'facilities.geojson'), 'facilities file', {}),
  ).facilities;
  const file = scenarioToGeoJson({
    id: 'demo',
    name: manifest.name.zh,
    synthetic: true,
    profileId: manifest.profile,
    userProfiles: [],
    overrides: {},
    defaultStatus: null,
    estates,
    facilities,
    network: { source: 'demo', fileName: 'streets.osm', key: 'demo', report: null },
    districts: null,
    context: null,
    bounds: null,
  });
  writeFileSync(path, JSON.stringify(file));
  return { estates: estates.length, facilities: facilities.length };
}
