import { parseArgs } from 'node:util';
import {
  careCategoryOf,
  complianceRows,
  complianceWideRows,
  csvChunks,
  csvLines,
  evaluateDistrict,
  evaluateEstates,
  importEstates,
  importFacilities,
  parseCrs,
  profileHeaderRows,
  resolveParameters,
  type DistrictTotals,
  type ImportError,
  type ReportLanguage,
} from '../core';
import { EXIT_FAIL, EXIT_PASS, EXIT_UNUSABLE, UsageError } from './errors';
import { writeOutput } from './input-file';
import { loadProfile, profileInfo } from './load-profile';
import { refuseInputAsOutput, writeChunks, writeJson } from './output-file';
import { readImportInput } from './read-import-input';
import { ESTATE_FLAGS, FACILITY_FLAGS, withFlagHints } from './flag-hints';
import { MAX_TABLE_ESTATES } from './text-table';
import { parseKeyValues } from './key-values';
import { positiveNumber, oneOf } from './flag-values';
import { checkTableText } from './check-table-text';

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
  const imported = withFlagHints(
    importEstates(
      await readImportInput(file, 'estates file', {
        crs: values.crs === undefined ? undefined : parseCrs(values.crs),
        fieldMap: parseKeyValues(values.map, '--map'),
        sheet: values.sheet,
      }),
    ),
    ESTATE_FLAGS,
  );
  const evaluation = evaluateEstates(imported.estates, profile, parameters, { defaultStatus });
  const totals = await districtTotals(values);
  const district = evaluateDistrict(totals.totals, profile, parameters);

  const report = {
    profile: profileInfo(loaded),
    parameters,
    input: {
      file,
      ...(imported.workbook ? { workbook: imported.workbook } : {}),
      rows: imported.rowCount,
      encoding: imported.encoding,
      format: imported.format,
      crs: imported.crs,
      mapping: imported.mapping,
    },
    estates: evaluation.estates,
    district: { totals: totals.totals, verdicts: district },
    errors: [...imported.errors, ...totals.errors],
    warnings: [...imported.warnings, ...totals.warnings],
    summary: {
      ...evaluation.summary,
      rows: imported.rowCount,
      rowsWithErrors: imported.rowCount - imported.estates.length,
    },
  };

  if (format === 'json') {
    await writeJson(values.out, report, 2);
  } else if (format === 'csv' && values.wide) {
    // Wide form, as filed: the profile block on top, a blank line, then one row per estate.
    const header = profileHeaderRows({ profile, origin: loaded.origin, parameters, date }, lang);
    const table = complianceWideRows(evaluation.estates, imported.estates, profile, lang);
    const rows = [
      ...header,
      [],
      table.header,
      ...table.rows,
      ...rejectedRows(report.errors, table.header.length, lang, 8),
    ];
    await writeOutput(csvLines(rows), values.out);
  } else if (format === 'csv') {
    const table = complianceRows(evaluation.estates, profile, lang);
    // Rejected rows follow the verdicts (never dropped), then the parameters used.
    const parameterRows = Object.entries(parameters).map(([k, v]) => [
      lang === 'zh' ? '参数' : 'parameter',
      k,
      typeof v === 'object' ? JSON.stringify(v) : v,
    ]);
    const profileRows = profileHeaderRows({ profile, origin: loaded.origin, parameters, date }, lang).slice(
      0,
      3,
    );
    const rows = [
      ...table.rows,
      ...rejectedRows(report.errors, table.header.length, lang),
      [],
      ...profileRows,
      ...parameterRows,
    ];
    await writeChunks(values.out, csvChunks(table.header, rows));
  } else {
    if (evaluation.estates.length > MAX_TABLE_ESTATES)
      throw new UsageError(
        `too many rows for a table (${evaluation.estates.length} estates, at most ${MAX_TABLE_ESTATES}): use --format csv or --format json`,
      );
    await writeOutput(checkTableText(report, loaded, lang), values.out);
  }
  if (imported.fatal || imported.estates.length === 0) {
    if (format !== 'table' || values.out) {
      for (const e of imported.errors) process.stderr.write(`lifecircle: ${e.message}\n`);
      if (imported.errors.length === 0) process.stderr.write(`lifecircle: ${file} has no data rows\n`);
    }
    return EXIT_UNUSABLE;
  }
  if (values.out && report.errors.length > 0) {
    const where = format === 'json' ? 'under "errors"' : 'at the end';
    process.stderr.write(
      `${report.errors.length} row(s) could not be used; they are listed ${where} in ${values.out}\n`,
    );
  }
  const failed = evaluation.summary.overall.fail > 0 || district.some((v) => v.status === 'fail');
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

/** Rejected rows at the end of the CSV, so that a spreadsheet user sees them too. */
function rejectedRows(
  errors: ImportError[],
  width: number,
  lang: ReportLanguage,
  statusColumn = 6,
): (string | number | null)[][] {
  return errors.map((e) => {
    const row: (string | number | null)[] = Array.from({ length: width }, () => null);
    row[0] = e.file ? `${e.file}:${e.row}` : e.row;
    row[statusColumn] = lang === 'zh' ? '无法使用' : 'unusable';
    row[width - 1] = lang === 'zh' ? e.messageZh : e.message;
    return row;
  });
}
