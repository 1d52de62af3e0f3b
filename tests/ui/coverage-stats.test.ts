/** Histogram and deficit ordering of the coverage panel, on hand-made rows. */
import { describe, expect, it } from 'vitest';
import type { KindCoverage } from '../../src/store/types';
import { minutesHistogram, underservedByDeficit } from '../../src/ui/panels/coverage-stats';

type Row = KindCoverage['estates'][number];
const row = (id: string, over: Partial<Row>): Row => ({
  id,
  nearestFacility: null,
  minutes: null,
  distanceM: null,
  covered: false,
  offNetwork: false,
  underserved: false,
  households: 100,
  demand: null,
  supplyDemandRatio: null,
  ...over,
});

describe('minutesHistogram', () => {
  it('puts households in [0,5) [5,10) … [30,∞) and unreachable, bounds exclusive above', () => {
    const bins = minutesHistogram([
      row('a', { minutes: 0, households: 10 }),
      row('b', { minutes: 4.99, households: 20 }),
      row('c', { minutes: 5, households: 40 }),
      row('d', { minutes: 45, households: 80 }),
      row('e', { minutes: null, households: 160 }),
      row('f', { minutes: 12, households: null }),
    ]);
    expect(bins.map((b) => [b.from, b.to, b.households, b.estates])).toEqual([
      [0, 5, 30, 2],
      [5, 10, 40, 1],
      [10, 15, 0, 1],
      [15, 20, 0, 0],
      [20, 30, 0, 0],
      [30, null, 80, 1],
      [null, null, 160, 1],
    ]);
  });
});

describe('underservedByDeficit', () => {
  it('lists only underserved estates, the largest missing demand first; uncovered ones miss all their demand', () => {
    const list = underservedByDeficit([
      row('ok', { covered: true, underserved: false, demand: 50, supplyDemandRatio: 2 }),
      row('half', { covered: true, underserved: true, demand: 40, supplyDemandRatio: 0.5 }),
      row('none', { covered: false, underserved: true, demand: 30, supplyDemandRatio: 0.9 }),
      row('unknown', { underserved: true, demand: null, households: 900 }),
    ]);
    expect(list.map((d) => [d.id, d.missing])).toEqual([
      ['none', 30],
      ['half', 20],
      ['unknown', null],
    ]);
  });
});
