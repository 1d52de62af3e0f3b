import { EXIT_UNUSABLE, UsageError } from './errors';

const HELP = `lifecircle — 生活圈 elderly-care and childcare planning checks

Usage:
  lifecircle check <estates file> --profile <id|profile.json> [--crs wgs84|gcj02|bd09|EPSG:xxxx]
        [--status new|existing] [--param name=value …] [--map field=header …] [--sheet name|index]
        [--district-population N] [--facilities <file>] [--facility-crs …] [--facility-sheet …]
        [--format table|json|csv] [--wide] [--date YYYY-MM-DD] [--lang zh|en] [--out file]
  lifecircle coverage --estates <file> --facilities <file> [--network <osm|osm.gz|pbf|built>]
        [--crs …] [--facility-crs …] [--kind elderly-daycare|elderly-station|elderly-home|nursery|kindergarten-nursery]
        [--sheet …] [--facility-sheet …] [--profile <id|profile.json>] [--minutes N] [--speed m/s] [--snap edge|node] [--max-snap m]
        [--min-component n] [--mode network|straight-line] [--format json|geojson|csv] [--out file]
  lifecircle site --estates <file> --network <osm|pbf|graph> [--facilities <file>] [--kind kind[,kind]]
        [--weights w[,w]] [--minutes N] [--speed m/s] [--snap edge|node] [--max-snap m] [--min-component n]
        [--crs …] [--count p] [--model mclp|lscp|capacitated] [--capacity N] [--candidates <file>|auto]
        [--spacing m] [--district name] [--area polygon.geojson] [--demand households|residents|demand] [--time-limit s]
        [--profile …] [--format json|geojson|csv] [--out file]   (建议选址: proposed sites, bound and gap)
  lifecircle build-network <osm file> -o <file> [--min-component n]
  lifecircle report <estates file> --profile <id> [--facilities <file>] [--network <osm|pbf|built>]
        [--estate id|name …] [--crs …] [--facility-crs …] [--status new|existing] [--param name=value …]
        [--map field=header …] [--snap edge|node] [--max-snap m] [--date YYYY-MM-DD] [--lang zh|en]
        --out report.html|report.pdf   (the review report 审查意见; a PDF needs /usr/bin/chromium)
  lifecircle publish <scenario.geojson> --network <osm|pbf|built> --out <folder> [--profile <id|profile.json>]
        [--max-snap m]   (the residents' page 公众查询: a static bundle any web server can host)

Profiles: hefei, henan, ganzi, turpan, xinjiang, national, or your own file (geodata/rules/profile.schema.json).
Files: CSV/TSV, Excel .xlsx, GeoJSON, zipped shapefile, KML.
Exit codes: 0 every applicable check passes, 1 any check fails, 2 the input is unusable.`;

/**
 * Runs one CLI command.
 * @param argv arguments after the program name
 * @returns the process exit code
 */
export async function main(argv: string[]): Promise<number> {
  // `lifecircle … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Commands load lazily so `--help` answers without loading the whole core.
      case 'check':
        return await (await import('./check-command')).runCheck(rest);
      case 'coverage':
        return await (await import('./coverage-command')).runCoverage(rest);
      case 'build-network':
        return await (await import('./build-network-command')).runBuildNetwork(rest);
      case 'report':
        return await (await import('./report-command')).runReport(rest);
      case 'publish':
        return await (await import('./publish-command')).runPublish(rest);
      case 'site':
        return await (await import('./site-command')).runSite(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP + '\n');
        return command === undefined ? EXIT_UNUSABLE : 0;
      default:
        throw new UsageError(
          `unknown command "${command}" (expected check, coverage, site, build-network, report or publish)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError || isUserFacing(error)) {
      process.stderr.write(`lifecircle: ${(error as Error).message}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}

/** Errors the core raises for bad user input: their message says what was expected. */
const INPUT_ERRORS = new Set([
  'CrsError',
  'RuleProfileError',
  'OsmReadError',
  'GraphFileError',
  'WorkbookReadError',
]);

/** Errors from node:util parseArgs (unknown option, missing value) and file-system look-ups are the user's too. */
function isUserFacing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (INPUT_ERRORS.has(error.name)) return true;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  return code.startsWith('ERR_PARSE_ARGS') || code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES';
}
