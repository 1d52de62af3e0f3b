/**
 * Estate import benchmark (issue #2): 100,000 seeded synthetic CSV rows with Chinese headers and BD-09
 * coordinates around Hefei, imported with conversion to WGS-84, against a baseline measured in the
 * same run — papaparse parsing the same text with no mapping, checks or conversion. Reports rows per
 * second and the ratio (console, and tests/bench/results/latest.json through recordBench).
 */
import Papa from 'papaparse';
import { bench, describe, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CHINA_BOUNDS,
  landMaskFromTopology,
  pointsAtSea,
  projectorFor,
  type LandTopology,
} from '../../src/core/crs';
import { importEstates } from '../../src/core/io';
import { benchAndRecord, recordBench, recordedCase } from './bench-results';
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

/** Wall times of each bench's calls, ms, collected by the bench functions themselves. */
const times: Record<'baseline' | 'import', number[]> = { baseline: [], import: [] };
const timed = (into: number[], fn: () => void) => () => {
  const start = performance.now();
  fn();
  into.push(performance.now() - start);
};
const latency = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    p50: sorted[sorted.length >> 1] ?? NaN,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    samplesCount: sorted.length,
  };
};

/** Print rows/s and the ratio to the baseline measured in the same run, and store them. */
function report(): void {
  const check = importEstates({ data: bytes, fileName: 'synthetic.csv', crs: 'bd09' });
  expect(check.estates).toHaveLength(ROWS);
  const full = latency(times.import);
  const baseline = latency(times.baseline);
  const rowsPerSecond = Math.round(ROWS / (full.p50 / 1000));
  const baselineRowsPerSecond = Math.round(ROWS / (baseline.p50 / 1000));
  const ratio = Math.round((full.p50 / baseline.p50) * 100) / 100;
  console.log(
    `import 100k BD-09 rows: median ${full.p50.toFixed(0)} ms = ${rowsPerSecond.toLocaleString('en')} rows/s; ` +
      `papaparse alone ${baseline.p50.toFixed(0)} ms = ${baselineRowsPerSecond.toLocaleString('en')} rows/s; ratio ${ratio}×`,
  );
  recordBench(
    'import: 100k CSV rows bd09',
    { latency: full },
    { rows: ROWS, rowsPerSecond, baselineMs: baseline.p50, baselineRowsPerSecond, ratio },
  );
}

describe('import 100k CSV rows (BD-09 → WGS-84)', () => {
  bench(
    'papaparse only (baseline)',
    timed(times.baseline, () => {
      Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
    }),
    { iterations: 10, setup: (_task, mode) => void (mode === 'run' && times.baseline.splice(0)) },
  );

  bench(
    'importEstates bd09',
    timed(times.import, () => {
      importEstates({ data: bytes, fileName: 'synthetic.csv', crs: 'bd09' });
    }),
    // Runs after the baseline (benches run in order), so both series exist when it reports.
    {
      iterations: 10,
      // Warm-up calls are timed too; drop them when the measured run starts.
      setup: (_task, mode) => void (mode === 'run' && times.import.splice(0)),
      teardown: (_task, mode) => (mode === 'run' ? report() : undefined),
    },
  );
});

/**
 * The import review's in-the-sea check on 100k seeded points around the Shanghai coast (the hard case:
 * many cells near the coast), against a baseline in the same run: converting the same points from
 * BD-09, which the import does anyway. The mask is built once, as the worker does.
 */
describe('land check of 100k imported points', () => {
  const topology = JSON.parse(
    readFileSync(new URL('../../node_modules/world-atlas/land-10m.json', import.meta.url), 'utf8'),
  ) as LandTopology;
  const mask = landMaskFromTopology(topology);
  const next = mulberry32(SEED);
  const points = new Float64Array(2 * ROWS);
  for (let i = 0; i < ROWS; i++) {
    // 121.2–122.2°E, 30.7–31.7°N: Shanghai, Chongming, the Yangtze mouth and open sea east of Nanhui.
    points[2 * i] = 121.2 + next() / 2 ** 32;
    points[2 * i + 1] = 30.7 + next() / 2 ** 32;
  }
  const bd09 = projectorFor('bd09');
  benchAndRecord(
    'land check: bd09 → WGS-84 of 100k points (baseline)',
    () => {
      for (let i = 0; i < ROWS; i++) bd09(points[2 * i] as number, points[2 * i + 1] as number);
    },
    { iterations: 10 },
  );
  benchAndRecord('land check: pointsAtSea 100k points', () => pointsAtSea(mask, points), {
    iterations: 10,
    extra: () => {
      const base = recordedCase('land check: bd09 → WGS-84 of 100k points (baseline)');
      return { points: ROWS, atSea: pointsAtSea(mask, points).length, baselineMs: base?.medianMs ?? null };
    },
  });
  benchAndRecord('land check: landMaskFromTopology land-10m', () => landMaskFromTopology(topology), {
    iterations: 5,
    extra: () => ({ segments: mask.segments.length / 4 }),
  });
  benchAndRecord(
    'land check: landMaskFromTopology land-10m cut to China (as the worker builds it)',
    () => landMaskFromTopology(topology, { region: CHINA_BOUNDS }),
    {
      iterations: 5,
      extra: () => ({
        segments: landMaskFromTopology(topology, { region: CHINA_BOUNDS }).segments.length / 4,
      }),
    },
  );
});
