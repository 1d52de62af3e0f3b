/**
 * A user profile reaches the worker with each request (the worker keeps none): its thresholds give
 * the verdicts, and the review report and the published scenario mark it as a user profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estate, Facility, RuleProfile } from '../../src/core';
import { getProfile } from '../../src/profiles';
import { duplicateProfile } from '../../src/ui/app/profile-file';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { fakeWorkerFactory } from './harness';

const demo = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '..', '..', 'geodata', 'demo', name)));
const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
let estates: Estate[] = [];
let facilities: Facility[] = [];
/** Hefei's copy asking ten times the existing estates' elderly-care floor area. */
let strict: RuleProfile;

beforeAll(async () => {
  estates = (
    await client.send('import/estates', { data: demo('estates.geojson'), fileName: 'estates.geojson' })
  ).estates;
  facilities = (
    await client.send('import/facilities', {
      data: demo('facilities.geojson'),
      fileName: 'facilities.geojson',
    })
  ).facilities;
  const copy = duplicateProfile(getProfile('hefei')!, []);
  strict = {
    ...copy,
    rules: copy.rules.map((r) =>
      r.id === 'hefeiuser.elderly-area-existing' ? { ...r, threshold: r.threshold * 10 } : r,
    ),
  };
});
afterAll(() => client.terminate());

const failing = (result: RequestMap['rules/evaluate'][1], rule: string) =>
  result.estates.filter((e) => e.verdicts.some((v) => v.rule === rule && v.status === 'fail')).length;

describe('user profiles in the worker', () => {
  it("evaluates with the user profile's thresholds", async () => {
    const base = { estates, overrides: {}, defaultStatus: 'existing' as const };
    const hefei = await client.send('rules/evaluate', { ...base, profileId: 'hefei' });
    const user = await client.send('rules/evaluate', {
      ...base,
      profileId: strict.id,
      userProfile: strict,
    });
    expect(user.profileId).toBe('hefeiuser');
    const before = failing(hefei, 'hefei.elderly-area-existing');
    const after = failing(user, 'hefeiuser.elderly-area-existing');
    expect(after).toBeGreaterThan(before);
    const required = (r: typeof hefei, rule: string) =>
      r.estates[0]!.verdicts.find((v) => v.rule === rule)?.required;
    expect(required(user, 'hefeiuser.elderly-area-existing')).toBeCloseTo(
      required(hefei, 'hefei.elderly-area-existing')! * 10,
      6,
    );
  });

  it('refuses an id that names neither a built-in profile nor the profile sent', async () => {
    await expect(
      client.send('rules/evaluate', { estates, overrides: {}, defaultStatus: null, profileId: 'hefeiuser' }),
    ).rejects.toThrow(/Unknown rule profile "hefeiuser"/);
    // A profile sent under another id is not used in its place.
    const hefei = await client.send('rules/evaluate', {
      estates,
      overrides: {},
      defaultStatus: null,
      profileId: 'hefei',
      userProfile: strict,
    });
    expect(hefei.estates[0]!.verdicts.every((v) => v.rule.startsWith('hefei.'))).toBe(true);
  });

  it('marks a user profile in the review report and in the published scenario', async () => {
    await client.send('network/load', { bytes: demo('streets.osm'), fileName: 'streets.osm' });
    const evaluation = await client.send('rules/evaluate', {
      estates,
      overrides: {},
      defaultStatus: null,
      profileId: strict.id,
      userProfile: strict,
    });
    const report = (userProfile?: RuleProfile) =>
      client.send('report/html', {
        profileId: userProfile ? userProfile.id : 'hefei',
        ...(userProfile ? { userProfile } : {}),
        parameters: evaluation.parameters,
        estates: estates.slice(0, 1),
        results: evaluation.estates.slice(0, 1),
        coverage: {},
        facilities,
        date: '2026-12-07',
        lang: 'zh',
        subject: null,
      });
    expect((await report(strict)).html).toContain('(hefeiuser，用户自定义配置)');
    expect((await report()).html).not.toContain('用户自定义配置');
    const publish = (userProfile?: RuleProfile) =>
      client.send('publish/build', {
        name: 'demo',
        estates,
        facilities,
        profileId: userProfile ? userProfile.id : 'hefei',
        ...(userProfile ? { userProfile } : {}),
        overrides: {},
        publishedAt: '2026-12-07T00:00:00Z',
      });
    expect((await publish(strict)).scenario.profile).toMatchObject({ id: 'hefeiuser', source: 'user' });
    expect((await publish()).scenario.profile).toMatchObject({ id: 'hefei', source: 'builtin' });
  });
});
