/**
 * The planner on the bundled demo, end to end in chromium: opens offline with its synthetic badge,
 * adds a facility by clicking and sees the covered-households figure change, drags it and sees it
 * change again (undo/redo by keyboard), opens an estate's verdicts with citations, switches to
 * English, reloads and finds the scenario intact, survives a worker crash, keeps keyboard focus when
 * details open and close, and shows a hostile file name as text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addByKeyboard, covered, KIND, shownCovered, state, uncoveredEstate } from './planner-helpers';
import {
  closeDemo,
  hasChromium,
  openDemo,
  report,
  screenOf,
  screenshot,
  waitIdle,
  waitInteractive,
  type Browser,
  type LifeCircleWindow,
  type Server,
} from './harness';

const figures: Record<string, number | string | null> = {};

describe.skipIf(!hasChromium)('planner (demo) in chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // First visit compiles and caches the dependencies; time to interactive is measured on the second.
    ({ server, browser, page } = await openDemo());
  });

  afterAll(async () => {
    report('planner', figures);
    await closeDemo({ browser, server });
  });

  it('opens the demo offline, labelled synthetic, with compliance and coverage', async () => {
    await page.goto(`${server.url}?scenario=demo`);
    figures['dev server: time to interactive (ms, warm)'] = Math.round(await waitInteractive(page));
    await expect(page.textContent('[data-testid=synthetic-badge]')).resolves.toBe('示例数据 (synthetic)');
    await expect(page.locator('[data-testid=estate-list] li').count()).resolves.toBe(60);
    const s = await state(page);
    expect(s.scenario.network?.report?.nodes).toBeGreaterThan(2000);
    expect(new Set(s.evaluation!.estates.map((e) => e.overall))).toEqual(
      new Set(['pass', 'fail', 'insufficient-data']),
    );
    await page.selectOption('[data-testid=kind-select]', KIND);
    await waitIdle(page);
    await screenshot(page, '01-demo');
    expect(browser.external).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('adds a facility by clicking the map and the covered households go up', async () => {
    const before = await covered(page);
    const { estate, point } = await uncoveredEstate(page);
    await page.click('[data-testid=add-facility]');
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((b) => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      return (s.results.coverage?.byKind.nursery?.summary.householdsCovered ?? b) > b;
    }, before);
    await waitIdle(page);
    const after = await covered(page);
    expect(after).toBeGreaterThan(before);
    await expect.poll(() => shownCovered(page)).toBe(after);
    const s = await state(page);
    expect(s.scenario.facilities.find((f) => f.id === 'new-1')).toMatchObject({ kind: KIND });
    const row = s.coverage!.byKind[KIND]!.estates.find((e) => e.id === estate.id)!;
    expect(row.covered).toBe(true);
    figures['covered households before / after add'] = `${before} / ${after}`;
    await screenshot(page, '02-added');
  });

  it('drags the facility, the figure changes again, and Ctrl+Z / Ctrl+Shift+Z undo and redo the move', async () => {
    const s = await state(page);
    const added = s.scenario.facilities.find((f) => f.id === 'new-1')!;
    const before = await covered(page);
    const from = await screenOf(page, added.location[0], added.location[1]);
    const { point } = await uncoveredEstate(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + point.x) / 2, (from.y + point.y) / 2, { steps: 8 });
    await page.mouse.move(point.x, point.y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => {
      const m = (window as never as LifeCircleWindow).__lifecircle.map!.metrics;
      return m.dropAt !== null && m.updatedAfterDropAt !== null;
    });
    await waitIdle(page);
    const after = await covered(page);
    expect(after).not.toBe(before);
    await expect.poll(() => shownCovered(page)).toBe(after);
    const moved = (await state(page)).scenario.facilities.find((f) => f.id === 'new-1')!;
    expect(moved.location).not.toEqual(added.location);
    const timing = await page.evaluate(() => {
      const h = (window as never as LifeCircleWindow).__lifecircle;
      return {
        drop: h.map!.metrics.updatedAfterDropAt! - h.map!.metrics.dropAt!,
        edit: h.runner.metrics.lastEditMs,
      };
    });
    figures['drag: drop → map updated (ms)'] = Math.round(timing.drop);
    figures['drag: worker round trip of the edit (ms)'] =
      timing.edit === null ? null : Math.round(timing.edit);
    await screenshot(page, '03-dragged');

    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await state(page)).scenario.facilities.find((f) => f.id === 'new-1')!.location)
      .toEqual(added.location);
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(async () => (await state(page)).scenario.facilities.find((f) => f.id === 'new-1')!.location)
      .toEqual(moved.location);
    await waitIdle(page);
    await expect.poll(() => covered(page)).toBe(after);
  });

  it('opens an estate and shows each verdict with required / provided / shortfall and its citation', async () => {
    await page.click('[data-testid=tab-compliance]');
    await page.click('[data-testid=estate-list] button >> nth=0');
    const detail = page.locator('[data-testid=estate-detail]');
    await detail.waitFor();
    const verdicts = detail.locator('[data-testid=verdict]');
    expect(await verdicts.count()).toBeGreaterThanOrEqual(4);
    const first = await verdicts.first().textContent();
    expect(first).toContain('不达标');
    expect(first).toMatch(/要求[\s\S]*现状[\s\S]*缺口/);
    const citation = detail.locator('[data-testid=citation]').first();
    await expect(citation.textContent()).resolves.toContain('001_82989894b6aaeb46.txt');
    await expect(citation.locator('blockquote').textContent()).resolves.toMatch(/平方米/);
    await screenshot(page, '04-estate');
  });

  it('lists the facilities that serve an estate, the nearest of each kind first, with minutes', async () => {
    // An estate covered by at least two kinds, from the store.
    const pick = await page.evaluate(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      const byKind = s.results.coverage!.byKind;
      const names = new Map(s.scenario.facilities.map((f) => [f.id, (f as { name?: string }).name ?? f.id]));
      for (const e of s.scenario.estates) {
        const nearest = Object.values(byKind)
          .map((k) => k.estates.find((r) => r.id === e.id)!)
          .filter((r) => r.covered) as unknown as { nearestFacility: string; minutes: number }[];
        if (nearest.length >= 2)
          return {
            id: e.id,
            nearest: nearest.map((r) => ({ name: names.get(r.nearestFacility)!, minutes: r.minutes })),
          };
      }
      return null;
    });
    expect(pick).not.toBeNull();
    await page.evaluate(
      (id) =>
        (window as never as LifeCircleWindow).__lifecircle.store
          .getState()
          .dispatch({ type: 'view/select', selection: { type: 'estate', id } }),
      pick!.id,
    );
    const rows = page.locator('[data-testid=serving] [data-testid=serving-row]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(pick!.nearest.length);
    const text = (await page.locator('[data-testid=serving]').textContent())!;
    for (const { name, minutes } of pick!.nearest) {
      expect(text).toContain(name);
      expect(text).toContain(minutes.toFixed(1));
    }
    await page.locator('[data-testid=serving]').scrollIntoViewIfNeeded();
    await screenshot(page, '04b-estate-serving');
  });

  it('exports the compliance table as CSV and XLSX, and underserved zones as GeoJSON', async () => {
    await page.click('[data-testid=estate-detail] button[aria-label]');
    const save = async (testId: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-testid=${testId}]`),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const csv = await save('export-csv');
    expect(csv.name).toMatch(/compliance\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff编号,行号,小区名称')).toBe(true);
    expect(text).toContain('001_82989894b6aaeb46.txt');
    const xlsx = await save('export-xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.click('[data-testid=tab-coverage]');
    const zones = await save('export-zones');
    expect(JSON.parse(zones.bytes.toString('utf8')).type).toBe('FeatureCollection');
    const areas = JSON.parse((await save('export-service-areas')).bytes.toString('utf8'));
    expect(areas.features.length).toBeGreaterThan(0);
    expect(
      new Set(areas.features.map((f: { properties: { minutes: number } }) => f.properties.minutes)),
    ).toEqual(new Set([5, 10, 15]));
    // Hiding the layer drops the areas: the button follows and says why; showing it again brings them back.
    const toggle = () =>
      page.evaluate(() =>
        (window as never as LifeCircleWindow).__lifecircle.store
          .getState()
          .dispatch({ type: 'view/toggle-layer', layer: 'serviceAreas' }),
      );
    await toggle();
    await waitIdle(page);
    await expect.poll(() => page.isDisabled('[data-testid=export-service-areas]')).toBe(true);
    await expect(page.textContent('#service-areas-export-hint')).resolves.toMatch(/图层/);
    await toggle();
    await waitIdle(page);
    await expect.poll(() => page.isEnabled('[data-testid=export-service-areas]')).toBe(true);
  });

  it('describes an underserved zone under the pointer: estates, households, shortfall', async () => {
    const zones = await page.evaluate(() => {
      const s = (window as never as LifeCircleWindow).__lifecircle.store.getState();
      const kind = s.view.kind;
      const c = s.results.coverage as never as {
        byKind: Record<string, { underserved: { features: { geometry: { coordinates: unknown } }[] } }>;
      };
      return c.byKind[kind]!.underserved.features.map((f) => f.geometry.coordinates) as number[][][][];
    });
    expect(zones.length).toBeGreaterThan(0);
    // Points a little inside each zone's outline (a zone is a union of cells, so near its edge is inside).
    let text = '';
    for (const coordinates of zones.slice(0, 10)) {
      const ring = (Array.isArray(coordinates[0]![0]![0])
        ? coordinates[0]![0]
        : coordinates[0]) as unknown as number[][];
      const cx = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
      const cy = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
      for (const p of ring.slice(0, 6)) {
        const at = await screenOf(page, p[0]! + (cx - p[0]!) * 0.08, p[1]! + (cy - p[1]!) * 0.08);
        await page.mouse.move(at.x, at.y);
        text = await page.evaluate(
          () => document.querySelector('.hover-card:not([hidden])')?.textContent ?? '',
        );
        if (text.includes('服务不足区')) break;
      }
      if (text.includes('服务不足区')) break;
    }
    expect(text).toMatch(/服务不足区/);
    expect(text).toMatch(/\d+ 个小区 · [\d,]+ 户/);
    expect(text).toMatch(/缺口/);
  });

  it('switches to English', async () => {
    await page.click('[data-testid=tab-compliance]');
    await page.click('[data-testid=estate-list] button >> nth=0');
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.textContent('[data-testid=tab-compliance]')).toBe('Compliance');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.locator('[data-testid=verdict]').first().textContent()).resolves.toMatch(
      /Required[\s\S]*Provided[\s\S]*Shortfall/,
    );
    await screenshot(page, '05-english');
  });

  it('reloads and finds the scenario intact (IndexedDB autosave)', async () => {
    const before = await state(page);
    const coveredBefore = await covered(page);
    await page.evaluate(() => (window as never as LifeCircleWindow).__lifecircle.flushSave());
    await page.goto(server.url);
    await waitInteractive(page);
    await waitIdle(page);
    const after = await state(page);
    expect(after.scenario.facilities).toEqual(before.scenario.facilities);
    expect(after.scenario.estates.length).toBe(60);
    expect(after.view.lang).toBe('en');
    expect(await covered(page)).toBe(coveredBefore);
    await screenshot(page, '06-reloaded');
  });

  it('restarts a crashed worker, tells the user, and recomputes without losing the scenario', async () => {
    const facilities = (await state(page)).scenario.facilities.length;
    const runsBefore = await page.evaluate(
      () => (window as never as LifeCircleWindow).__lifecircle.runner.metrics.runs,
    );
    const outcome = await page.evaluate(() =>
      (window as never as LifeCircleWindow).__lifecircle.runner.client.send('debug/crash', {}).then(
        () => 'answered',
        (e: Error) => e.name,
      ),
    );
    expect(outcome).toBe('WorkerRestartedError');
    await page.locator('[data-testid=notice]').waitFor();
    await expect(page.textContent('[data-testid=notice]')).resolves.toMatch(/restarted/);
    await page.waitForFunction(
      (r) => (window as never as LifeCircleWindow).__lifecircle.runner.metrics.runs > r,
      runsBefore,
    );
    await waitIdle(page);
    expect((await state(page)).scenario.facilities.length).toBe(facilities);
    expect((await state(page)).coverage).not.toBeNull();
  });

  it('works from the keyboard: named controls, arrow keys between panels, Enter on the map adds a facility', async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, [role=tab], input, select, summary')]
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.closest('label');
          return !(
            el.getAttribute('aria-label') ||
            el.textContent?.trim() ||
            labelled ||
            el.getAttribute('title')
          );
        })
        .map((el) => el.outerHTML.slice(0, 100)),
    );
    expect(unnamed).toEqual([]);
    await page.focus('[data-testid=tab-compliance]');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getAttribute('[data-testid=tab-coverage]', 'aria-selected')).toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'tab-coverage',
    );
    const before = await addByKeyboard(page);
    // The new facility is selected; Delete removes it (focus is on the map, not in a field).
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(before);
    await waitIdle(page);
  });

  it('moves focus into an estate detail and back to the list item that opened it, from the keyboard', async () => {
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          id: el?.id ?? '',
          tag: el?.tagName ?? '',
          key: el?.getAttribute('data-focus-key') ?? null,
          inList: !!el?.closest('[data-testid=estate-list]'),
          inDetail: !!el?.closest('[data-testid=estate-detail]'),
        };
      });
    await page.focus('[data-testid=tab-compliance]');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getAttribute('[data-testid=tab-compliance]', 'aria-selected')).toBe('true');
    // Tab from the tab list through the panel to the first estate of the list.
    for (let k = 0; k < 12 && !(await focused()).inList; k++) await page.keyboard.press('Tab');
    const opener = await focused();
    expect(opener.inList).toBe(true);
    expect(opener.key).toMatch(/^estate:/);

    await page.keyboard.press('Enter');
    await page.locator('[data-testid=estate-detail]').waitFor();
    await expect.poll(focused).toMatchObject({ id: 'estate-title', tag: 'H2', inDetail: true });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=estate-detail]').waitFor({ state: 'detached' });
    await expect.poll(focused).toMatchObject({ inList: true, key: opener.key });

    // The same through the × button of the detail.
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatchObject({ id: 'estate-title', inDetail: true });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Close',
    );
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=estate-detail]').waitFor({ state: 'detached' });
    await expect.poll(focused).toMatchObject({ inList: true, key: opener.key });
  });

  it('puts focus on the what-if list, not on <body>, after a facility is deleted', async () => {
    const before = await addByKeyboard(page);
    await page.focus('[data-testid=facility-delete]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).scenario.facilities.length).toBe(before);
    await page.locator('[data-testid=facility-editor]').waitFor({ state: 'detached' });
    const active = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      inWhatIf: !!document.activeElement?.closest('[aria-labelledby=whatif-title]'),
    }));
    expect(active).toEqual({ tag: 'H3', inWhatIf: true });
    await waitIdle(page);
  });

  it('shows a hostile name from an imported file as text, never as HTML', async () => {
    const csv =
      '小区名称,房屋总数,经度,纬度\n"<img src=x onerror=alert(1)>",800,117.23,31.795\n正常小区,500,117.232,31.796\n';
    await page.click('[data-testid=tab-import]');
    await page.setInputFiles('[data-testid=import-file]', {
      name: 'hostile.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.selectOption('[data-testid=import-target]', 'estates');
    await page.click('[data-testid=import-read]');
    await page.locator('[data-testid=import-review]').waitFor();
    const demoFacilities = (await state(page)).scenario.facilities.length;
    expect(demoFacilities).toBeGreaterThan(0);
    await page.click('[data-testid=import-accept]');
    // Importing estates into the synthetic demo asks about its facilities and districts (issue #12).
    await page.locator('[data-testid=demo-choice]').waitFor();
    await page.click('[data-testid=demo-keep]');
    await expect.poll(async () => (await state(page)).scenario.estates.length).toBe(2);
    expect((await state(page)).scenario.facilities.length).toBe(demoFacilities);
    await page.click('[data-testid=tab-compliance]');
    await expect
      .poll(() => page.locator('[data-testid=estate-list]').textContent())
      .toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid=estate-list] img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(browser.dialogs).toEqual([]);
    expect(browser.external).toEqual([]);
  });

  it('starts a new, empty scenario without demo data, and Ctrl+Z brings the old one back', async () => {
    const before = await state(page);
    expect(before.scenario.estates.length).toBeGreaterThan(0);
    await page.click('[data-testid=tab-import]');
    await page.click('[data-testid=scenario-new]');
    await expect.poll(async () => (await state(page)).scenario.estates.length).toBe(0);
    expect((await state(page)).scenario.facilities.length).toBe(0);
    await expect(page.locator('[data-testid=synthetic-badge]').count()).resolves.toBe(0);
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await state(page)).scenario.estates.length)
      .toBe(before.scenario.estates.length);
    expect((await state(page)).scenario.facilities.length).toBe(before.scenario.facilities.length);
  });
});
