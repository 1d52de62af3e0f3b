import { parseArgs } from 'node:util';
import {
  careCategoryOf,
  evaluateDistrict,
  importFacilities,
  parseCrs,
  resolveParameters,
  type DistrictTotals,
} from '../core';
import { EXIT_FAIL, EXIT_PASS, EXIT_UNUSABLE, UsageError } from './errors';
import { writeOutput } from './input-file';
import { loadProfile } from './load-profile';
import { refuseInputAsOutput, writeChunks } from './output-file';
import { readEstateChunks, readImportInput } from './read-import-input';
import { ESTATE_FLAGS, FACILITY_FLAGS, withFlagHints } from './flag-hints';
import { parseKeyValues } from './key-values';
import { positiveNumber, oneOf } from './flag-values';
import {
  checkCsvChunks,
  checkJsonChunks,
  checkTable,
  checkWideChunks,
  evaluateCheck,
  type CheckRun,
} from './check-output';

const OPTIONS = {
  profile: { type: 'string' },
  crs: { type: 'string' },
  status: { type: 'string' },
  param: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  'district-population': { type: 'string' },
  'elderly-population': { type: 'string' },
  facilities: { type: 'string' },
  'facility-crs': { type: 'string' },
  sheet: { type: 'string' },
  'facility-sheet': { type: 'string' },
  wide: { type: 'boolean', default: false },
  date: { type: 'string' },
  format: { type: 'string', default: 'table' },
  lang: { type: 'string', default: 'zh' },
  out: { type: 'string', short: 'o' },
} as const;

/**
 * Estates read, evaluated and written at a time: a million rows then hold ten thousand estates and their
 * results, not all of them (issue #13: about 11 KB a row before).
 */
const CHUNK_ROWS = 100;

/**
 * `lifecircle check <estates> --profile <id> …`: evaluates every estate against the profile's rules.
 * @param argv arguments after `check`
 * @returns 0 when every applicable check passes, 1 when any fails, 2 when the input is unusable
 */
export async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const file = positionals[0];
  if (!file)
    throw new UsageError('check needs an estates file: lifecircle check <file> --profile <id|file.json>');
  const loaded = await loadProfile(values.profile);
  const { profile } = loaded;
  const format = oneOf(values.format, ['table', 'json', 'csv'], '--format');
  const lang = oneOf(values.lang, ['zh', 'en'], '--lang');
  const defaultStatus =
    values.status === undefined ? undefined : oneOf(values.status, ['new', 'existing'], '--status');
  const { parameters, errors: paramErrors } = resolveParameters(
    profile,
    parseKeyValues(values.param, '--param'),
  );
  if (paramErrors.length > 0) throw new UsageError(paramErrors.join('\n'));
  await refuseInputAsOutput(values.out, [file, values.facilities]);

  if (values.wide && format !== 'csv') throw new UsageError('--wide is for --format csv');
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
  // A CSV file is read in pieces as the estates are evaluated; JSON names its row count before them.
  const imported = await readEstateChunks(
    file,
    {
      crs: values.crs === undefined ? undefined : parseCrs(values.crs),
      fieldMap: parseKeyValues(values.map, '--map'),
      sheet: values.sheet,
    },
    CHUNK_ROWS,
    format === 'json',
  );
  const totals = await districtTotals(values);
  const run: CheckRun = {
    file,
    loaded,
    parameters,
    defaultStatus,
    lang,
    date,
    imported,
    district: { ...totals, verdicts: evaluateDistrict(totals.totals, profile, parameters) },
  };
  const evaluation = evaluateCheck(run);

  if (format === 'json') await writeChunks(values.out, checkJsonChunks(run, evaluation));
  else if (format === 'csv' && values.wide) await writeChunks(values.out, checkWideChunks(run, evaluation));
  else if (format === 'csv') await writeChunks(values.out, checkCsvChunks(run, evaluation));
  else await writeOutput(checkTable(run, evaluation), values.out);
  const errors = evaluation.errors();
  if (imported.report.fatal || evaluation.count() === 0) {
    if (format !== 'table' || values.out) {
      const fileErrors = withFlagHints(imported.report, ESTATE_FLAGS).errors;
      for (const e of fileErrors) process.stderr.write(`lifecircle: ${e.message}\n`);
      if (fileErrors.length === 0) process.stderr.write(`lifecircle: ${file} has no data rows\n`);
    }
    return EXIT_UNUSABLE;
  }
  if (values.out && errors.length > 0) {
    const where = format === 'json' ? 'under "errors"' : 'at the end';
    process.stderr.write(
      `${errors.length} row(s) could not be used; they are listed ${where} in ${values.out}\n`,
    );
  }
  const failed =
    evaluation.summary().overall.fail > 0 || run.district.verdicts.some((v) => v.status === 'fail');
  return failed ? EXIT_FAIL : EXIT_PASS;
}

/** Totals for district-scope rules from --district-population, --elderly-population and a facilities file. */
async function districtTotals(values: {
  'district-population'?: string;
  'elderly-population'?: string;
  facilities?: string;
  'facility-crs'?: string;
  'facility-sheet'?: string;
}) {
  const totals: DistrictTotals = {};
  const population = positiveNumber(values['district-population'], '--district-population');
  if (population !== undefined) totals.population = population;
  const elderly = positiveNumber(values['elderly-population'], '--elderly-population');
  if (elderly !== undefined) totals.elderlyPopulation = elderly;
  if (!values.facilities) return { totals, errors: [], warnings: [] };
  const facilities = withFlagHints(
    importFacilities(
      await readImportInput(values.facilities, 'facilities file', {
        crs: values['facility-crs'] === undefined ? undefined : parseCrs(values['facility-crs']),
        sheet: values['facility-sheet'],
      }),
    ),
    FACILITY_FLAGS,
  );
  // An unreadable facilities file is not a file of no facilities: the district totals would be wrong.
  if (facilities.fatal) throw new UsageError(facilities.errors.map((e) => e.message).join('; '));
  // A facility that gives no places or beds is not a facility with zero: only given figures are summed,
  // and a total none of whose facilities gives the figure stays unknown (insufficient-data).
  const warnings = [...facilities.warnings];
  const sum = (category: 'childcare' | 'elderly', field: 'places' | 'beds', label: string) => {
    const ofCategory = facilities.facilities.filter((f) => careCategoryOf(f.kind) === category);
    const given = ofCategory.filter((f) => f.capacity[field] !== null);
    const missing = ofCategory.filter((f) => f.capacity[field] === null);
    if (missing.length > 0) {
      warnings.push({
        rows: missing.map((f) => f.row),
        code: `missing-${field}`,
        message: `${missing.length} ${category} facilities give no ${label}; the total counts only the ${given.length} that do`,
        messageZh: `${missing.length} 处${category === 'childcare' ? '托育' : '养老'}设施未给出${label}；合计只计入给出的 ${given.length} 处`,
        file: values.facilities,
      });
    }
    return given.length === 0 ? undefined : given.reduce((total, f) => total + (f.capacity[field] ?? 0), 0);
  };
  const places = sum('childcare', 'places', '托位数');
  const beds = sum('elderly', 'beds', '床位数');
  if (places !== undefined) totals.nurseryPlaces = places;
  if (beds !== undefined) totals.elderlyCareBeds = beds;
  return {
    totals,
    errors: facilities.errors.map((e) => ({ ...e, file: values.facilities })),
    warnings,
  };
}
