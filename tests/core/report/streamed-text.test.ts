import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvLineChunks,
  csvLines,
  estateSummaryTally,
  evaluateEstates,
  importEstates,
  JsonLater,
  jsonChunks,
  resolveParameters,
  spreadsheetSafe,
  summarizeEstateResults,
} from '../../../src/core';
import { getProfile } from '../../../src/profiles';

const json = fc.jsonValue({ maxDepth: 6 });

describe('jsonChunks', () => {
  it('joined, is JSON.stringify of the value, at any indentation', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, 4), (value, space) => {
        expect([...jsonChunks(value, space)].join('')).toBe(JSON.stringify(value, null, space));
      }),
    );
  });

  it('writes a JsonLater array item by item and a JsonLater value when reached, as JSON.stringify of the values', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), json, fc.constantFrom(0, 2), (items, total, space) => {
        const taken: unknown[] = [];
        function* produce() {
          for (const item of items) {
            taken.push(item);
            yield item;
          }
        }
        const text = [
          ...jsonChunks(
            {
              rows: JsonLater.items(produce()),
              deep: { deeper: JsonLater.items(items) },
              // Computed only once every row was taken.
              total: JsonLater.value(() => ({ total, taken: taken.length })),
            },
            space,
          ),
        ].join('');
        const whole = { rows: items, deep: { deeper: items }, total: { total, taken: items.length } };
        expect(text).toBe(JSON.stringify(whole, null, space));
      }),
    );
  });
});

describe('csvLineChunks', () => {
  it('joined, is csvLines of the same rows, across piece boundaries (rows of any width, empty rows)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.constantFrom('=1+1', 'a,b', 'x"y'),
    );
    const rows = (n: number) =>
      fc.array(fc.array(cell, { maxLength: 4 }), { minLength: n, maxLength: n + 3 });
    for (const n of [0, 1999, 2000, 4001]) {
      fc.assert(
        fc.property(rows(n), (table) => {
          const unstreamed =
            '\uFEFF' +
            Papa.unparse(table.map((r) => r.map((v) => (v === null ? '' : spreadsheetSafe(v))))) +
            '\n';
          expect([...csvLineChunks(table)].join('')).toBe(unstreamed);
          expect(csvLines(table)).toBe(unstreamed);
        }),
        { numRuns: n > 0 ? 3 : 50 },
      );
    }
  });
});

describe('estateSummaryTally', () => {
  it('adding the results in chunks of any size gives summarizeEstateResults of all of them', () => {
    const hefei = getProfile('hefei')!;
    const { parameters } = resolveParameters(hefei, {});
    const lines = ['小区名称,户数,状态,养老服务用房面积,托位数'];
    for (let i = 0; i < 200; i++)
      lines.push(`E${i},${(i * 37) % 3000},${['新建', '已建成', ''][i % 3]},${(i * 53.7) % 900},${i % 41}`);
    const { estates } = importEstates({ data: lines.join('\n'), fileName: 'e.csv' });
    const { estates: results, summary } = evaluateEstates(estates, hefei, parameters);
    expect(summary).toEqual(summarizeEstateResults(results, hefei));
    expect(summary.rules.some((r) => (r.totalShortfall ?? 0) > 0)).toBe(true);
    for (const size of [1, 7, 64, 200]) {
      const tally = estateSummaryTally(hefei);
      for (let i = 0; i < results.length; i += size) tally.add(results.slice(i, i + size));
      expect(tally.summary()).toEqual(summary);
    }
  });
});
