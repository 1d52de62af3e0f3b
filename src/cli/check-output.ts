import {
  complianceRows,
  complianceWideRows,
  csvChunks,
  csvLineChunks,
  estateSummaryTally,
  evaluateEstateResult,
  JsonLater,
  jsonChunks,
  profileHeaderRows,
  type ChunkedImport,
  type DistrictTotals,
  type Estate,
  type EstateField,
  type EstateResult,
  type EstateStatus,
  type EvaluationSummary,
  type ImportError,
  type ImportWarning,
  type ProfileParameters,
  type ReportLanguage,
  type Verdict,
} from '../core';
import { checkTableText } from './check-table-text';
import { UsageError } from './errors';
import { ESTATE_FLAGS, withFlagHints } from './flag-hints';
import { profileInfo, type LoadedProfile } from './load-profile';
import { MAX_TABLE_ESTATES } from './text-table';

/** Everything a check's output is made of; the estates are evaluated as the output is written. */
export interface CheckRun {
  file: string;
  loaded: LoadedProfile;
  parameters: ProfileParameters;
  defaultStatus: EstateStatus | undefined;
  lang: ReportLanguage;
  date: string;
  imported: ChunkedImport<EstateField, Estate>;
  district: {
    totals: DistrictTotals;
    verdicts: Verdict[];
    errors: ImportError[];
    warnings: ImportWarning[];
  };
}

/** One chunk of estates and their results (same order). */
interface EvaluatedChunk {
  estates: Estate[];
  results: EstateResult[];
}

/** The estates evaluated chunk by chunk, with what the end of the output needs (counts, summary). */
export interface CheckEvaluation {
  chunks: Generator<EvaluatedChunk, void>;
  /** Estates evaluated so far (all of them once chunks is done). */
  count(): number;
  /** The summary over every estate; only once chunks is done. */
  summary(): EvaluationSummary & { rows: number; rowsWithErrors: number };
  /** The estates file's unusable rows, then the facilities file's; complete once chunks is done. */
  errors(): ImportError[];
  warnings(): ImportWarning[];
}

/**
 * Evaluates the import's chunks as they are taken: each chunk's results exist only until the next chunk,
 * the summary is tallied in order (estateSummaryTally), so the check of a million rows holds one chunk.
 * @param run the check
 * @returns the chunks and the totals
 */
export function evaluateCheck(run: CheckRun): CheckEvaluation {
  const { profile } = run.loaded;
  const { report } = run.imported;
  const tally = estateSummaryTally(profile);
  const options = run.defaultStatus === undefined ? {} : { defaultStatus: run.defaultStatus };
  let count = 0;
  function* chunks(): Generator<EvaluatedChunk, void> {
    for (const estates of run.imported.chunks) {
      const results = estates.map((e) => evaluateEstateResult(e, profile, run.parameters, options));
      tally.add(results);
      count += results.length;
      yield { estates, results };
    }
  }
  return {
    chunks: chunks(),
    count: () => count,
    summary: () => ({ ...tally.summary(), rows: report.rowCount, rowsWithErrors: report.rowCount - count }),
    errors: () => [...withFlagHints(report, ESTATE_FLAGS).errors, ...run.district.errors],
    warnings: () => [...report.warnings, ...run.district.warnings],
  };
}

/**
 * The check's JSON report in pieces: the same text as JSON.stringify of the whole report, but the
 * estates are written as they are evaluated and the errors, warnings and summary when they are complete.
 * @param run the check
 * @param evaluation evaluateCheck(run), not yet consumed
 * @returns the JSON text (with its final line break), piece by piece
 */
export function* checkJsonChunks(run: CheckRun, evaluation: CheckEvaluation): Generator<string> {
  const { report } = run.imported;
  const results = function* () {
    for (const chunk of evaluation.chunks) yield* chunk.results;
  };
  yield* jsonChunks(
    {
      profile: profileInfo(run.loaded),
      parameters: run.parameters,
      input: {
        file: run.file,
        ...(report.workbook ? { workbook: report.workbook } : {}),
        rows: report.rowCount,
        encoding: report.encoding,
        format: report.format,
        crs: report.crs,
        mapping: report.mapping,
      },
      estates: JsonLater.items(results()),
      district: { totals: run.district.totals, verdicts: run.district.verdicts },
      errors: JsonLater.value(() => evaluation.errors()),
      warnings: JsonLater.value(() => evaluation.warnings()),
      summary: JsonLater.value(() => evaluation.summary()),
    },
    2,
  );
  yield '\n';
}

