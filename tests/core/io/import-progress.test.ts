/**
 * Import progress: 'read' once the file is parsed, then 'rows' every 1 % of rows; fractions only go
 * up, end with exactly one 1, stay within a bounded number of calls, and the import is identical with
 * and without a callback (CSV, GeoJSON, shapefile zip, KML, facilities, a fatal file, the real Shanghai CSV).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importEstates,
  importFacilities,
  importKml,
  importShapefileZip,
  type ProgressPhase,
} from '../../../src/core';
import { mulberry32 } from '../../bench/w1-workload';
import { fixtureBytes } from './fixtures';
import { parseXml } from './mini-xml';
import { ascii, writeDbf, writeShp, zipShapefile } from './shapefile-writer';

type Call = [number, ProgressPhase];
/** 1 % steps of the rows, the 'read' report, one phase change and the final 1. */
const MAX_CALLS = 100 + 3;

function expectWellFormed(calls: Call[]): void {
  expect(calls.length).toBeLessThanOrEqual(MAX_CALLS);
  for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThanOrEqual(calls[k - 1]![0]);
  expect(calls.filter(([f]) => f === 1)).toHaveLength(1);
  expect(calls.at(-1)![0]).toBe(1);
  expect(calls[0]![1]).toBe('read');
  const firstRows = calls.findIndex(([, p]) => p === 'rows');
  if (firstRows >= 0) expect(calls.slice(firstRows).every(([, p]) => p === 'rows')).toBe(true);
}

/** `n` seeded estate rows with Chinese headers, a few of them bad (no households). */
function estatesCsv(n: number, seed: number): string {
  const next = mulberry32(seed);
  const lines = ['小区名称,房屋总数,经度,纬度'];
  for (let i = 0; i < n; i++) {
    const households = i % 97 === 0 ? '' : String(100 + (next() % 3000));
    const lon = (117.2 + (next() % 10000) / 1e5).toFixed(5);
    const lat = (31.8 + (next() % 10000) / 1e5).toFixed(5);
    lines.push(`小区${i},${households},${lon},${lat}`);
  }
  return lines.join('\n');
}

