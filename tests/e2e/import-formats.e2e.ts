/**
 * Import formats and the import review's placement warnings, through the UI in chromium: a Shapefile
 * zip with GBK attributes and a Gauss–Krüger .prj, a KML file, and a CSV whose points land in the East
 * China Sea because it is read in the wrong Gauss–Krüger zone (the warning names the rows, suggests the
 * right zone, and clears when the CRS is switched). Files are built in the test: the shapefile with the
 * unit tests' writer (tests/core/io/shapefile-writer.ts), GBK bytes with an encoder built from Node's
 * own GBK decoder, coordinates with the core's projections.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inverseProjectorFor, projectorFor } from '../../src/core/crs';
import { metres } from '../core/crs/china-offsets';
import { ascii, writeDbf, writeShp, zipShapefile } from '../core/io/shapefile-writer';
import {
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
import { state } from './planner-helpers';
import { estatesWorkbook } from '../core/io/estates-workbook';

if (!hasChromium)
  process.stdout.write(
    '[e2e import-formats] skipped: /usr/bin/chromium not found (apt-get install chromium)\n',
  );

/** Char → GBK bytes, from every double-byte GBK code that Node's (WHATWG) GBK decoder accepts. */
function gbkEncoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return (text) =>
    new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}
const gbk = gbkEncoder();
/** Measured and reported, not asserted: the first check includes fetching and indexing the land mask. */
const figures: Record<string, number> = {};
const now = (page: Page) => page.evaluate(() => performance.now());

const GK117_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

type Payload = { name: string; mimeType: string; buffer: Buffer };
const file = (name: string, mimeType: string, data: Uint8Array | string): Payload => ({
  name,
  mimeType,
  buffer: typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data),
});

/** Picks the file on the import tab, says what it holds, optionally a CRS, and reads it. */
async function readFile(page: Page, payload: Payload, epsg?: string): Promise<void> {
  await page.click('[data-testid=tab-import]');
  await page.setInputFiles('[data-testid=import-file]', payload);
  await page.selectOption('[data-testid=import-target]', 'estates');
  if (epsg) {
    await page.selectOption('[data-testid=import-crs]', 'epsg');
    await page.fill('[data-testid=import-epsg]', epsg);
  } else {
    await page.selectOption('[data-testid=import-crs]', 'auto');
  }
  await page.click('[data-testid=import-read]');
  await page.locator('[data-testid=import-review]').waitFor({ timeout: 60_000 });
}

/** Waits until the worker's placement check has answered (the "checking" note is gone). */
const placementChecked = (page: Page) =>
  page.locator('[data-testid=import-checking]').waitFor({ state: 'detached', timeout: 60_000 });

