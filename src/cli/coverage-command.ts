import { parseArgs } from 'node:util';
import {
  computeCoverage,
  coverageOptionsForKind,
  FACILITY_KINDS,
  importEstates,
  importFacilities,
  parseCrs,
  resolveParameters,
  type FacilityKind,
  type ImportWarning,
  type ProfileParameters,
} from '../core';
import { EXIT_UNUSABLE, UsageError } from './errors';
import { loadProfile, profileInfo } from './load-profile';
import { refuseInputAsOutput, writeChunks, writeJson } from './output-file';
import { readImportInput } from './read-import-input';
import { ESTATE_FLAGS, FACILITY_FLAGS, withFlagHints } from './flag-hints';
import { parseKeyValues } from './key-values';
import { loadNetwork } from './load-network';
import { nonNegativeNumber, positiveNumber, oneOf } from './flag-values';
import { coverageCsv, coverageGeojson } from './coverage-output';

const OPTIONS = {
  estates: { type: 'string' },
  facilities: { type: 'string' },
  network: { type: 'string' },
  crs: { type: 'string' },
  'facility-crs': { type: 'string' },
  sheet: { type: 'string' },
  'facility-sheet': { type: 'string' },
  kind: { type: 'string' },
  profile: { type: 'string', default: 'national' },
  param: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  minutes: { type: 'string' },
  speed: { type: 'string' },
  snap: { type: 'string', default: 'edge' },
  'max-snap': { type: 'string' },
  'min-component': { type: 'string' },
  mode: { type: 'string' },
  format: { type: 'string', default: 'json' },
  out: { type: 'string', short: 'o' },
} as const;

/**
 * `lifecircle coverage`: which estates reach a facility within N minutes on foot, facility loads (2SFCA)
 * and underserved zones; on the street network, or straight-line when no network is given.
 * @param argv arguments after `coverage`
 * @returns 0 on success, 2 when the input is unusable
 */
export async function runCoverage(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false });
  const loadedProfile = await loadProfile(values.profile, 'national');
  const { profile } = loadedProfile;
  const format = oneOf(values.format, ['json', 'geojson', 'csv'], '--format');
  const snap = oneOf(values.snap, ['edge', 'node'], '--snap');
  const kind = values.kind === undefined ? undefined : oneOf(values.kind, [...FACILITY_KINDS], '--kind');
  const mode =
    values.mode === undefined ? undefined : oneOf(values.mode, ['network', 'straight-line'], '--mode');
  if (mode === 'network' && !values.network)
    throw new UsageError('--mode network needs --network <osm|pbf|graph file>');
  const { parameters, errors: paramErrors } = resolveParameters(
    profile,
    parseKeyValues(values.param, '--param'),
  );
  if (paramErrors.length > 0) throw new UsageError(paramErrors.join('\n'));
  if (!values.estates || !values.facilities)
    throw new UsageError('coverage needs --estates <file> and --facilities <file>');
  await refuseInputAsOutput(values.out, [values.estates, values.facilities, values.network]);

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
  const facilityImport = withFlagHints(
    importFacilities({
      ...(await readImportInput(values.facilities, 'facilities file', {
        crs: values['facility-crs'] === undefined ? undefined : parseCrs(values['facility-crs']),
        sheet: values['facility-sheet'],
      })),
      defaultKind: kind ?? 'elderly-daycare',
    }),
    FACILITY_FLAGS,
  );
  const warnings: ImportWarning[] = [...estates.warnings, ...facilityImport.warnings];
  if (facilityImport.mapping.kind === null && kind === undefined) {
    const message = `${values.facilities} has no kind column and no --kind was given: every facility is treated as elderly-daycare`;
    warnings.push({
      rows: [],
      code: 'default-kind',
      message,
      messageZh: `${values.facilities} 无设施类型列且未指定 --kind：全部按日间照料中心计`,
    });
  }
  const errors = [
    ...estates.errors.map((e) => ({ ...e, file: values.estates })),
    ...facilityImport.errors.map((e) => ({ ...e, file: values.facilities })),
  ];
  const facilities =
    kind === undefined ? facilityImport.facilities : facilityImport.facilities.filter((f) => f.kind === kind);
  const kinds = [...new Set(facilities.map((f) => f.kind))];
  const minutes = positiveNumber(values.minutes, '--minutes') ?? minutesOfKinds(kinds, parameters);
  const speedMps = positiveNumber(values.speed, '--speed') ?? parameters.walkingSpeed;

  const loaded =
    values.network && mode !== 'straight-line'
      ? await loadNetwork(values.network, nonNegativeNumber(values['min-component'], '--min-component'))
      : null;
  const result = computeCoverage({
    estates: estates.estates,
    facilities,
    network: loaded?.network ?? null,
    options: {
      mode: loaded ? 'network' : 'straight-line',
      snap,
      maxSnapM: nonNegativeNumber(values['max-snap'], '--max-snap') ?? 500,
      minutes,
      speedMps,
      personsPerHousehold: parameters.personsPerHousehold,
      // Supply is measured per kind (places, beds or floor area): capacity-aware only for one kind at a time.
      capacity: kinds.length === 1 && kinds[0] ? coverageOptionsForKind(kinds[0], parameters).capacity : null,
    },
  });
  const network = loaded?.report
    ? {
        nodes: loaded.report.nodes,
        edges: loaded.report.edges,
        droppedNodes: loaded.report.droppedNodes,
        droppedComponents: loaded.report.droppedComponents,
      }
    : null;
  const report = { ...result, network, profile: profileInfo(loadedProfile), errors, warnings };

  if (format === 'json') await writeJson(values.out, report, 2);
  else if (format === 'csv') await writeChunks(values.out, coverageCsv(result, errors));
  else {
    // errors and warnings travel as foreign members, so a rejected row is never lost from the file.
    const geojson = coverageGeojson(result, estates.estates, facilities);
    const file = { ...geojson, mode: result.mode, parameters: result.parameters, errors, warnings };
    await writeJson(values.out, file, 0);
  }
  if (values.out) {
    const s = result.summary;
    process.stderr.write(
      `${result.mode}: ${s.householdsCovered} of ${s.households} households covered within ${minutes} min (${s.pctCovered?.toFixed(1) ?? '—'} %); ` +
        `${s.estatesOffNetwork} estates off the network; ${errors.length} rows rejected (listed ${format === 'csv' ? 'after the estates' : 'under "errors"'})\n`,
    );
  }
  const unusable = [
    estates.estates.length === 0 ? `${values.estates}: no usable estate` : null,
    facilities.length === 0
      ? `${values.facilities}: no usable facility${kind ? ` of kind ${kind}` : ''}`
      : null,
  ].filter((m): m is string => m !== null);
  for (const m of unusable) process.stderr.write(`lifecircle: ${m}\n`);
  return unusable.length > 0 ? EXIT_UNUSABLE : 0;
}

/** The service minutes of the facility kinds present; they must agree unless --minutes is given. */
function minutesOfKinds(kinds: FacilityKind[], parameters: ProfileParameters): number {
  const distinct = [...new Set(kinds.map((k) => parameters.serviceMinutes[k]))];
  if (distinct.length === 1 && distinct[0] !== undefined) return distinct[0];
  if (distinct.length === 0) return parameters.serviceMinutes['elderly-daycare'];
  throw new UsageError(
    `the facilities are of kinds with different service minutes (${kinds.join(', ')}): choose one with --kind, or give --minutes`,
  );
}
