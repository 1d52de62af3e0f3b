/**
 * User rule profiles in the planner (issue #12), end to end in chromium on the bundled demo: duplicate
 * Hefei's profile, raise one threshold in the form and see estates' verdicts change; export the profile
 * and read the file back with the core's validator; import a profile file and see it selected; a
 * malformed file is explained in Chinese and English; reload and find both profiles kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRuleProfile, type RuleProfile } from '../../src/core';
import {
  closeDemo,
  hasChromium,
  openDemo,
  screenshot,
  waitIdle,
  waitInteractive,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';

interface ProfileState {
  profileId: string;
  userProfiles: RuleProfile[];
  /** The profile the evaluation shown was computed with. */
  evaluatedWith: string | null;
  /** Each estate's verdict status by rule id. */
  verdicts: Record<string, Record<string, string>>;
}

const profileState = (page: Page): Promise<ProfileState> =>
  page.evaluate(() => {
    const s = (window as never as LifeCircleWindow).__lifecircle.store.getState() as never as {
      scenario: { profileId: string; userProfiles: RuleProfile[] };
      results: {
        evaluation: {
          profileId?: string;
          estates: { id: string; verdicts: { rule: string; status: string }[] }[];
        } | null;
      };
    };
    const evaluation = s.results.evaluation;
    return {
      profileId: s.scenario.profileId,
      userProfiles: s.scenario.userProfiles,
      evaluatedWith: evaluation?.profileId ?? null,
      verdicts: Object.fromEntries(
        (evaluation?.estates ?? []).map((e) => [
          e.id,
          Object.fromEntries(e.verdicts.map((v) => [v.rule, v.status])),
        ]),
      ),
    };
  });

/** Estates whose verdict on `rule` is `status`. */
const withVerdict = (s: ProfileState, rule: string, status: string) =>
  Object.entries(s.verdicts)
    .filter(([, byRule]) => byRule[rule] === status)
    .map(([id]) => id);

