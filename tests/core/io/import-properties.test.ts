/**
 * Property tests (fast-check, seeded): the importer never throws on arbitrary CSV text, bytes, JSON or
 * GeoJSON-like input, and never loses a row: estates + rows with errors = rowCount, with rowCount
 * checked against an independent count of the input's rows / features.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEstates, importFacilities, type EstateImport } from '../../../src/core/io';
import { errorRows } from './fixtures';

const SEED = 20261123;
const RUNS = 300;

function invariant(result: EstateImport): void {
  expect(result.estates.length + errorRows(result.errors)).toBe(result.rowCount);
  // One error per row: rows with errors can be counted as errors.length.
  expect(errorRows(result.errors)).toBe(result.errors.filter((e) => e.row > 0).length);
  if (result.fatal) expect(result.rowCount).toBe(0);
  for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
}

const HEADERS = [
  '小区名称',
  '房屋总数',
  '户数',
  '经度',
  '纬度',
  '状态',
  '养老服务用房面积',
  '各养老设施面积',
  '托位数',
  'id',
  'x',
  'y',
  '坐标',
  '备注',
  '',
];
const cell = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -100, max: 40_000 }).map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map(String),
  fc.constantFrom(
    '117.3',
    '31.8',
    '121.45',
    '31.25',
    '无',
    '暂无',
    '1,200',
    '350；300',
    '350,300',
    '新建',
    '已建',
    '拆迁',
    '"',
    '""',
    '\n',
    ',',
    '\t',
    '；',
  ),
  fc.string({ maxLength: 8 }),
);

/** A CSV-like table: a header drawn from real aliases, rows of tricky cells, quoted when needed. */
const table = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    fc.constantFrom(',', '\t', ';'),
    fc.boolean(),
  )
  .map(([headers, rows, sep, quote]) => {
    const q = (c: string) =>
      quote || c.includes(sep) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c;
    return [headers, ...rows].map((r) => r.map(q).join(sep)).join('\n');
  });

describe('importEstates never throws and never loses a row', () => {
  it('on structured CSV text with real aliases and tricky cells', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<'wgs84' | 'bd09' | 'EPSG:4527' | undefined>('wgs84', 'bd09', 'EPSG:4527', undefined),
        (text, crs) => {
          invariant(importEstates({ data: text, fileName: 'p.csv', crs }));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('on arbitrary text and bytes, as CSV, GeoJSON and sniffed', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('p.csv', 'p.tsv', 'p.geojson', 'upload'),
        (text, fileName) => {
          invariant(importEstates({ data: text, fileName }));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('p.csv', 'p.json', 'p.zip', 'p.kml', 'upload'),
        (bytes, fileName) => {
          invariant(importEstates({ data: bytes, fileName }));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (json) => {
        invariant(importEstates({ data: json, fileName: 'p.geojson' }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('on GeoJSON-like feature collections, counting features independently', () => {
    const position = fc.array(
      fc.oneof(fc.double({ min: -200, max: 200 }), fc.constantFrom(117.3, 31.8, 39_500_000, 3_500_000)),
      { maxLength: 3 },
    );
    const geometry = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constantFrom('Point', 'LineString'), coordinates: position }),
      fc.record({
        type: fc.constant('Polygon'),
        coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 2 }),
      }),
      fc.record({
        type: fc.constant('MultiPolygon'),
        coordinates: fc.array(fc.array(fc.array(position, { maxLength: 5 }), { maxLength: 2 }), {
          maxLength: 2,
        }),
      }),
      fc.anything(),
    );
    const properties = fc.oneof(
      fc.constant(null),
      fc.dictionary(
        fc.constantFrom('name', 'households', '户数', 'status', 'elderlyCareFacilityAreas', 'id'),
        fc.oneof(
          fc.integer({ min: -5, max: 40_000 }),
          fc.string({ maxLength: 6 }),
          fc.array(fc.integer(), { maxLength: 3 }),
          fc.constant(null),
        ),
      ),
    );
    const feature = fc.oneof(
      fc.record(
        {
          type: fc.constant('Feature'),
          geometry,
          properties,
          id: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
        },
        { requiredKeys: ['type', 'geometry', 'properties'] },
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 20 }), (features) => {
        const result = importEstates({
          data: JSON.stringify({ type: 'FeatureCollection', features }),
          fileName: 'p.geojson',
        });
        invariant(result);
        if (!result.fatal) expect(result.rowCount).toBe(features.length);
        const facilities = importFacilities({
          data: JSON.stringify({ type: 'FeatureCollection', features }),
          fileName: 'p.geojson',
          defaultKind: 'nursery',
        });
        expect(facilities.facilities.length + errorRows(facilities.errors)).toBe(facilities.rowCount);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('counts CSV rows like an independent line count when no cell holds a line break or quote', () => {
    const plain = fc.array(
      fc.array(fc.constantFrom('', 'a', '10', '117.3', '31.8', '小区'), { minLength: 4, maxLength: 4 }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(plain, (rows) => {
        const text = ['名称,户数,经度,纬度', ...rows.map((r) => r.join(','))].join('\n');
        const nonBlank = rows.filter((r) => r.some((c) => c !== '')).length;
        const result = importEstates({ data: text, fileName: 'p.csv' });
        expect(result.rowCount).toBe(nonBlank);
        invariant(result);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
