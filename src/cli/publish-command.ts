import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildPublishedScenario,
  DEFAULT_MAX_SNAP_M,
  OFFLINE_SCRIPT_FILE,
  offlineScript,
  PUBLISHED_FORMAT,
  PUBLISHED_NETWORK_FILE,
  PUBLISHED_SCENARIO_FILE,
  resolveParameters,
  serializeGraph,
} from '../core';
import { SERVICE_AREA_MINUTES } from '../map/palette';
import { scenarioFromGeoJson } from '../store/scenario-file';
import { buildPublicPage } from './build-public-page';
import { UsageError } from './errors';
import { nonNegativeNumber } from './flag-values';
import { readInputFile } from './input-file';
import { loadNetwork } from './load-network';
import { loadProfile, type LoadedProfile } from './load-profile';

const OPTIONS = {
  network: { type: 'string' },
  out: { type: 'string', short: 'o' },
  profile: { type: 'string' },
  'max-snap': { type: 'string' },
} as const;

/** A folder that may be replaced: missing, empty, or an earlier publish (it holds our scenario.json). */
async function replaceable(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR') throw new UsageError(`--out "${dir}" is a file: give a folder`);
    throw error;
  });
  if (entries === null || entries.length === 0) return true;
  const text = await readFile(join(dir, PUBLISHED_SCENARIO_FILE), 'utf8').catch(() => '');
  return text.includes(`"format":"${PUBLISHED_FORMAT}"`);
}

/**
 * `lifecircle publish <scenario.geojson> --network <osm|pbf|built> --out dir/ [--profile id|file]`:
 * the residents' page as a static bundle — index.html and its assets, scenario.json (compounds with
 * pinyin, facilities with places-free estimates), the compact street network, and sw.js which keeps
 * them for offline use — that any static web server can host, with no server code.
 * @param argv arguments after `publish`
 * @returns 0 when the bundle is written, 2 when the input is unusable
 */
export async function runPublish(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const file = positionals[0];
  if (!file)
    throw new UsageError(
      'publish needs a scenario file (exported from the planner): lifecircle publish <scenario.geojson> --network <file> --out <folder>',
    );
  if (!values.network)
    throw new UsageError(
      'publish needs --network <osm|pbf|built graph>: the page draws walking routes on it',
    );
  if (!values.out) throw new UsageError('publish needs --out <folder> for the page and its data');
  const out = resolve(values.out);
  for (const input of [file, values.network])
    if (resolve(input) === out || out.startsWith(resolve(input) + '/'))
      throw new UsageError(`--out "${values.out}" is an input ("${input}"): choose another folder`);
  if (!(await replaceable(out)))
    throw new UsageError(
      `--out "${values.out}" is a folder with other files in it: give an empty or new folder (or one written by publish)`,
    );
  const maxSnapM = nonNegativeNumber(values['max-snap'], '--max-snap') ?? DEFAULT_MAX_SNAP_M;

  const text = new TextDecoder('utf-8')
    .decode(await readInputFile(file, 'scenario file'))
    .replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not valid JSON (expected a scenario exported from the planner)`);
  }
  let scenario;
  try {
    scenario = scenarioFromGeoJson(json, basename(file));
  } catch (error) {
    if ((error as Error).name === 'ScenarioFileError') throw new UsageError((error as Error).message);
    throw error;
  }
  // A planner scenario on a user profile carries the profile: used unless --profile names another.
  const carried =
    values.profile === undefined ? scenario.userProfiles.find((p) => p.id === scenario.profileId) : undefined;
  const loaded: LoadedProfile = carried
    ? { profile: carried, origin: { source: 'user', file: basename(file) } }
    : await loadProfile(values.profile, scenario.profileId);
  const { parameters, errors } = resolveParameters(
    loaded.profile,
    Object.fromEntries(Object.entries(scenario.overrides).map(([k, v]) => [k, String(v)])),
  );
  if (errors.length > 0) throw new UsageError(`${file}: ${errors.join('; ')}`);
  const { network, report } = await loadNetwork(values.network, undefined);

  const published = buildPublishedScenario({
    name: scenario.name,
    estates: scenario.estates,
    facilities: scenario.facilities,
    network,
    profile: loaded.profile,
    profileSource: loaded.origin.source,
    parameters,
    withinMinutes: SERVICE_AREA_MINUTES,
    publishedAt: new Date().toISOString(),
    maxSnapM,
  });

  // Everything is written into a fresh folder beside --out, then moved into place: a failed run
  // leaves the previous bundle (or nothing) as it was.
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), `.${basename(out)}.partial-`));
  try {
    await buildPublicPage(staging, { asIndex: true });
    await writeFile(join(staging, PUBLISHED_SCENARIO_FILE), JSON.stringify(published));
    await writeFile(
      join(staging, PUBLISHED_NETWORK_FILE),
      serializeGraph(network.graph, report ?? undefined),
    );
    const files = (await readdir(staging, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(staging, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    await writeFile(join(staging, OFFLINE_SCRIPT_FILE), offlineScript(files, published.publishedAt));
    await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    // mkdtemp made it private (0700): a web server running as another user must read it.
    await chmod(out, 0o755);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const unplaced = scenario.estates.length - published.compounds.length;
  process.stderr.write(
    `published "${scenario.name}" to ${values.out}: ${published.compounds.length} compounds` +
      (unplaced > 0 ? ` (${unplaced} without a location left out)` : '') +
      `, ${published.facilities.length} facilities, ${network.graph.nodeCount} street nodes; ` +
      `serve the folder with any static web server and open index.html\n`,
  );
  return 0;
}
