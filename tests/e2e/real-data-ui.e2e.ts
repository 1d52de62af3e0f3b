/**
 * The planner on real data (issue #12), in chromium: a pick in a list centres the map on the estate
 * (a click on the map does not move it), the CRS chosen for one file is offered to the next but not
 * carried over, walking-time rules are totalled in estates and households (never minutes summed over
 * estates), the map's focus ring and the add tool's crosshair show, long lists have skip links, and
 * import messages are in the planner's words (a picture renamed .csv, a missing column, GeoJSON
 * problems in Chinese). On the Shanghai extract and compounds in ../shared/data (when present): the
 * compounds beyond the network's end are said to be so, not blamed on the CRS, and coverage is shown of
 * all households and of those on the network.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA,
  closeDemo,
  hasChromium,
  openDemo,
  report,
  screenshot,
  waitIdle,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';
import { state, uncoveredEstate } from './planner-helpers';

const SHANGHAI = join(DATA, 'shanghai-center');
const hasShanghai = existsSync(join(SHANGHAI, 'roads.osm')) && existsSync(join(SHANGHAI, 'compounds.csv'));
if (!hasChromium) process.stdout.write('[e2e real-data-ui] skipped: /usr/bin/chromium not found\n');
if (!hasShanghai) process.stdout.write(`[e2e real-data-ui] Shanghai part skipped: ${SHANGHAI} not found\n`);

const figures: Record<string, number | string | null> = {};

/** An estate's position on the map relative to the map's centre, in CSS pixels. */
async function offCentre(page: Page, id: string): Promise<number> {
  return page.evaluate((estateId) => {
    const h = (window as never as LifeCircleWindow).__lifecircle;
    const e = h.store.getState().scenario.estates.find((x) => x.id === estateId)!;
    const p = h.map!.project(e.location![0], e.location![1]);
    const box = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
    return Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
  }, id);
}

/** Picks a file in the import panel (not read yet). */
async function chooseFile(page: Page, file: string | { name: string; buffer: Buffer }, target: string) {
  await page.click('[data-testid=tab-import]');
  await page.setInputFiles(
    '[data-testid=import-file]',
    typeof file === 'string' ? file : { ...file, mimeType: 'application/octet-stream' },
  );
  await page.selectOption('[data-testid=import-target]', target);
}

/** The text of the import review's rejected rows (opened). */
async function rejectedText(page: Page): Promise<string> {
  const rows = page.locator('[data-testid=rejected-rows]');
  await rows.waitFor();
  if ((await rows.getAttribute('open')) === null) await page.click('[data-testid=rejected-rows] summary');
  return (await rows.textContent()) ?? '';
}

