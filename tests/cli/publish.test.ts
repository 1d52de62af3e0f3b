/**
 * `lifecircle publish`: the demo scenario becomes a static bundle (the page with relative asset URLs,
 * scenario.json with every located compound and its pinyin, the street network as a graph file);
 * unusable input exits 2 naming what is wrong and leaves the output folder as it was. The page itself
 * is driven in a browser by tests/e2e/public.e2e.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deserializeGraph } from '../../src/core';
import type { PublishedScenario } from '../../src/core/publish';
import { getProfile } from '../../src/profiles';
import { duplicateProfile } from '../../src/ui/app/profile-file';
import { DEMO_STREETS, writeDemoScenarioFile } from './demo-scenario-file';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lifecircle-publish-'));
const scenarioFile = join(dir, 'demo-scenario.geojson');
let counts: { estates: number; facilities: number };

beforeAll(async () => {
  counts = await writeDemoScenarioFile(scenarioFile);
});

describe('lifecircle publish', () => {
  it('writes the page, the published scenario and the street network', () => {
    const out = join(dir, 'site');
    const { code, stderr } = runCli(['publish', scenarioFile, '--network', DEMO_STREETS, '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`${counts.estates} compounds`);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    // Relative URLs: the folder can be hosted under any path, or opened from a file server.
    expect(html).toMatch(/src="\.\/assets\/public-[\w-]+\.js"/);
    expect(html).not.toMatch(/(src|href)="\/assets/);
    expect(html).toContain("connect-src 'self' blob: data:;");
    const published = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8')) as PublishedScenario;
    expect(published.format).toBe('lifecircle-published');
    expect(published.compounds).toHaveLength(counts.estates);
    expect(published.facilities).toHaveLength(counts.facilities);
    expect(published.compounds.every((c) => /^[a-z0-9]+$/.test(c.initials))).toBe(true);
    expect(published.profile).toMatchObject({ id: 'hefei', source: 'builtin' });
    const graph = deserializeGraph(new Uint8Array(readFileSync(join(out, 'network.lcwg'))));
    expect(graph.nodeCount).toBeGreaterThan(1000);
    // The page ships no pinyin dictionary: a toned syllable of pinyin-pro's is not in any script.
    const scripts = readdirSync(join(out, 'assets')).filter((f) => /\.m?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(out, 'assets', f), 'utf8')).not.toContain('zhōng');
  }, 120_000);

  it("uses the user profile a planner's scenario carries, and marks it as one", () => {
    const file = JSON.parse(readFileSync(scenarioFile, 'utf8'));
    file.lifecircle.userProfiles = [duplicateProfile(getProfile('hefei')!, [])];
    file.lifecircle.profileId = 'hefeiuser';
    const withUser = join(dir, 'user-profile.geojson');
    writeFileSync(withUser, JSON.stringify(file));
    const out = join(dir, 'user');
    const { code, stderr } = runCli(['publish', withUser, '--network', DEMO_STREETS, '--out', out]);
    expect(code, stderr).toBe(0);
    const published = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8')) as PublishedScenario;
    expect(published.profile).toMatchObject({ id: 'hefeiuser', source: 'user' });
  }, 120_000);

  it('replaces an earlier publish in the same folder', () => {
    const out = join(dir, 'again');
    expect(runCli(['publish', scenarioFile, '--network', DEMO_STREETS, '--out', out]).code).toBe(0);
    const { code, stderr } = runCli(['publish', scenarioFile, '--network', DEMO_STREETS, '--out', out]);
    expect(code, stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'assets',
      'index.html',
      'network.lcwg',
      'scenario.json',
      'sw.js',
    ]);
    // The offline script keeps every file of the bundle.
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    for (const f of [
      'index.html',
      'scenario.json',
      'network.lcwg',
      ...readdirSync(join(out, 'assets')).map((a) => `assets/${a}`),
    ])
      expect(sw).toContain(`"./${f}"`);
  }, 120_000);

  it('exits 2 with a plain message for unusable input and leaves the folder as it was', () => {
    const busy = join(dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    const cases: [string[], RegExp][] = [
      [['publish', scenarioFile, '--out', join(dir, 'x')], /--network/],
      [['publish', scenarioFile, '--network', DEMO_STREETS], /--out/],
      [['publish', scenarioFile, '--network', DEMO_STREETS, '--out', busy], /other files/],
      [['publish', DEMO_STREETS, '--network', DEMO_STREETS, '--out', join(dir, 'y')], /not valid JSON/],
      [
        ['publish', join(dir, 'missing.geojson'), '--network', DEMO_STREETS, '--out', join(dir, 'z')],
        /missing\.geojson/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = runCli(args);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
    expect(readFileSync(join(busy, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'y'))).toBe(false);
  }, 120_000);
});
