import { parseArgs } from 'node:util';
import {
  buildReviewReport,
  createCoverageSession,
  coverageOptionsForKind,
  evaluateEstates,
  FACILITY_KINDS,
  importEstates,
  importFacilities,
  parseCrs,
  reportServiceAreas,
  resolveParameters,
  reviewReportHtml,
  withWalkingTimeVerdicts,
  type CoverageResult,
  type CoverageSession,
  type EstateResult,
  type FacilityKind,
} from '../core';
import { graphSegments } from '../worker/graph-segments';
import { EXIT_UNUSABLE, UsageError } from './errors';
import { writeOutput } from './input-file';
import { loadProfile } from './load-profile';
import { refuseInputAsOutput } from './output-file';
import { readImportInput } from './read-import-input';
import { ESTATE_FLAGS, FACILITY_FLAGS, withFlagHints } from './flag-hints';
import { parseKeyValues } from './key-values';
import { loadNetwork } from './load-network';
import { nonNegativeNumber, oneOf } from './flag-values';
import { renderPdf } from './render-pdf';

const OPTIONS = {
  profile: { type: 'string' },
  crs: { type: 'string' },
  status: { type: 'string' },
  param: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  facilities: { type: 'string' },
  'facility-crs': { type: 'string' },
  network: { type: 'string' },
  snap: { type: 'string', default: 'edge' },
  'max-snap': { type: 'string' },
  'min-component': { type: 'string' },
  estate: { type: 'string', multiple: true },
  date: { type: 'string' },
  lang: { type: 'string', default: 'zh' },
  out: { type: 'string', short: 'o' },
} as const;

/**
 * `lifecircle report <estates> --profile <id> [--facilities f] [--network n] [--estate id|name] --out
 * report.html|report.pdf`: the review report (审查意见) of one estate or all, as HTML or PDF.
 * @param argv arguments after `report`
 * @returns 0 when the report is written, 2 when the input is unusable or a PDF cannot be rendered
 */
export async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('report needs an estates file: lifecircle report <file> --profile <id>');
  const { profile } = await loadProfile(values.profile);
  await refuseInputAsOutput(values.out, [file, values.facilities, values.network]);
  const lang = oneOf(values.lang, ['zh', 'en'], '--lang');
  const pdf = values.out?.toLowerCase().endsWith('.pdf') ?? false;
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date expects YYYY-MM-DD, got "${date}"`);
  const defaultStatus =
    values.status === undefined ? undefined : oneOf(values.status, ['new', 'existing'], '--status');
  const snap = oneOf(values.snap, ['edge', 'node'], '--snap');
  const { parameters, errors: paramErrors } = resolveParameters(
    profile,
    parseKeyValues(values.param, '--param'),
  );
  if (paramErrors.length > 0) throw new UsageError(paramErrors.join('\n'));
  if (values.network && !values.facilities)
    throw new UsageError('--network is used for walking access to facilities: give --facilities <file> too');

  const imported = withFlagHints(
    importEstates(
      await readImportInput(file, 'estates file', {
        crs: values.crs === undefined ? undefined : parseCrs(values.crs),
        fieldMap: parseKeyValues(values.map, '--map'),
      }),
    ),
    ESTATE_FLAGS,
  );
  for (const e of imported.errors) process.stderr.write(`lifecircle: ${e.message}\n`);
  if (imported.fatal || imported.estates.length === 0) {
    if (imported.errors.length === 0) process.stderr.write(`lifecircle: ${file} has no usable estate\n`);
    return EXIT_UNUSABLE;
  }
  const estates = selectEstates(imported.estates, values.estate);
  let results: EstateResult[] = evaluateEstates(estates, profile, parameters, { defaultStatus }).estates;

  const facilityImport = values.facilities
    ? withFlagHints(
        importFacilities(
          await readImportInput(values.facilities, 'facilities file', {
            crs: values['facility-crs'] === undefined ? undefined : parseCrs(values['facility-crs']),
          }),
        ),
        FACILITY_FLAGS,
      )
    : null;
  // An unreadable facilities file is not a file of no facilities: every access verdict would be wrong.
  if (facilityImport?.fatal) throw new UsageError(facilityImport.errors.map((e) => e.message).join('; '));
  for (const e of facilityImport?.errors ?? []) process.stderr.write(`lifecircle: ${e.message}\n`);
  const facilities = facilityImport?.facilities ?? [];
  const loaded = values.network
    ? await loadNetwork(values.network, nonNegativeNumber(values['min-component'], '--min-component'))
    : null;
  const network = loaded?.network ?? null;
  const sessions: Partial<Record<FacilityKind, CoverageSession>> = {};
  const coverage: Partial<Record<FacilityKind, CoverageResult>> = {};
  let placements: CoverageSession['placements'] = null; // the estates snapped once for every kind
  for (const kind of FACILITY_KINDS) {
    const ofKind = facilities.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    // Every estate takes part, so that loads (2SFCA) are those of the whole area, not of the ones reported.
    const session = createCoverageSession({
      placements,
      estates: imported.estates,
      facilities: ofKind,
      network,
      options: {
        ...coverageOptionsForKind(kind, parameters),
        mode: network ? 'network' : 'straight-line',
        snap,
        maxSnapM: nonNegativeNumber(values['max-snap'], '--max-snap') ?? 500,
      },
    });
    placements = session.placements;
    sessions[kind] = session;
    coverage[kind] = session.result();
  }
  if (facilities.length > 0) {
    const rows = new Map(
      Object.entries(coverage).map(([k, r]) => [k, new Map(r.estates.map((e) => [e.id, e]))]),
    );
    results = withWalkingTimeVerdicts(results, profile.rules, (id, kind) => {
      const row = rows.get(kind)?.get(id);
      return row && { minutes: row.minutes, offNetwork: row.offNetwork };
    });
  }
  const report = buildReviewReport({
    profile,
    parameters,
    estates,
    results,
    coverage,
    facilities,
    serviceAreas: reportServiceAreas(network, sessions, parameters),
    streets: network ? graphSegments(network.graph).segments : null,
    date,
    lang,
    subject: file,
    rejected: [...imported.errors, ...(facilityImport?.errors ?? [])],
  });
  const html = reviewReportHtml(report);
  await writeOutput(pdf ? await renderPdf(html) : html, values.out);
  if (values.out) {
    const t = report.totals;
    process.stderr.write(
      `${values.out}: ${report.estates.length} estate(s): ${t.compliant} compliant, ${t['non-compliant']} not compliant, ${t.incomplete} incomplete data` +
        `${imported.errors.length > 0 ? `; ${imported.errors.length} row(s) of ${file} could not be used (listed above)` : ''}\n`,
    );
  }
  return 0;
}

/** `--estate id|name`: an id first, else an exact name, else the names containing it (once each). */
function selectEstates<T extends { id: string; name: string }>(all: T[], wanted: string[] | undefined): T[] {
  if (!wanted || wanted.length === 0) return all;
  const chosen = new Set<T>();
  for (const w of wanted) {
    const byId = all.filter((e) => e.id === w);
    const byName = byId.length > 0 ? byId : all.filter((e) => e.name === w);
    const found = byName.length > 0 ? byName : all.filter((e) => e.name.includes(w));
    if (found.length === 0) throw new UsageError(`--estate "${w}": no estate has this id or name`);
    for (const e of found) chosen.add(e);
  }
  return all.filter((e) => chosen.has(e));
}