describe.skipIf(!hasChromium)('the planner on real data (demo, and Shanghai when present)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openDemo());
  });

  afterAll(async () => {
    report('real-data-ui', figures);
    await closeDemo({ browser, server });
  });

  it('centres the map on an estate picked in the compliance list or the underserved table, not on a map click', async () => {
    await page.click('[data-testid=tab-compliance]');
    // The listed estate farthest from the centre: its pick must move the map.
    const ids = await page
      .locator('[data-testid=estate-list] button')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-focus-key')!.slice('estate:'.length)));
    const distances = await Promise.all(ids.map((id) => offCentre(page, id)));
    const far = ids[distances.indexOf(Math.max(...distances))]!;
    expect(Math.max(...distances)).toBeGreaterThan(100);
    await page.click(`[data-testid=estate-list] [data-focus-key="estate:${far}"]`);
    await expect.poll(() => offCentre(page, far), { timeout: 5000 }).toBeLessThan(2);
    figures['compliance list pick: estate off centre before (px)'] = Math.round(Math.max(...distances));
    expect((await state(page)).view.selected).toEqual({ type: 'estate', id: far });
    await page.keyboard.press('Escape');

    await page.click('[data-testid=tab-coverage]');
    const underserved = page.locator('[data-testid=underserved-list] button');
    const keys = await underserved.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-focus-key')!.slice('estate:'.length)),
    );
    const other = keys.find((id) => id !== far)!;
    expect(other).toBeTruthy();
    expect(await offCentre(page, other)).toBeGreaterThan(2);
    await page.click(`[data-testid=underserved-list] [data-focus-key="estate:${other}"]`);
    await expect.poll(() => offCentre(page, other), { timeout: 5000 }).toBeLessThan(2);
    await page.keyboard.press('Escape');

    // A click on the map selects what is under the pointer and leaves the map where it is.
    const { estate, point } = await uncoveredEstate(page, [other]);
    const before = await offCentre(page, estate.id);
    expect(before).toBeGreaterThan(40);
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(async () => (await state(page)).view.selected)
      .toEqual({ type: 'estate', id: estate.id });
    await page.waitForTimeout(700); // longer than the list's easing
    expect(Math.abs((await offCentre(page, estate.id)) - before)).toBeLessThan(1);
    await page.keyboard.press('Escape');
  });

  it('offers the CRS chosen for one file to the next, without applying it', async () => {
    // Two estates in Hefei, in BD-09 (as Baidu and Beike give them).
    const csv = Buffer.from('小区名称,户数,经度,纬度\n甲,300,117.2365,31.8265\n乙,200,117.2465,31.8365\n');
    await chooseFile(page, { name: 'bd09-a.csv', buffer: csv }, 'estates');
    await page.selectOption('[data-testid=import-crs]', 'bd09');
    await page.click('[data-testid=import-read]');
    await page.locator('[data-testid=import-review]').waitFor();
    await expect(page.textContent('[data-testid=import-counts]')).resolves.toContain('bd09');

    await chooseFile(page, { name: 'next.csv', buffer: csv }, 'estates');
    await expect(page.inputValue('[data-testid=import-crs]')).resolves.toBe('auto');
    await expect(page.textContent('[data-testid=import-previous-crs]')).resolves.toContain('BD-09');
    await page.click('[data-testid=import-previous-crs-use]');
    await expect(page.inputValue('[data-testid=import-crs]')).resolves.toBe('bd09');
    await expect(page.locator('[data-testid=import-previous-crs]').count()).resolves.toBe(0);
  });

  it('says a picture renamed .csv, a missing column and GeoJSON problems plainly, naming no command-line flag', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await chooseFile(page, { name: 'picture.csv', buffer: png }, 'estates');
    await page.click('[data-testid=import-read]');
    await page.locator('[data-testid=import-review]').waitFor();
    const picture = await rejectedText(page);
    expect(picture).toContain('PNG 图片');
    expect(picture).toContain('不是小区或设施表格');

    await chooseFile(
      page,
      { name: 'no-households.csv', buffer: Buffer.from('小区名称,人数\n甲,3\n') },
      'estates',
    );
    await page.click('[data-testid=import-read]');
    await expect.poll(() => rejectedText(page)).toContain('字段对应');
    const missing = await rejectedText(page);
    expect(missing).toContain('户数');
    expect(missing).not.toMatch(/--map|--crs/);

    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: '甲', 户数: 100 },
          geometry: { type: 'Point', coordinates: [117.2] },
        },
        {
          type: 'Feature',
          properties: { 名称: '乙', 户数: 100 },
          geometry: { type: 'Point', coordinates: [117.23, 31.82] },
        },
      ],
    });
    await chooseFile(page, { name: 'bad.geojson', buffer: Buffer.from(geojson) }, 'estates');
    await page.click('[data-testid=import-read]');
    await expect.poll(() => rejectedText(page)).toContain('坐标位置至少应有两个数值');
    expect(await rejectedText(page)).not.toContain('Position must');
    await page.click('[data-testid=import-cancel]');
  });

  it('totals walking-time rules in estates failing and households, never in minutes', async () => {
    await page.click('[data-testid=tab-compliance]');
    await waitIdle(page);
    const rule = await page.evaluate(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState() as never as {
        results: {
          evaluation: {
            summary: {
              rules: {
                rule: string;
                unit: string;
                counts: { fail: number };
                totalShortfall: number | null;
                failingHouseholds: number;
              }[];
            };
          };
        };
      };
      return s.results.evaluation.summary.rules.find((r) => r.unit === 'min')!;
    });
    expect(rule.counts.fail).toBeGreaterThan(0);
    expect(rule.totalShortfall).toBeNull();
    const cell = await page.textContent(`[data-testid=rule-row][data-rule="${rule.rule}"] td:last-child`);
    expect(cell).toBe(
      `${rule.counts.fail.toLocaleString('en-US')} 个小区不达标，涉及 ${rule.failingHouseholds.toLocaleString('en-US')} 户`,
    );
    expect(cell).not.toMatch(/分钟|min/);
    figures['walking-time rule total'] = cell;
  });

  it('shows the map’s focus ring, a crosshair where Enter places a facility, and skip links past long lists', async () => {
    // Keyboard focus onto the map: Shift+Tab from the zoom control that follows the canvas.
    await page.focus('.maplibregl-ctrl-zoom-in');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        canvas: el.classList.contains('maplibregl-canvas'),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        offset: parseFloat(style.outlineOffset),
      };
    });
    expect(ring).toMatchObject({ canvas: true, outline: 'solid' });
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.offset).toBeLessThan(0); // drawn inside the canvas: the map clips what lies outside

    const crosshair = '[data-testid=map-crosshair]';
    expect(await page.isVisible(crosshair)).toBe(false);
    await page.click('[data-testid=add-facility]');
    await page.focus('.maplibregl-canvas');
    await expect.poll(() => page.isVisible(crosshair)).toBe(true);
    const [mark, map] = await Promise.all([
      page.locator(crosshair).boundingBox(),
      page.locator('[data-testid=map]').boundingBox(),
    ]);
    expect(Math.abs(mark!.x + mark!.width / 2 - (map!.x + map!.width / 2))).toBeLessThan(1.5);
    expect(Math.abs(mark!.y + mark!.height / 2 - (map!.y + map!.height / 2))).toBeLessThan(1.5);
    await screenshot(page, 'real-data-ui-crosshair');
    const before = (await state(page)).scenario.facilities.length;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(before + 1);
    // Placed under the crosshair: the new facility is at the map's centre.
    const placed = await page.evaluate(() => {
      const h = (window as never as LifeCircleWindow).__lifecircle;
      const f = h.store.getState().scenario.facilities.at(-1)!;
      const p = h.map!.project(f.location[0], f.location[1]);
      const box = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
      return Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
    });
    expect(placed).toBeLessThan(1.5);
    expect(await page.isVisible(crosshair)).toBe(false); // the add tool is off again
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(before);
    await waitIdle(page);

    await page.click('[data-testid=tab-compliance]');
    const skip = page.locator('[data-testid=skip-estate-list-end]');
    expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1); // hidden until focused
    await skip.focus();
    expect((await skip.boundingBox())!.width).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('estate-list-end');
    // Tab goes on past the list (to the pager or the exports), not into it.
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => !!document.activeElement?.closest('[data-testid=estate-list]')),
    ).resolves.toBe(false);
  });

  it.skipIf(!hasShanghai)(
    'on Shanghai: compounds beyond the network are said to be so, coverage of all and of on-network households, picks centre the map',
    async () => {
      await chooseFile(page, join(SHANGHAI, 'roads.osm'), 'network');
      await page.click('[data-testid=import-read]');
      await page.waitForFunction(
        () =>
          (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.network?.fileName ===
          'roads.osm',
        null,
        { timeout: 180_000 },
      );
      await waitIdle(page);
      await chooseFile(page, join(SHANGHAI, 'compounds.csv'), 'estates');
      await page.selectOption('[data-testid=import-crs]', 'bd09');
      await page.click('[data-testid=import-read]');
      const extent = page.locator('[data-testid=import-extent-warning]');
      await extent.waitFor({ timeout: 90_000 });
      const said = (await extent.textContent()) ?? '';
      expect(said).toContain('不是坐标系问题');
      expect(said).toContain('roads.osm');
      const beyond = Number(await extent.getAttribute('data-count'));
      expect(beyond).toBeGreaterThan(1000);
      figures['Shanghai: compounds beyond the network’s extent (import review)'] = beyond;
      await screenshot(page, 'real-data-ui-shanghai-review');
      await page.click('[data-testid=import-accept]');
      await page.locator('[data-testid=demo-choice]').waitFor({ timeout: 30_000 });
      await page.click('[data-testid=demo-drop]');
      await page.waitForFunction(() => {
        const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
        return s.scenario.name === 'compounds.csv' && s.results.coverage !== null;
      });
      await waitIdle(page);

      // Pick an estate on the network in the compliance list: the map goes to it, down to street level;
      // Enter on the map places a facility there (under the crosshair).
      await page.click('[data-testid=tab-compliance]');
      const listed = await page
        .locator('[data-testid=estate-list] button')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-focus-key')!.slice('estate:'.length)));
      const id = await page.evaluate((ids) => {
        const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
        const rows = s.results.coverage!.byKind[s.view.kind]!.estates;
        // The one closest to a street (rows carry the core's snapM): a facility there surely covers it.
        const snap = new Map(
          rows.filter((r) => !r.offNetwork).map((r) => [r.id, (r as { snapM?: number }).snapM ?? Infinity]),
        );
        return ids.filter((x) => snap.has(x)).sort((a, b) => snap.get(a)! - snap.get(b)!)[0]!;
      }, listed);
      expect(id).toBeTruthy();
      await page.click(`[data-testid=estate-list] [data-focus-key="estate:${id}"]`);
      await expect.poll(() => offCentre(page, id), { timeout: 5000 }).toBeLessThan(2);
      const zoom = await page.evaluate(() =>
        (
          window as never as { __lifecircle: { map: { map: { getZoom(): number } } } }
        ).__lifecircle.map.map.getZoom(),
      );
      expect(zoom).toBeGreaterThanOrEqual(15); // from the whole city down to street level
      await page.keyboard.press('Escape');
      await page.click('[data-testid=add-facility]');
      await page.focus('.maplibregl-canvas');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(1);
      await waitIdle(page);

      await page.click('[data-testid=tab-coverage]');
      const off = page.locator('[data-testid=coverage-off-network]');
      await off.waitFor();
      expect(Number(await off.getAttribute('data-beyond'))).toBeGreaterThan(1000);
      expect(Number(await off.getAttribute('data-estates'))).toBeGreaterThanOrEqual(
        Number(await off.getAttribute('data-beyond')),
      );
      const shares = (await page.textContent('[data-testid=coverage-shares]')) ?? '';
      const pcts = [...shares.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
      expect(pcts).toHaveLength(2);
      expect(pcts[0]!).toBeGreaterThan(0);
      // Off-network households count in “all” only: the on-network share is the larger one.
      expect(pcts[1]!).toBeGreaterThan(pcts[0]!);
      figures['Shanghai: coverage of all / of on-network households (one facility placed)'] = shares;
      await screenshot(page, 'real-data-ui-shanghai-coverage');
      expect(browser.external).toEqual([]);
    },
  );
});
