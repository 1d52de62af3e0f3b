import { describe, expect, it } from 'vitest';
import { evaluateDistrict, evaluateEstate, type Estate, type Verdict } from '../../../src/core';
import { getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

const byRule = (verdicts: Verdict[]): Record<string, Verdict> =>
  Object.fromEntries(verdicts.map((v) => [v.rule, v]));

// Turpan, 000_e4b1f5200603d397.txt line 12: new districts and estates get elderly-care and childcare
// facilities “四同步”. Checkable part: a new estate provides both categories (2 required).
describe('Turpan four-sync (000 line 12)', () => {
  const turpan = getProfile('turpan')!;
  const fourSync = (estate: Estate): Verdict | undefined =>
    byRule(evaluateEstate(estate, turpan, turpan.parameters))['turpan.four-sync'];

  it('new, 300 m² elderly care and 20 places → both categories → pass', () => {
    expect(
      fourSync(makeEstate({ status: 'new', elderlyCareFloorArea: 300, nurseryPlaces: 20 })),
    ).toMatchObject({
      status: 'pass',
      required: 2,
      provided: 2,
    });
  });

  it('new, elderly care but 0 nursery places and no childcare area → 1 of 2 → fail, childcare named', () => {
    const v = fourSync(makeEstate({ status: 'new', elderlyCareFloorArea: 300, nurseryPlaces: 0 }));
    expect(v).toMatchObject({ status: 'fail', required: 2, provided: 1, shortfall: 1 });
    expect(v?.note).toContain('not provided: childcare');
  });

  it('new, elderly care unknown, childcare 50 m² → cannot decide → insufficient-data', () => {
    expect(fourSync(makeEstate({ status: 'new', childcareFloorArea: 50 }))?.status).toBe('insufficient-data');
  });

  it('new, 0 m² elderly care, childcare unknown → at most 1 of 2 → fail', () => {
    expect(fourSync(makeEstate({ status: 'new', elderlyCareFloorArea: 0 }))?.status).toBe('fail');
  });

  it('existing → not-applicable', () => {
    expect(fourSync(makeEstate({ status: 'existing', elderlyCareFloorArea: 0 }))?.status).toBe(
      'not-applicable',
    );
  });
});

// Xinjiang, 002_9a93d924b4fe4c00.txt line 19: 35 beds per 1000 elderly; services reach 80 % of urban
// communities, 60 % of towns, 40 % of villages.
describe('Xinjiang district rules (002 line 19)', () => {
  const xinjiang = getProfile('xinjiang')!;
  it('500,000 residents of whom 60,000 elderly (given, so not derived)', () => {
    const v = byRule(
      evaluateDistrict(
        {
          population: 500_000,
          elderlyPopulation: 60_000,
          elderlyCareBeds: 2000, // 35 × 60,000/1000 = 2,100 → fail, shortfall 100
          communities: 50,
          communitiesWithElderlyService: 40, // 80 % × 50 = 40 → pass
          towns: 12,
          townsWithElderlyService: 7, // 60 % × 12 = 7.2 → 8 → fail, shortfall 1
          villages: 30,
          villagesWithElderlyService: 12, // 40 % × 30 = 12 → pass
        },
        xinjiang,
        xinjiang.parameters,
      ),
    );
    expect(v['xinjiang.beds']).toMatchObject({
      status: 'fail',
      required: 2100,
      provided: 2000,
      shortfall: 100,
    });
    expect(v['xinjiang.beds']?.note).toBeUndefined();
    expect(v['xinjiang.service-communities']).toMatchObject({ status: 'pass', required: 40 });
    expect(v['xinjiang.service-towns']).toMatchObject({
      status: 'fail',
      required: 8,
      provided: 7,
      shortfall: 1,
    });
    expect(v['xinjiang.service-villages']).toMatchObject({ status: 'pass', required: 12 });
  });

  it('beds given but no population at all → insufficient-data naming elderlyPopulation', () => {
    const v = byRule(evaluateDistrict({ elderlyCareBeds: 2000 }, xinjiang, xinjiang.parameters))[
      'xinjiang.beds'
    ];
    expect(v).toMatchObject({ status: 'insufficient-data', required: null, provided: 2000 });
    expect(v?.note).toContain('elderlyPopulation');
  });
});
