/** Reading the planner's state and finding clickable estates, for planner.e2e.ts. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenOf, type LifeCircleWindow } from './harness';

/** The facility kind the planner tests work with (5-minute service time in the Hefei profile). */
export const KIND = 'nursery';

/** The scenario, view and results as the app holds them. */
export const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
    return {
      scenario: s.scenario,
      view: s.view,
      coverage: s.results.coverage,
      evaluation: s.results.evaluation,
    };
  });

/** Households covered by KIND, from the store. */
export const covered = async (page: Page): Promise<number> =>
  (await state(page)).coverage!.byKind[KIND]!.summary.householdsCovered;

/** The covered-households figure the what-if panel shows. */
export const shownCovered = async (page: Page): Promise<number> =>
  Number((await page.getAttribute('[data-testid=whatif-covered]', 'data-value')) ?? NaN);

/** An estate not covered by KIND, on the network, drawn where a click reaches the map (not under the legend, toolbar or controls). */
export async function uncoveredEstate(page: Page, avoid: string[] = []) {
  const s = await state(page);
  const rows = s.coverage!.byKind[KIND]!.estates;
  const legend = (await page.locator('[data-testid=legend]').boundingBox())!;
  const map = (await page.locator('[data-testid=map]').boundingBox())!;
  for (const row of rows) {
    if (row.covered || row.offNetwork || avoid.includes(row.id)) continue;
    const estate = s.scenario.estates.find((e) => e.id === row.id)!;
    const p = await screenOf(page, estate.location![0], estate.location![1]);
    const underLegend = p.x < legend.x + legend.width + 10 && p.y > legend.y - 10;
    const onMap =
      p.x > map.x + 60 && p.x < map.x + map.width - 40 && p.y > map.y + 90 && p.y < map.y + map.height - 40;
    if (onMap && !underLegend) return { estate, point: p };
  }
  throw new Error('no clickable uncovered estate');
}

/**
 * Adds a facility with the keyboard alone: the add button, then Enter on the focused map (its centre).
 * @returns the number of facilities before
 */
export async function addByKeyboard(page: Page): Promise<number> {
  const before = (await state(page)).scenario.facilities.length;
  await page.focus('[data-testid=add-facility]');
  await page.keyboard.press('Enter');
  await page.focus('.maplibregl-canvas');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(before + 1);
  return before;
}
