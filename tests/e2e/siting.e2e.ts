/**
 * Suggest sites (建议选址, issue #10) on the bundled demo in chromium: propose 3 nursery sites, see them
 * numbered on the map and in the table with the gap and the method (HiGHS loaded from the app's own
 * origin), accept them all, see the covered households rise to the proposal's figure, undo, and see
 * them fall back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { covered, KIND, shownCovered, state } from './planner-helpers';
import { closeDemo, hasChromium, openDemo, report, screenshot, waitIdle, type DemoSession } from './harness';

const figures: Record<string, number | string | null> = {};

describe.skipIf(!hasChromium)('suggest sites (demo) in chromium', () => {
  let session: DemoSession;

  beforeAll(async () => {
    session = await openDemo();
  });

  afterAll(async () => {
    report('siting', figures);
    await closeDemo(session ?? {});
  });

  it('suggests 3 sites, accepts them, coverage rises; undo brings it back', async () => {
    const { page, browser } = session;
    await page.selectOption('[data-testid=kind-select]', KIND);
    await page.click('[data-testid=tab-whatif]');
    await waitIdle(page);
    const before = await covered(page);
    await expect.poll(() => shownCovered(page)).toBe(before);
    const facilitiesBefore = (await state(page)).scenario.facilities.length;

    await page.selectOption('[data-testid=siting-kind]', KIND);
    await page.selectOption('[data-testid=siting-model]', 'mclp');
    await page.fill('[data-testid=siting-count]', '3');
    const started = Date.now();
    await page.click('[data-testid=siting-run]');
    await page.waitForSelector('[data-testid=proposal][data-final=true]', { timeout: 120_000 });
    figures['suggest 3 sites: click → final proposal (ms)'] = Date.now() - started;
    await expect(page.locator('[data-testid=proposal-site]').count()).resolves.toBe(3);
    const coveredBefore = Number(await page.getAttribute('[data-testid=proposal-before]', 'data-value'));
    const coveredAfter = Number(await page.getAttribute('[data-testid=proposal-after]', 'data-value'));
    expect(coveredBefore).toBe(before);
    expect(coveredAfter).toBeGreaterThan(before);
    const method = await page.getAttribute('[data-testid=proposal-method]', 'data-method');
    // HiGHS came from the app's own origin (no request left it): the proposal has a bound, not only a heuristic.
    expect(method).not.toBe('heuristic');
    expect(await page.textContent('[data-testid=proposal-gap]')).toMatch(/差距|最优/);
    figures['method'] = method;
    figures['gap'] = await page.textContent('[data-testid=proposal-gap]');
    await page.hover('[data-testid=proposal-site] >> nth=0');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as never as {
                __lifecircle: {
                  store: { getState(): { results: { siting: { highlight: string | null } | null } } };
                };
              }
            ).__lifecircle.store.getState().results.siting?.highlight,
        ),
      )
      .not.toBeNull();
    await screenshot(page, 'siting-01-proposal');

    await page.click('[data-testid=siting-accept-all]');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(facilitiesBefore + 3);
    await waitIdle(page);
    const after = await covered(page);
    await expect.poll(() => shownCovered(page)).toBe(after);
    expect(after).toBeGreaterThan(before);
    // The engine's coverage of the accepted sites is the proposal's recomputed objective.
    expect(after).toBe(coveredAfter);
    figures['covered households before / proposed / after accept'] = `${before} / ${coveredAfter} / ${after}`;
    await screenshot(page, 'siting-02-accepted');

    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(facilitiesBefore);
    await waitIdle(page);
    await expect.poll(() => shownCovered(page)).toBe(before);
    expect(browser.external).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
  it('suggests joint sites (综合体) with edited weights, then sites from a candidate file with a bad row listed', async () => {
    const { page, browser } = session;
    const facilitiesBefore = (await state(page)).scenario.facilities.length;
    await page.selectOption('[data-testid=siting-kind]', KIND);
    await page.selectOption('[data-testid=siting-model]', 'mclp');
    await page.selectOption('[data-testid=siting-candidates]', 'auto');
    await page.fill('[data-testid=siting-count]', '2');
    await page.check('[data-testid=siting-joint]');
    await page.fill('[data-testid=siting-joint-weight]', '2');
    await page.click('[data-testid=siting-run]');
    await page.waitForSelector('[data-testid=proposal][data-final=true]', { timeout: 120_000 });
    await expect(page.getAttribute('[data-testid=proposal-unit]', 'data-unit')).resolves.toBe('weighted');
    const weights = await page.textContent('[data-testid=proposal-weights]');
    expect(weights).toMatch(/2/);
    figures['joint proposal weights'] = weights;
    await expect(page.locator('[data-testid=proposal-site]').count()).resolves.toBe(2);
    await page.click('[data-testid=siting-accept-all]');
    // Each joint site becomes one planned facility of each kind.
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(facilitiesBefore + 4);
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(facilitiesBefore);
    await waitIdle(page);
    await page.uncheck('[data-testid=siting-joint]');

    // Candidates from a file: three points at estates of the demo and a row without a latitude.
    const estates = (await state(page)).scenario.estates.filter((e) => e.location !== null).slice(0, 3);
    const csv = [
      '名称,经度,纬度',
      ...estates.map((e, k) => `候选${k + 1},${e.location![0]},${e.location![1]}`),
      '坏行,117.2,',
    ].join('\n');
    await page.selectOption('[data-testid=siting-candidates]', 'file');
    await page.setInputFiles('[data-testid=siting-file]', {
      name: 'candidates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.locator('[data-testid=siting-file-error][data-row="4"]').waitFor({ timeout: 30_000 });
    await page.fill('[data-testid=siting-count]', '1');
    await page.click('[data-testid=siting-run]');
    await page.waitForSelector('[data-testid=proposal][data-final=true]', { timeout: 120_000 });
    const ids = await page.evaluate(() =>
      (
        window as never as {
          __lifecircle: {
            store: { getState(): { results: { siting: { proposal: { sites: { id: string }[] } } } } };
          };
        }
      ).__lifecircle.store
        .getState()
        .results.siting.proposal.sites.map((x) => x.id),
    );
    expect(ids).toHaveLength(1);
    expect(['1', '2', '3']).toContain(ids[0]);
    await screenshot(page, 'siting-03-file-candidates');
    expect(browser.external).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
