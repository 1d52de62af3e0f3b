import { parseArgs } from 'node:util';
import {
  coverageOptionsForKind,
  csvChunks,
  FACILITY_KINDS,
  importEstates,
  importFacilities,
  parseCrs,
  proposalGeoJson,
  proposalTable,
  proposeSites,
  resolveParameters,
  SitingRequestError,
  type CandidatePoint,
  type FacilityKind,
  type ImportError,
  type ImportWarning,
  type JointKind,
  type SitingProposal,
  type SitingRequest,
  validateSitingRequest,
} from '../core';
import { EXIT_UNUSABLE, UsageError } from './errors';
import { nonNegativeNumber, oneOf, positiveNumber } from './flag-values';
import { parseKeyValues } from './key-values';
import { loadNetwork } from './load-network';
import { loadProfile, profileInfo } from './load-profile';
import { refuseInputAsOutput, writeChunks, writeJson } from './output-file';
import { readArea } from './read-area';
import { readImportInput } from './read-import-input';
import { ESTATE_FLAGS, FACILITY_FLAGS, withFlagHints, type HintFlags } from './flag-hints';

const OPTIONS = {
  estates: { type: 'string' },
  network: { type: 'string' },
  facilities: { type: 'string' },
  kind: { type: 'string', default: 'elderly-daycare' },
  weights: { type: 'string' },
  minutes: { type: 'string' },
  speed: { type: 'string' },
  snap: { type: 'string', default: 'edge' },
  'max-snap': { type: 'string' },
  'min-component': { type: 'string' },
  crs: { type: 'string' },
  'facility-crs': { type: 'string' },
  'candidate-crs': { type: 'string' },
  sheet: { type: 'string' },
  map: { type: 'string', multiple: true },
  profile: { type: 'string', default: 'national' },
  param: { type: 'string', multiple: true },
  count: { type: 'string', default: '5' },
  model: { type: 'string', default: 'mclp' },
  capacity: { type: 'string' },
  candidates: { type: 'string', default: 'auto' },
  spacing: { type: 'string' },
  district: { type: 'string' },
  area: { type: 'string' },
  demand: { type: 'string' },
  'time-limit': { type: 'string' },
  format: { type: 'string', default: 'json' },
  out: { type: 'string', short: 'o' },
} as const;

/** A warning of the CLI's JSON: the importers' shape, for the proposal's own warnings too. */
const sitingWarning = (message: string): ImportWarning => ({
  rows: [],
  code: 'siting',
  message,
  messageZh: message,
});

/**
 * `lifecircle site`: proposes where new facilities of a kind go (MCLP, LSCP or capacitated MCLP; two
 * kinds at once as joint sites 综合体) on the walking network, with the bound and gap that say how
 * close to optimal the proposal is (issue #10).
 * @param argv arguments after `site`
 * @returns 0 on success, 2 when the input is unusable
 */
