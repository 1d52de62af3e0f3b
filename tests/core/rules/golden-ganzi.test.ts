import { describe, expect, it } from 'vitest';
import {
  evaluateDistrict,
  evaluateEstates,
  evaluateFacility,
  type Facility,
  type Verdict,
} from '../../../src/core';
import { getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

// Golden cases worked by hand from 004_4bc4d23149682746.txt (Ganzi draft): line 337 each nursery place
// ≥ 15 m² (public centres ≥ 150 places); line 319 land ≥ 0.1 m² per resident; line 65 4.5 places per 1000
// residents; line 63 nursing-type beds ≥ 55 %; line 293 childcare in ≥ 29 % of communities.
const ganzi = getProfile('ganzi')!;
const params = ganzi.parameters;
const byRule = (verdicts: Verdict[]): Record<string, Verdict> =>
  Object.fromEntries(verdicts.map((v) => [v.rule, v]));

function facility(kind: Facility['kind'], places: number | null, floorArea: number | null): Facility {
  return {
    id: 'f1',
    row: 1,
    name: 'test',
    kind,
    location: [100, 30] as unknown as Facility['location'],
    status: 'existing',
    capacity: { places, beds: null, floorArea },
    properties: {},
  };
}

describe('Ganzi facilities (004 line 337)', () => {
  it('150 places in 2,250 m²: 15 × 150 = 2,250 → pass', () => {
    const v = byRule(evaluateFacility(facility('nursery', 150, 2250), ganzi, params));
    expect(v['ganzi.place-area']).toMatchObject({ status: 'pass', required: 2250, provided: 2250 });
    expect(v['ganzi.place-area']?.note).toBeUndefined();
  });

  it('100 places in 1,200 m²: 15 × 100 = 1,500 → fail, shortfall 300; below 150 places is noted, not failed', () => {
    const v = byRule(evaluateFacility(facility('nursery', 100, 1200), ganzi, params))['ganzi.place-area'];
    expect(v).toMatchObject({ status: 'fail', required: 1500, provided: 1200, shortfall: 300 });
    expect(v?.note).toContain('150 places');
  });

  it('a nursery without places → insufficient-data; an elderly home → not-applicable', () => {
    expect(
      byRule(evaluateFacility(facility('nursery', null, 800), ganzi, params))['ganzi.place-area'],
    ).toMatchObject({
      status: 'insufficient-data',
      required: null,
      provided: 800,
    });
    expect(
      byRule(evaluateFacility(facility('elderly-home', 50, 800), ganzi, params))['ganzi.place-area']?.status,
    ).toBe('not-applicable');
  });
});

describe('Ganzi district rules', () => {
  it('1,107,400 residents (110.74万, line 55)', () => {
    const v = byRule(
      evaluateDistrict(
        {
          population: 1_107_400,
          nurseryPlaces: 341, // 4.5 × 1,107,400/1000 = 4,983.3 → 4,984 → fail, shortfall 4,643
          elderlyCareLandM2: 120_000, // 0.1 × 1,107,400 = 110,740 m² → pass
          elderlyCareBeds: 3712,
          nursingBeds: 1856, // 1856/3712 = 50 % < 55 %; 0.55 × 3712 = 2,041.6 → 2,042 → 186 more
          communities: 100,
          communitiesWithChildcare: 29, // 29 % × 100 = 29 → pass
        },
        ganzi,
        params,
      ),
    );
    expect(v['ganzi.nursery-city']).toMatchObject({ status: 'fail', required: 4984, shortfall: 4643 });
    expect(v['ganzi.elderly-land']).toMatchObject({ status: 'pass', required: 110_740 });
    expect(v['ganzi.beds']).toMatchObject({ status: 'fail', required: 55, provided: 50, shortfall: 5 });
    expect(v['ganzi.beds']?.note).toContain('186 more');
    expect(v['ganzi.community-childcare']).toMatchObject({ status: 'pass', required: 29, provided: 29 });
  });

  it('Ganzi sets no estate rule: an estate gets no verdicts and is not-applicable overall', () => {
    const { estates, summary } = evaluateEstates(
      [makeEstate({ status: 'new', households: 100 })],
      ganzi,
      params,
    );
    expect(estates[0]?.verdicts).toEqual([]);
    expect(summary.overall['not-applicable']).toBe(1);
    expect(summary.rules).toEqual([]);
  });
});
