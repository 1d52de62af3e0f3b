/**
 * Estate import benchmark (issue #2): 100,000 seeded synthetic CSV rows with Chinese headers and BD-09
 * coordinates around Hefei, imported with conversion to WGS-84, against a baseline measured in the
 * same run — papaparse parsing the same text with no mapping, checks or conversion. Reports rows per
 * second and the ratio (console, and tests/bench/results/latest.json through recordBench).
 */
import Papa from 'papaparse';
import { afterAll, bench, describe, expect } from 'vitest';
import { importEstates } from '../../src/core/io';
import { recordBench } from './bench-results';
import { mulberry32 } from './w1-workload';

const ROWS = 100_000;
const SEED = 20261123;

/** Rows shaped like the Beike crawl: 小区名称,区县,房屋总数,建筑年代,经度,纬度 (BD-09, Hefei). */
function syntheticCsv(rows: number, seed: number): string {
  const next = mulberry32(seed);
  const unit = () => next() / 2 ** 32;
  const districts = ['包河', '蜀山', '庐阳', '瑶海', '高新', '经开'];
  const lines = ['小区名称,区县,房屋总数,建筑年代,经度,纬度'];
  for (let i = 0; i < rows; i++) {
    const lng = (117.0 + 0.5 * unit()).toFixed(6);
    const lat = (31.6 + 0.4 * unit()).toFixed(6);
    lines.push(
      `小区${i},${districts[i % districts.length]},${50 + (next() % 5000)},${1980 + (next() % 44)},${lng},${lat}`,
    );
  }
  return lines.join('\n');
}

const text = syntheticCsv(ROWS, SEED);
const bytes = new TextEncoder().encode(text);

/** Median wall time of `runs` calls, ms. */
function medianMs(
  fn: () => void,
  runs: number,
): { p50: number; min: number; max: number; samplesCount: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[runs >> 1] ?? NaN,
    min: times[0] ?? NaN,
    max: times[runs - 1] ?? NaN,
    samplesCount: runs,
  };
}

describe('import 100k CSV rows (BD-09 → WGS-84)', () => {
  bench('papaparse only (baseline)', () => {
    Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  });

  bench('importEstates bd09', () => {
    importEstates({ data: bytes, fileName: 'synthetic.csv', crs: 'bd09' });
  });

  afterAll(() => {
    // The same two operations timed in one place so the ratio and rows/s can be printed and stored.
    const check = importEstates({ data: bytes, fileName: 'synthetic.csv', crs: 'bd09' });
    expect(check.estates).toHaveLength(ROWS);
    const baseline = medianMs(() => Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }), 5);
    const full = medianMs(() => importEstates({ data: bytes, fileName: 'synthetic.csv', crs: 'bd09' }), 5);
    const rowsPerSecond = Math.round(ROWS / (full.p50 / 1000));
    const baselineRowsPerSecond = Math.round(ROWS / (baseline.p50 / 1000));
    const ratio = Math.round((full.p50 / baseline.p50) * 100) / 100;
    console.log(
      `import 100k BD-09 rows: ${full.p50.toFixed(0)} ms = ${rowsPerSecond.toLocaleString('en')} rows/s; ` +
        `papaparse alone ${baseline.p50.toFixed(0)} ms = ${baselineRowsPerSecond.toLocaleString('en')} rows/s; ratio ${ratio}×`,
    );
    recordBench(
      'import: 100k CSV rows bd09',
      { latency: full },
      { rows: ROWS, rowsPerSecond, baselineMs: baseline.p50, baselineRowsPerSecond, ratio },
    );
  });
});