/**
 * The compliance table as CSV, one row per estate and rule, written chunk by chunk; the rejected rows
 * follow the verdicts (never dropped), then the profile and the parameters used.
 * @param run the check
 * @param evaluation evaluateCheck(run), not yet consumed
 * @returns the CSV text, piece by piece
 */
export function checkCsvChunks(run: CheckRun, evaluation: CheckEvaluation): Generator<string> {
  const { profile, origin } = run.loaded;
  const { lang, parameters, date } = run;
  const header = complianceRows([], profile, lang).header;
  function* rows(): Generator<(string | number | null)[]> {
    for (const chunk of evaluation.chunks) yield* complianceRows(chunk.results, profile, lang).rows;
    yield* rejectedRows(evaluation.errors(), header.length, lang);
    yield [];
    yield* profileHeaderRows({ profile, origin, parameters, date }, lang).slice(0, 3);
    for (const [k, v] of Object.entries(parameters))
      yield [lang === 'zh' ? '参数' : 'parameter', k, typeof v === 'object' ? JSON.stringify(v) : v];
  }
  return csvChunks(header, rows());
}

/**
 * The wide form, as filed: the profile block on top, a blank line, then one row per estate, written
 * chunk by chunk. The columns are those of the rules that judged an estate: every estate is judged by
 * every estate-scope rule (evaluateEstate), so the first chunk's columns are every chunk's.
 * @param run the check
 * @param evaluation evaluateCheck(run), not yet consumed
 * @returns the CSV text, piece by piece
 */
export function checkWideChunks(run: CheckRun, evaluation: CheckEvaluation): Generator<string> {
  const { profile, origin } = run.loaded;
  const { lang, parameters, date } = run;
  function* rows(): Generator<(string | number | null)[]> {
    yield* profileHeaderRows({ profile, origin, parameters, date }, lang);
    yield [];
    let header: string[] | null = null;
    for (const chunk of evaluation.chunks) {
      const table = complianceWideRows(chunk.results, chunk.estates, profile, lang);
      if (header === null) {
        header = table.header;
        yield header;
      } else if (table.header.join('\u0000') !== header.join('\u0000'))
        throw new Error('the wide table’s columns changed between chunks');
      yield* table.rows;
    }
    if (header === null) {
      header = complianceWideRows([], [], profile, lang).header;
      yield header;
    }
    yield* rejectedRows(evaluation.errors(), header.length, lang, 8);
  }
  return csvLineChunks(rows());
}

/**
 * The table for a terminal, refused beyond MAX_TABLE_ESTATES (a terminal is no place for more; CSV and
 * JSON stream any size). The estates past the limit are counted, not kept.
 * @param run the check
 * @param evaluation evaluateCheck(run), not yet consumed
 * @returns the table's text
 * @throws UsageError (exit 2) "too many rows for a table" beyond MAX_TABLE_ESTATES estates
 */
export function checkTable(run: CheckRun, evaluation: CheckEvaluation): string {
  const estates: EstateResult[] = [];
  for (const chunk of evaluation.chunks)
    if (evaluation.count() <= MAX_TABLE_ESTATES) for (const result of chunk.results) estates.push(result);
  const count = evaluation.count();
  if (count > MAX_TABLE_ESTATES)
    throw new UsageError(
      `too many rows for a table (${count} estates, at most ${MAX_TABLE_ESTATES}): use --format csv or --format json`,
    );
  const report = {
    parameters: run.parameters,
    estates,
    district: run.district,
    errors: evaluation.errors(),
    warnings: evaluation.warnings(),
    summary: evaluation.summary(),
  };
  return checkTableText(report, run.loaded, run.lang);
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