export async function runSite(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false });
  const format = oneOf(values.format, ['json', 'geojson', 'csv'], '--format');
  const snap = oneOf(values.snap, ['edge', 'node'], '--snap');
  const model = oneOf(values.model, ['mclp', 'lscp', 'capacitated'], '--model');
  const kinds = values.kind.split(',').map((k) => oneOf(k.trim(), [...FACILITY_KINDS], '--kind'));
  const weights = values.weights?.split(',').map((w) => nonNegativeNumber(w, '--weights')!) ?? [];
  if (weights.length > 0 && weights.length !== kinds.length)
    throw new UsageError(`--weights gives ${weights.length} weights for ${kinds.length} kinds (--kind)`);
  if (!values.estates || !values.network)
    throw new UsageError('site needs --estates <file> and --network <osm|pbf|graph file>');
  await refuseInputAsOutput(values.out, [
    values.estates,
    values.network,
    values.facilities,
    values.candidates,
  ]);
  const loadedProfile = await loadProfile(values.profile, 'national');
  const { parameters, errors: paramErrors } = resolveParameters(
    loadedProfile.profile,
    parseKeyValues(values.param, '--param'),
  );
  if (paramErrors.length > 0) throw new UsageError(paramErrors.join('\n'));
  const count = model === 'lscp' ? 0 : positiveNumber(values.count, '--count')!;
  if (!Number.isInteger(count))
    throw new UsageError(`--count expects a whole number of sites, got "${values.count}"`);
  const measure =
    values.demand === undefined
      ? undefined
      : oneOf(values.demand, ['households', 'residents', 'demand'], '--demand');

  const estates = withFlagHints(
    importEstates(
      await readImportInput(values.estates, 'estates file', {
        crs: values.crs === undefined ? undefined : parseCrs(values.crs),
        fieldMap: parseKeyValues(values.map, '--map'),
        sheet: values.sheet,
      }),
    ),
    ESTATE_FLAGS,
  );
  const errors: (ImportError & { file: string })[] = estates.errors.map((e) => ({
    ...e,
    file: values.estates!,
  }));
  const warnings: ImportWarning[] = [...estates.warnings];
  const readPoints = async (file: string, crs: string | undefined, what: string, flags: HintFlags) => {
    const r = withFlagHints(
      importFacilities({
        ...(await readImportInput(file, what, { crs: crs === undefined ? undefined : parseCrs(crs) })),
        defaultKind: kinds[0]!,
      }),
      flags,
    );
    errors.push(...r.errors.map((e) => ({ ...e, file })));
    warnings.push(...r.warnings);
    return r.facilities;
  };
  const facilities = values.facilities
    ? await readPoints(values.facilities, values['facility-crs'], 'facilities file', FACILITY_FLAGS)
    : [];
  const candidates: 'auto' | CandidatePoint[] =
    values.candidates === 'auto'
      ? 'auto'
      : (
          await readPoints(
            values.candidates,
            values['candidate-crs'] ?? values['facility-crs'],
            'candidates file',
            { crs: values['candidate-crs'] ? '--candidate-crs' : '--facility-crs', map: null },
          )
        ).map((f) => ({ id: f.id, location: f.location }));
  const unusable: string[] = [];
  if (estates.estates.length === 0) unusable.push(`${values.estates}: no usable estate`);
  if (candidates !== 'auto' && candidates.length === 0)
    unusable.push(`${values.candidates}: no usable candidate`);
  if (unusable.length > 0) {
    for (const m of unusable) process.stderr.write(`lifecircle: ${m}\n`);
    return EXIT_UNUSABLE;
  }

  const minutesFlag = positiveNumber(values.minutes, '--minutes');
  const speedMps = positiveNumber(values.speed, '--speed') ?? parameters.walkingSpeed;
  const demandOf = (kind: FacilityKind) => coverageOptionsForKind(kind, parameters).capacity ?? undefined;
  const joint: JointKind[] = kinds.slice(1).map((kind, k) => ({
    kind,
    minutes: minutesFlag ?? parameters.serviceMinutes[kind],
    weight: weights[k + 1] ?? 1,
    ...(demandOf(kind) ? { demand: demandOf(kind)! } : {}),
  }));
  const request: SitingRequest = {
    kind: kinds[0]!,
    model,
    count,
    ...(values.capacity === undefined ? {} : { capacity: positiveNumber(values.capacity, '--capacity')! }),
    candidates,
    ...(values.spacing === undefined ? {} : { spacingM: nonNegativeNumber(values.spacing, '--spacing')! }),
    ...(values.district ? { district: values.district } : {}),
    ...(values.area ? { area: await readArea(values.area) } : {}),
    timeLimitS: nonNegativeNumber(values['time-limit'], '--time-limit') ?? 10,
    minutes: minutesFlag ?? parameters.serviceMinutes[kinds[0]!],
    speedMps,
    snap,
    maxSnapM: nonNegativeNumber(values['max-snap'], '--max-snap') ?? 500,
    personsPerHousehold: parameters.personsPerHousehold,
    ...(measure ? { measure } : {}),
    ...(demandOf(kinds[0]!) ? { demand: demandOf(kinds[0]!)! } : {}),
    weight: weights[0] ?? 1,
    joint,
  };
  try {
    validateSitingRequest(request);
  } catch (error) {
    if (error instanceof SitingRequestError) throw new UsageError(error.message);
    throw error;
  }
  const loaded = await loadNetwork(
    values.network,
    nonNegativeNumber(values['min-component'], '--min-component'),
  );
  const highs = await loadHighsForCli(warnings);
  const tty = process.stderr.isTTY === true;
  let proposal: SitingProposal;
  try {
    proposal = await proposeSites(
      { network: loaded.network, estates: estates.estates, facilities, highs },
      request,
      {
        onProgress: (phase, done, total) => {
          if (tty) process.stderr.write(`\r${phase} ${done}/${total}        `);
        },
      },
    );
  } catch (error) {
    if (error instanceof SitingRequestError) throw new UsageError(error.message);
    throw error;
  } finally {
    if (tty) process.stderr.write('\r\x1b[K');
  }
  const { errors: _none, warnings: own, ...figures } = proposal;
  const allWarnings = [...warnings, ...own.map(sitingWarning)];
  const report = {
    ...figures,
    network: {
      nodes: loaded.report?.nodes ?? loaded.network.graph.nodeCount,
      edges: loaded.report?.edges ?? null,
    },
    profile: profileInfo(loadedProfile),
    errors,
    warnings: allWarnings,
  };
  if (format === 'json') await writeJson(values.out, report, 2);
  else if (format === 'geojson') await writeJson(values.out, proposalGeoJson(report), 0);
  else {
    const table = proposalTable(proposal, 'en');
    await writeChunks(values.out, csvChunks(table.header, table.rows));
  }
  if (values.out || format === 'csv') {
    const gap =
      proposal.gapPct === null
        ? 'no proven bound'
        : `gap ${proposal.gapPct.toFixed(2)} % (${proposal.method})`;
    process.stderr.write(
      `${proposal.model}: ${proposal.sites.length} sites add ${proposal.objective.toFixed(1)} ${proposal.unit} ` +
        `(${proposal.coveredBefore.toFixed(1)} → ${proposal.coveredAfter.toFixed(1)}); ${gap}; ` +
        `${proposal.demand.unreachable} estates no candidate reaches; ${errors.length} rows rejected\n`,
    );
  }
  return 0;
}

/** HiGHS (WebAssembly) for the bound; without it the heuristic answers alone, with a warning. */
async function loadHighsForCli(warnings: ImportWarning[]) {
  try {
    const { default: loadHighs } = await import('highs');
    return await loadHighs();
  } catch (error) {
    warnings.push(
      sitingWarning(
        `HiGHS could not be loaded (${String(error)}): the heuristic's answer has no proven bound`,
      ),
    );
    return null;
  }
}
