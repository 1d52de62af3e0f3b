/** Histogram and deficit ordering of the coverage panel, on hand-made rows. */
import { describe, expect, it } from 'vitest';
import type { KindCoverage } from '../../src/store/types';
import { minutesHistogram, networkShare, underservedByDeficit } from '../../src/ui/panels/coverage-stats';

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

describe('networkShare', () => {
  // Network extent 117.0–117.5°E, 31.5–32.0°N; 'far' lies east of it, 'gap' inside it but off the streets.
  const extent = [117, 31.5, 117.5, 32] as const;
  const at: Record<string, [number, number] | null> = {
    a: [117.2, 31.8],
    b: [117.3, 31.7],
    gap: [117.4, 31.9],
    far: [121.5, 31.2],
    none: null,
  };
  const rows = [
    row('a', { covered: true, households: 300 }),
    row('b', { households: 100 }),
    row('gap', { offNetwork: true, households: 50 }),
    row('far', { offNetwork: true, households: 400 }),
    row('none', { offNetwork: true, households: 150 }),
  ];

  it('gives coverage of all households and of those on the network, and who is beyond the extent', () => {
    const s = networkShare(rows, (id) => at[id] ?? null, extent);
    expect(s).toMatchObject({
      households: 1000,
      householdsCovered: 300,
      householdsOnNetwork: 400,
      estatesOff: 3,
      householdsOff: 600,
      estatesBeyond: 1,
      householdsBeyond: 400,
    });
    expect(s.pctOfAll).toBeCloseTo(30);
    expect(s.pctOnNetwork).toBeCloseTo(75);
  });

  it('calls nobody beyond an unknown extent, and has no share of no households', () => {
    expect(networkShare(rows, (id) => at[id] ?? null, null)).toMatchObject({
      estatesOff: 3,
      estatesBeyond: 0,
    });
    expect(networkShare([], () => null, extent)).toMatchObject({ pctOfAll: null, pctOnNetwork: null });
  });
});