/** Accepts the review and waits until the scenario holds the file's estates. */
async function accept(page: Page, fileName: string): Promise<void> {
  await page.click('[data-testid=import-accept]');
  // The first import into the synthetic demo asks whether to keep its facilities (issue #12): drop them.
  await page.waitForFunction(
    (name) =>
      (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.name === name ||
      document.querySelector('[data-testid=demo-choice]') !== null,
    fileName,
  );
  if ((await page.locator('[data-testid=demo-choice]').count()) > 0)
    await page.click('[data-testid=demo-drop]');
  await page.waitForFunction(
    (name) => (window as never as LifeCircleWindow).__lifecircle.store.getState().scenario.name === name,
    fileName,
  );
  await waitIdle(page);
}

describe.skipIf(!hasChromium)('import formats in chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  /** Three places on the demo's street network (its estates), WGS-84. */
  let places: [number, number][] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openDemo());
    const estates = (await state(page)).scenario.estates.filter((e) => e.location);
    places = [0, 10, 20].map((i) => estates[i]!.location!);
  });

  afterAll(async () => {
    report('import-formats', figures);
    await closeDemo({ browser, server });
  });

  it('imports a Shapefile zip with GBK names, a GBK field name and a Gauss–Krüger .prj', async () => {
    const names = ['金地花园', '万振逍遥苑', '琥珀山庄'];
    const toGk = inverseProjectorFor('EPSG:4548');
    const shp = writeShp(
      places.map(([lng, lat]) => {
        const [x, y] = toGk(lng, lat);
        return { type: 'point' as const, x, y };
      }),
      1,
    );
    const dbf = writeDbf(
      [
        { name: ascii('NAME'), type: 'C', length: 20 },
        { name: gbk('户数'), type: 'N', length: 8 },
      ],
      names.map((name, i) => [gbk(name), ascii(String(1000 + i))]),
    );
    // No .cpg: the GBK text must be detected.
    const zip = zipShapefile('小区', { shp, dbf, prj: GK117_PRJ });
    await readFile(page, file('estates-gk.zip', 'application/zip', zip));
    const shown = await now(page);
    await expect(page.textContent('[data-testid=import-counts]')).resolves.toMatch(/EPSG:4548/);
    await placementChecked(page);
    figures['first placement check after the review shows, incl. land mask load (ms)'] = Math.round(
      (await now(page)) - shown,
    );
    await expect(page.locator('[data-testid=import-sea-warning]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid=import-network-warning]').count()).resolves.toBe(0);
    await screenshot(page, 'import-shapefile-review');
    await accept(page, 'estates-gk.zip');
    const estates = (await state(page)).scenario.estates;
    expect(estates.map((e) => [e.name, e.households])).toEqual(names.map((n, i) => [n, 1000 + i]));
    estates.forEach((e, i) => expect(metres(e.location!, places[i]!)).toBeLessThan(1));
  });

  it('imports a KML file with Chinese names and ExtendedData households', async () => {
    const placemarks = places
      .map(
        ([lng, lat], i) => `
  <Placemark>
    <name>滨湖${['世纪城', '新区', '花园'][i]}</name>
    <ExtendedData><Data name="房屋总数"><value>${200 + i}</value></Data></ExtendedData>
    <Point><coordinates>${lng},${lat},0</coordinates></Point>
  </Placemark>`,
      )
      .join('');
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>小区</name>${placemarks}
</Document></kml>`;
    await readFile(page, file('estates.kml', 'application/vnd.google-earth.kml+xml', kml));
    const shown = await now(page);
    await placementChecked(page);
    figures['later placement check, mask loaded (ms)'] = Math.round((await now(page)) - shown);
    await expect(page.locator('[data-testid=import-sea-warning]').count()).resolves.toBe(0);
    await accept(page, 'estates.kml');
    const estates = (await state(page)).scenario.estates;
    expect(estates.map((e) => [e.name, e.households])).toEqual([
      ['滨湖世纪城', 200],
      ['滨湖新区', 201],
      ['滨湖花园', 202],
    ]);
    estates.forEach((e, i) => expect(metres(e.location!, places[i]!)).toBeLessThan(0.01));
  });

  it('imports an Excel workbook: the sheet with a header found under its merged title rows, BD-09', async () => {
    await page.click('[data-testid=tab-import]');
    await page.setInputFiles(
      '[data-testid=import-file]',
      file(
        'estates.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await estatesWorkbook(),
      ),
    );
    await page.selectOption('[data-testid=import-target]', 'estates');
    await page.selectOption('[data-testid=import-crs]', 'bd09');
    await page.click('[data-testid=import-read]');
    await page.locator('[data-testid=import-review]').waitFor({ timeout: 60_000 });
    // The cover sheet of notes is passed over; the header sits on sheet row 3, under the title and unit rows.
    expect(await page.locator('[data-testid=import-sheet]').inputValue()).toBe('小区清单');
    expect(await page.getByTestId('import-workbook').innerText()).toContain('3');
    // The estate without households is listed, not dropped: 4 rows = 3 estates + 1 rejected.
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/4.*3.*1/s);
    await screenshot(page, 'import-xlsx');
    // Choosing the cover sheet re-reads it: it has no header row, and the review says so.
    await page.selectOption('[data-testid=import-sheet]', '说明');
    await expect
      .poll(() => page.getByTestId('import-review').innerText(), { timeout: 30_000 })
      .toMatch(/表头|header/i);
    await page.selectOption('[data-testid=import-sheet]', '小区清单');
    await expect.poll(() => page.locator('[data-testid=import-sheet]').inputValue()).toBe('小区清单');
    await accept(page, 'estates.xlsx');
    const estates = (await state(page)).scenario.estates;
    expect(estates.map((e) => [e.name, e.households])).toEqual([
      ['金地国际城', 3637],
      ['万振逍遥苑四期', 3217],
      ['新建示范小区', 1000],
    ]);
    // BD-09 converted: 金地国际城 lies about 1 km south-west of its BD-09 coordinates, in Hefei.
    const [lng, lat] = estates[0]!.location!;
    expect(lng).toBeGreaterThan(117.29);
    expect(lng).toBeLessThan(117.309);
    expect(lat).toBeGreaterThan(31.83);
    expect(lat).toBeLessThan(31.843);
  });

  it('warns when the points land in the sea, suggests the right zone, and clears when it is used', async () => {
    // Shanghai compounds' positions (WGS-84), written in CGCS2000 3° Gauss–Krüger CM 120°E (EPSG:4549,
    // no zone prefix). Read as CM 123°E (EPSG:4550) they move about 3° east, into the East China Sea.
    const shanghai: [string, number, number][] = [
      ['中远两湾城', 121.441, 31.2553],
      ['人民广场', 121.4737, 31.2304],
      ['陆家嘴', 121.5, 31.24],
      ['徐家汇', 121.437, 31.195],
      ['五角场', 121.514, 31.3],
    ];
    const toGk = inverseProjectorFor('EPSG:4549');
    const csv = [
      '小区名称,房屋总数,X,Y',
      ...shanghai.map(([name, lng, lat], i) => {
        const [x, y] = toGk(lng, lat);
        return `${name},${500 + i},${x.toFixed(2)},${y.toFixed(2)}`;
      }),
    ].join('\n');
    const asRead = projectorFor('EPSG:4550')(...toGk(shanghai[0]![1], shanghai[0]![2]));
    expect(asRead[0]).toBeGreaterThan(124);

    await readFile(page, file('shanghai-gk.csv', 'text/csv', csv), 'EPSG:4550');
    const sea = page.locator('[data-testid=import-sea-warning]');
    await sea.waitFor({ timeout: 60_000 });
    const text = (await sea.textContent())!;
    expect(text).toMatch(/5 \/ 5/);
    expect(text).toMatch(/1, 2, 3, 4, 5/);
    expect(text).toMatch(/EPSG:4549/);
    await screenshot(page, 'import-sea-warning');
    // The same warning in English, then back to the default Chinese.
    await page.click('[data-testid=lang-switch]');
    await expect
      .poll(() => sea.textContent())
      .toMatch(/5 of 5 points lie in the sea[\s\S]*Rows: 1, 2, 3, 4, 5[\s\S]*Read again as EPSG:4549/);
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => sea.textContent()).toMatch(/个点位于海中/);

    // Another wrong zone (further east) keeps the warning: it follows the CRS choice.
    await page.fill('[data-testid=import-epsg]', 'EPSG:4551');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=import-counts]')?.textContent?.includes('EPSG:4551'),
    );
    await placementChecked(page);
    await expect(sea.count()).resolves.toBe(1);

    await page.click('[data-testid=import-use-suggested-crs]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=import-counts]')?.textContent?.includes('EPSG:4549'),
    );
    await placementChecked(page);
    await expect(sea.count()).resolves.toBe(0);
    await expect(page.inputValue('[data-testid=import-epsg]')).resolves.toBe('EPSG:4549');
    // On land now, but in Shanghai, far from the demo's streets (Hefei): the network warning names them.
    const network = (await page.textContent('[data-testid=import-network-warning]'))!;
    expect(network).toMatch(/5 \/ 5/);
    expect(network).toMatch(/500/);
    await screenshot(page, 'import-network-warning');
    await accept(page, 'shanghai-gk.csv');
    const estates = (await state(page)).scenario.estates;
    estates.forEach((e, i) =>
      expect(metres(e.location!, [shanghai[i]![1], shanghai[i]![2]])).toBeLessThan(1),
    );
  });
});
