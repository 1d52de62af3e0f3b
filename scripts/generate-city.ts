/**
 * Writes the seeded synthetic large city (issue #9) into a directory:
 *
 *   npx tsx scripts/generate-city.ts --out <dir> [--estates 20000|150000] [--facilities 2000]
 *     [--nodes 1000000] [--seed N]
 *
 * Files: city.osm.pbf (the walking network, ~1M nodes; `lifecircle coverage --network`, the planner's
 * street import), estates.csv and facilities.csv (经度/纬度 in WGS-84, so import them with the default
 * coordinate system), city.json (seed, counts). Nothing is downloaded; the same seed gives the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { estatesCsv, facilitiesCsv } from './city/city-csv';
import { CITY_SEED, generateCity } from './city/generate-city';
import { writeCityPbf } from './city/write-city-pbf';

const USAGE =
  'usage: npx tsx scripts/generate-city.ts --out <dir> [--estates 20000] [--facilities 2000] [--nodes 1000000] [--seed N]';

function parseArgs(argv: string[]): {
  out: string;
  estates: number;
  facilities: number;
  nodes: number;
  seed: number;
} {
  const values = new Map<string, string>();
  for (let k = 0; k < argv.length; k += 2) {
    const flag = argv[k]!;
    const value = argv[k + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(USAGE);
    values.set(flag.slice(2), value);
  }
  const count = (name: string, fallback: number) => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${name} ${text}: expected a whole number ≥ 0`);
    return value;
  };
  const out = values.get('out');
  if (!out) throw new Error(USAGE);
  for (const name of values.keys()) {
    if (!['out', 'estates', 'facilities', 'nodes', 'seed'].includes(name))
      throw new Error(`unknown flag --${name}\n${USAGE}`);
  }
  return {
    out,
    estates: count('estates', 20_000),
    facilities: count('facilities', 2_000),
    nodes: count('nodes', 1_000_000),
    seed: count('seed', CITY_SEED),
  };
}

function main(): void {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const city = generateCity(args);
  const note = `lifecircle scripts/generate-city.ts (synthetic, seed ${city.seed})`;
  mkdirSync(args.out, { recursive: true });
  const pbf = writeCityPbf(city.streets, city.units, note);
  writeFileSync(join(args.out, 'city.osm.pbf'), pbf);
  writeFileSync(join(args.out, 'estates.csv'), estatesCsv(city.estates));
  writeFileSync(join(args.out, 'facilities.csv'), facilitiesCsv(city.facilities));
  const manifest = {
    synthetic: true,
    note,
    seed: city.seed,
    crs: 'wgs84',
    files: { network: 'city.osm.pbf', estates: 'estates.csv', facilities: 'facilities.csv' },
    counts: {
      osmNodes: city.streets.nodeCount,
      osmWays: city.streets.wayCount,
      graphNodes: city.graph.nodeCount,
      graphEdges: city.report.edges,
      estates: city.estates.length,
      facilities: city.facilities.length,
    },
  };
  writeFileSync(join(args.out, 'city.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `wrote ${args.out}: ${city.graph.nodeCount} graph nodes, ${city.estates.length} estates, ${city.facilities.length} facilities (${(pbf.length / 1e6).toFixed(1)} MB PBF) in ${seconds} s\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