describe.skipIf(!hasChromium)('user rule profiles in chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'lifecircle-profiles-'));
  /** The estate rule edited (its id after the profile's), and the estates that passed it under Hefei. */
  let ruleKey = '';
  let passedBefore: string[] = [];
  let raised = 0;
  /** Estates failing the raised threshold. */
  let failedRaised: string[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openDemo());
  });

  afterAll(async () => {
    await closeDemo({ browser, server });
    rmSync(dir, { recursive: true, force: true });
  });

  it('duplicates Hefei, raises one threshold in the form, and the verdicts change', async () => {
    const before = await profileState(page);
    expect(before.profileId).toBe('hefei');
    const hefei = parseRuleProfile(
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'geodata', 'rules', 'hefei.json'), 'utf8')),
      'hefei.json',
    );
    // An estate rule that some demo estates pass: raising its threshold a hundredfold must fail them.
    const rule = hefei.rules.find(
      (r) => r.scope === 'estate' && r.operator === '>=' && withVerdict(before, r.id, 'pass').length > 0,
    )!;
    expect(rule).toBeDefined();
    ruleKey = rule.id.slice('hefei.'.length);
    passedBefore = withVerdict(before, rule.id, 'pass');
    raised = rule.threshold * 100;

    await page.click('[data-testid=tab-settings]');
    await page.click('[data-testid=profile-duplicate]');
    await page.waitForSelector('[data-testid=profile-editor]');
    await page.fill(`[data-testid=rule-threshold-${ruleKey}]`, String(raised));
    await page.locator(`[data-testid=profile-rule-${ruleKey}]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'profiles-00-editor');
    await page.click('[data-testid=profile-save]');
    await page.waitForFunction(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState() as never as {
        results: { evaluation: { profileId?: string } | null };
      };
      return s.results.evaluation?.profileId === 'hefeiuser';
    });
    await waitIdle(page);
    const after = await profileState(page);
    expect(after.profileId).toBe('hefeiuser');
    expect(after.userProfiles.map((p) => p.id)).toEqual(['hefeiuser']);
    const edited = `hefeiuser.${ruleKey}`;
    // Every estate that passed Hefei's threshold fails the raised one.
    for (const id of passedBefore) expect(after.verdicts[id]![edited], id).toBe('fail');
    expect(withVerdict(after, edited, 'pass')).toEqual([]);
    failedRaised = withVerdict(after, edited, 'fail');
    // The header names it as a user profile.
    await expect(page.inputValue('[data-testid=profile-select]')).resolves.toBe('hefeiuser');
    const option = await page.textContent('[data-testid=profile-select] option[value=hefeiuser]');
    expect(option).toContain('自定义规则');
    await screenshot(page, 'profiles-01-edited');
  });

  it('exports the profile as a file the validator reads back, carrying the edit', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=profile-export]'),
    ]);
    expect(download.suggestedFilename()).toBe('hefeiuser.json');
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const profile = parseRuleProfile(json, download.suggestedFilename());
    expect(profile.id).toBe('hefeiuser');
    expect(profile.rules.find((r) => r.id === `hefeiuser.${ruleKey}`)?.threshold).toBe(raised);
    // Another city's file, made from it: a lower threshold than Hefei's, under its own id.
    const city = {
      ...json,
      id: 'mycity',
      name: { zh: '我的城市', en: 'My city' },
      rules: (json.rules as { id: string; threshold: number }[]).map((r) => ({
        ...r,
        id: r.id.replace('hefeiuser.', 'mycity.'),
        ...(r.id === `hefeiuser.${ruleKey}` ? { threshold: 0 } : {}),
      })),
    };
    writeFileSync(join(dir, 'mycity.json'), JSON.stringify(city, null, 2));
    const broken = structuredClone(city);
    broken.rules[1].threshold = 'twenty';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
  });

  it('explains a malformed profile file in Chinese and English, naming file, rule and field', async () => {
    await page.setInputFiles('[data-testid=profile-import]', join(dir, 'broken.json'));
    const error = page.locator('[data-testid=profile-files] [data-testid=profile-error]');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('broken.json');
    expect(text).toMatch(/规则 .*mycity\./);
    expect(text).toContain('字段“threshold”');
    expect(text).toMatch(/field "threshold": expected/);
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect((await profileState(page)).profileId).toBe('hefeiuser');
  });

  it('imports a profile file and selects it; its threshold gives the verdicts', async () => {
    await page.setInputFiles('[data-testid=profile-import]', join(dir, 'mycity.json'));
    await page.waitForFunction(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState() as never as {
        results: { evaluation: { profileId?: string } | null };
      };
      return s.results.evaluation?.profileId === 'mycity';
    });
    await waitIdle(page);
    const s = await profileState(page);
    expect(s.userProfiles.map((p) => p.id)).toEqual(['hefeiuser', 'mycity']);
    await expect(page.inputValue('[data-testid=profile-select]')).resolves.toBe('mycity');
    // With a threshold of 0 all that passed under Hefei pass, and fewer fail than under the raised one
    // (a rule's other conditions, such as a per-facility minimum size, still fail some).
    for (const id of passedBefore) expect(s.verdicts[id]![`mycity.${ruleKey}`], id).toBe('pass');
    const failing = withVerdict(s, `mycity.${ruleKey}`, 'fail');
    expect(failing.length).toBeLessThan(failedRaised.length);
    expect(failing.every((id) => failedRaised.includes(id))).toBe(true);
    await expect(page.textContent('[data-testid=profile-imported]')).resolves.toContain('我的城市');
  });

  it('marks the user profile in the compliance table', async () => {
    await page.click('[data-testid=tab-compliance]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-csv]'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('我的城市 (mycity), 用户自定义规则配置（非内置）');
  });

  it('reloads and finds both user profiles kept, the imported one selected', async () => {
    await page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.flushSave());
    await page.goto(server.url);
    await waitInteractive(page);
    await waitIdle(page);
    const s = await profileState(page);
    expect(s.profileId).toBe('mycity');
    expect(s.evaluatedWith).toBe('mycity');
    expect(s.userProfiles.map((p) => p.id)).toEqual(['hefeiuser', 'mycity']);
    const edited = s.userProfiles[0]!.rules.find((r) => r.id === `hefeiuser.${ruleKey}`);
    expect(edited?.threshold).toBe(raised);
    await expect(page.inputValue('[data-testid=profile-select]')).resolves.toBe('mycity');
    await page.selectOption('[data-testid=profile-select]', 'hefeiuser');
    await page.waitForFunction(() => {
      const st = (window as never as LifeCircleWindow).__lifecircle.store.getState() as never as {
        results: { evaluation: { profileId?: string } | null };
      };
      return st.results.evaluation?.profileId === 'hefeiuser';
    });
    await waitIdle(page);
    const back = await profileState(page);
    for (const id of passedBefore) expect(back.verdicts[id]![`hefeiuser.${ruleKey}`], id).toBe('fail');
    expect(browser.problems).toEqual([]);
    await screenshot(page, 'profiles-02-reloaded');
  });
});