function estatesGeoJson(n: number, seed: number): string {
  const next = mulberry32(seed);
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { 名称: `小区${i}`, 户数: 100 + (next() % 3000) },
    geometry: { type: 'Point', coordinates: [117.2 + (next() % 10000) / 1e5, 31.8 + (next() % 10000) / 1e5] },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function watch<T>(run: (onProgress: (f: number, p: ProgressPhase) => void) => T): {
  calls: Call[];
  result: T;
} {
  const calls: Call[] = [];
  const result = run((f, p) => calls.push([f, p]));
  return { calls, result };
}

describe('import progress', () => {
  it('CSV: dozens of row reports after the read, bounded, ending at 1; same import', () => {
    const data = new TextEncoder().encode(estatesCsv(8_000, 3));
    const { calls, result } = watch((onProgress) =>
      importEstates({ data: data.slice(), fileName: 'estates.csv', onProgress }),
    );
    expectWellFormed(calls);
    expect(calls.filter(([, p]) => p === 'rows').length).toBeGreaterThan(50);
    expect(result.estates.length + result.errors.length).toBe(8_000);
    expect(result).toEqual(importEstates({ data, fileName: 'estates.csv' }));
  });

  it('GeoJSON: the same, over features', () => {
    const text = estatesGeoJson(5_000, 5);
    const { calls, result } = watch((onProgress) =>
      importEstates({ data: text, fileName: 'estates.geojson', onProgress }),
    );
    expectWellFormed(calls);
    expect(calls.filter(([, p]) => p === 'rows').length).toBeGreaterThan(50);
    expect(result.estates).toHaveLength(5_000);
    expect(result).toEqual(importEstates({ data: text, fileName: 'estates.geojson' }));
  });

  it('small fixtures (CSV, TSV, GeoJSON, facilities, KML) end at 1 and import the same', () => {
    for (const name of ['estates-utf8.csv', 'estates-gbk.csv', 'estates.tsv', 'estates.geojson']) {
      const { calls, result } = watch((onProgress) =>
        importEstates({ data: fixtureBytes(name), fileName: name, onProgress }),
      );
      expectWellFormed(calls);
      expect(result).toEqual(importEstates({ data: fixtureBytes(name), fileName: name }));
    }
    const facilities = watch((onProgress) =>
      importFacilities({ data: fixtureBytes('facilities.csv'), fileName: 'facilities.csv', onProgress }),
    );
    expectWellFormed(facilities.calls);
    expect(facilities.result).toEqual(
      importFacilities({ data: fixtureBytes('facilities.csv'), fileName: 'facilities.csv' }),
    );
    const kml =
      '<kml><Document><Placemark><name>A</name><ExtendedData><Data name="户数"><value>10</value></Data></ExtendedData>' +
      '<Point><coordinates>117.3,31.8</coordinates></Point></Placemark></Document></kml>';
    const fromKml = watch((onProgress) =>
      importKml(kml, { fileName: 'a.kml', target: 'estates', onProgress }, parseXml),
    );
    expectWellFormed(fromKml.calls);
    expect(fromKml.result.estates).toHaveLength(1);
  });

  it('shapefile zip: rows reported over its 1,000 records, same import', () => {
    const n = 1000;
    const shp = writeShp(
      Array.from({ length: n }, (_, i) => ({ type: 'point' as const, x: 117.2 + i * 1e-4, y: 31.8 })),
      1,
    );
    const fields = [
      { name: ascii('NAME'), type: 'C' as const, length: 12 },
      { name: ascii('HOUSEHOLDS'), type: 'N' as const, length: 8 },
    ];
    const dbf = writeDbf(
      fields,
      Array.from({ length: n }, (_, i) => [ascii(`e${i}`), ascii(String(100 + i))]),
    );
    const zip = zipShapefile('estates', { shp, dbf, cpg: 'UTF-8' });
    const { calls, result } = watch((onProgress) =>
      importShapefileZip(zip, {
        fileName: 'estates.zip',
        target: 'estates',
        fieldMap: { households: 'HOUSEHOLDS' },
        onProgress,
      }),
    );
    expectWellFormed(calls);
    expect(calls.filter(([, p]) => p === 'rows').length).toBeGreaterThan(50);
    expect(result.estates).toHaveLength(n);
    expect(result).toEqual(
      importShapefileZip(zip, {
        fileName: 'estates.zip',
        target: 'estates',
        fieldMap: { households: 'HOUSEHOLDS' },
      }),
    );
  });

  it('a file that cannot be used (no households column) still ends at 1, in the read phase', () => {
    const { calls, result } = watch((onProgress) =>
      importEstates({ data: '名称,经度\nA,117', fileName: 'bad.csv', onProgress }),
    );
    expect(result.fatal).toBe(true);
    expectWellFormed(calls);
    expect(calls.every(([, p]) => p === 'read')).toBe(true);
  });
});

const SHANGHAI = new URL('../../../../shared/data/shanghai-center/compounds.csv', import.meta.url);

describe.skipIf(!existsSync(SHANGHAI))(
  'progress on the real Shanghai compounds.csv (skipped: ../shared/data absent)',
  () => {
    it('reports rows in ≈ 1 % steps and imports the same', () => {
      const data = new Uint8Array(readFileSync(SHANGHAI));
      const { calls, result } = watch((onProgress) =>
        importEstates({ data: data.slice(), fileName: 'compounds.csv', crs: 'bd09', onProgress }),
      );
      expectWellFormed(calls);
      expect(calls.filter(([, p]) => p === 'rows').length).toBeGreaterThan(50);
      expect(result).toEqual(importEstates({ data, fileName: 'compounds.csv', crs: 'bd09' }));
    });
  },
);
