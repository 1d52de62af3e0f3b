/**
 * The planner's review report is the command line's: the worker's `report/html`, given what the
 * planner holds for the bundled demo (its evaluation with walking times joined, its coverage rows, via
 * reportRequest), returns byte for byte the HTML `lifecircle report` writes from the demo's files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estate, Facility } from '../../src/core';
import { getProfile } from '../../src/profiles';
import { initialState } from '../../src/store/initial-state';
import type { AppState, CoverageView } from '../../src/store/types';
import { withWalkingTimes } from '../../src/store/walking-time-compliance';
import { reportRequest } from '../../src/ui/app/report-request';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { ROOT, runCli } from '../cli/run-cli';
import { fakeWorkerFactory } from './harness';

const DEMO = join(ROOT, 'geodata', 'demo');
const demo = (name: string) => new Uint8Array(readFileSync(join(DEMO, name)));
const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
const DATE = '2026-12-07';
// The CLI names its input file as the subject; the planner sends the scenario's name in its place.
const SUBJECT = 'geodata/demo/estates.geojson';
let state: AppState;

beforeAll(async () => {
  const estates: Estate[] = (
    await client.send('import/estates', { data: demo('estates.geojson'), fileName: 'estates.geojson' })
  ).estates;
  const facilities: Facility[] = (
    await client.send('import/facilities', {
      data: demo('facilities.geojson'),
      fileName: 'facilities.geojson',
    })
  ).facilities;
  await client.send('network/load', { bytes: demo('streets.osm'), fileName: 'streets.osm' });
  const request = { estates, profileId: 'hefei', overrides: {} };
  const evaluation = await client.send('rules/evaluate', { ...request, defaultStatus: null });
  const run = await client.send('coverage/run', { ...request, facilities, serviceAreaKind: null });
  const coverage = { byKind: run.byKind } as unknown as CoverageView;
  const base = initialState();
  state = {
    ...base,
    scenario: { ...base.scenario, id: 'demo', name: 'demo', estates, facilities },
    results: {
      ...base.results,
      evaluation: withWalkingTimes(evaluation, coverage, getProfile('hefei')),
      coverage,
    },
  };
});
afterAll(() => client.terminate());

const cli = (estateArgs: string[]) => {
  const { code, stdout, stderr } = runCli([
    'report',
    SUBJECT,
    '--profile',
    'hefei',
    '--facilities',
    'geodata/demo/facilities.geojson',
    '--network',
    'geodata/demo/streets.osm',
    '--date',
    DATE,
    ...estateArgs,
  ]);
  expect(code, stderr).toBe(0);
  return stdout;
};

describe('report/html', () => {
  it("gives one estate's report exactly as lifecircle report --estate does", async () => {
    const id = state.scenario.estates[7]!.id;
    const request = reportRequest(state, [id], { date: DATE, subject: SUBJECT })!;
    const { html, totals } = await client.send('report/html', request);
    expect(html).toContain(`data-estate="${id}"`);
    expect(html).toContain('<svg');
    expect(totals.compliant + totals['non-compliant'] + totals.incomplete).toBe(1);
    expect(html).toBe(cli(['--estate', id]));
  });

  it('gives the batch of all estates exactly as lifecircle report does', async () => {
    const ids = state.scenario.estates.map((e) => e.id);
    const { html } = await client.send(
      'report/html',
      reportRequest(state, ids, { date: DATE, subject: SUBJECT })!,
    );
    expect(html.match(/<section class="estate" /g)).toHaveLength(ids.length);
    expect(html).toBe(cli([]));
  });
});
