import { describe, expect, it } from 'vitest';
import {
  evaluateDistrict,
  evaluateEstate,
  evaluateEstates,
  type Estate,
  type Verdict,
} from '../../../src/core';
import { getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

// Golden cases worked by hand from 001_82989894b6aaeb46.txt (Hefei):
// line 207: new estates ≥ 30 m² per 100 households AND each facility ≥ 350 m²; existing ≥ 20 m² per
// 100 households; new ≥ 10 nursery places per 1000 residents; existing ≥ 8 per 1000.
// Default persons per household 2.52 (Hefei census), elderly share 0.153 (line 19).
const hefei = getProfile('hefei')!;
const params = hefei.parameters;

const verdictsOf = (estate: Estate): Record<string, Verdict> =>
  Object.fromEntries(evaluateEstate(estate, hefei, params).map((v) => [v.rule, v]));

describe('Hefei elderly-care area (001 line 207)', () => {
  it('new, 1,000 households, 280 m²: 30 × 1000/100 = 300 m² required → fail, shortfall 20', () => {
    const v = verdictsOf(makeEstate({ status: 'new', households: 1000, elderlyCareFloorArea: 280 }));
    expect(v['hefei.elderly-area-new']).toMatchObject({
      status: 'fail',
      required: 300,
      provided: 280,
      shortfall: 20,
      unit: 'm²',
    });
    // 280 m² in total cannot contain a 350 m² facility: the note says so.
    expect(v['hefei.elderly-area-new']?.note).toContain('350');
    expect(v['hefei.elderly-area-existing']?.status).toBe('not-applicable');
  });

  it('new, 2,000 households, two 300 m² rooms: 600 m² meets 30 × 2000/100 = 600, but each room < 350 → fail', () => {
    const v = verdictsOf(
      makeEstate({
        status: 'new',
        households: 2000,
        elderlyCareFloorArea: 600,
        elderlyCareFacilityAreas: [300, 300],
      }),
    )['hefei.elderly-area-new'];
    expect(v).toMatchObject({ status: 'fail', required: 600, provided: 600, shortfall: 0 });
    expect(v?.note).toContain('facility 1 (300 m²), facility 2 (300 m²)');
    expect(v?.noteZh).toContain('第1处设施');
  });

  it('new, 2,000 households, rooms 400 + 250 = 650 ≥ 600: only facility 2 is named', () => {
    const v = verdictsOf(
      makeEstate({
        status: 'new',
        households: 2000,
        elderlyCareFloorArea: 650,
        elderlyCareFacilityAreas: [400, 250],
      }),
    )['hefei.elderly-area-new'];
    expect(v?.status).toBe('fail');
    expect(v?.note).toContain('facility 2 (250 m²)');
    expect(v?.note).not.toContain('facility 1');
  });

  it('new, 1,200 households, one 360 m² facility: 30 × 1200/100 = 360 → pass', () => {
    const v = verdictsOf(
      makeEstate({
        status: 'new',
        households: 1200,
        elderlyCareFloorArea: 360,
        elderlyCareFacilityAreas: [360],
      }),
    );
    expect(v['hefei.elderly-area-new']).toMatchObject({ status: 'pass', required: 360, shortfall: 0 });
  });

  it('new, total 400 m² ≥ 300 but facility sizes unknown → insufficient-data (cannot check 350 each)', () => {
    const v = verdictsOf(makeEstate({ status: 'new', households: 1000, elderlyCareFloorArea: 400 }));
    expect(v['hefei.elderly-area-new']).toMatchObject({
      status: 'insufficient-data',
      required: 300,
      provided: 400,
    });
  });

  it('new, total not given but facilities 200 + 200 listed: total taken as 400 ≥ 300, each < 350 → fail', () => {
    const v = verdictsOf(
      makeEstate({ status: 'new', households: 1000, elderlyCareFacilityAreas: [200, 200] }),
    );
    expect(v['hefei.elderly-area-new']).toMatchObject({ status: 'fail', required: 300, provided: 400 });
    expect(v['hefei.elderly-area-new']?.note).toContain('sum of the facilities');
  });

  it('existing, 1,000 households, 200 m²: 20 × 1000/100 = 200 → pass; the new-estate rule is not-applicable', () => {
    const v = verdictsOf(makeEstate({ status: 'existing', households: 1000, elderlyCareFloorArea: 200 }));
    expect(v['hefei.elderly-area-existing']).toMatchObject({
      status: 'pass',
      required: 200,
      provided: 200,
      shortfall: 0,
    });
    expect(v['hefei.elderly-area-new']).toMatchObject({ status: 'not-applicable', required: null });
  });

  it('existing, 333 households: 20 × 333/100 = 66.6 m² required', () => {
    const v = verdictsOf(makeEstate({ status: 'existing', households: 333, elderlyCareFloorArea: 66 }));
    expect(v['hefei.elderly-area-existing']).toMatchObject({
      status: 'fail',
      required: 66.6,
      shortfall: 0.6,
    });
  });

  it('a missing area is not zero: null → insufficient-data with 200 m² still required; 0 → fail, shortfall 200', () => {
    const missing = verdictsOf(makeEstate({ status: 'existing', households: 1000 }));
    expect(missing['hefei.elderly-area-existing']).toMatchObject({
      status: 'insufficient-data',
      required: 200,
      provided: null,
      shortfall: null,
    });
    const zero = verdictsOf(makeEstate({ status: 'existing', households: 1000, elderlyCareFloorArea: 0 }));
    expect(zero['hefei.elderly-area-existing']).toMatchObject({
      status: 'fail',
      required: 200,
      provided: 0,
      shortfall: 200,
    });
  });

  it('no households → insufficient-data, required unknown', () => {
    const v = verdictsOf(makeEstate({ status: 'existing', elderlyCareFloorArea: 100 }));
    expect(v['hefei.elderly-area-existing']).toMatchObject({
      status: 'insufficient-data',
      required: null,
      provided: 100,
    });
  });
});

describe('Hefei nursery places (001 line 207)', () => {
  it('new, 1,000 households, residents derived 1000 × 2.52 = 2,520: 10 × 2520/1000 = 25.2 → 26 places (rounded up)', () => {
    const estate = makeEstate({ status: 'new', households: 1000, nurseryPlaces: 25 });
    const v = verdictsOf(estate)['hefei.nursery-new'];
    expect(v).toMatchObject({ status: 'fail', required: 26, provided: 25, shortfall: 1, unit: 'places' });
    expect(v?.note).toContain('1000 households × 2.52 persons = 2520');
    expect(verdictsOf({ ...estate, nurseryPlaces: 26 })['hefei.nursery-new']?.status).toBe('pass');
  });

  it('existing, 3,000 residents given: 8 × 3000/1000 = 24 places; 24 → pass, residents not derived', () => {
    const { estates } = evaluateEstates(
      [makeEstate({ status: 'existing', households: 1000, residents: 3000, nurseryPlaces: 24 })],
      hefei,
      params,
    );
    expect(estates[0]).toMatchObject({ residents: 3000, residentsDerived: false });
    const v = estates[0]?.verdicts.find((x) => x.rule === 'hefei.nursery-existing');
    expect(v).toMatchObject({ status: 'pass', required: 24, provided: 24 });
    expect(v?.note).toBeUndefined();
  });

  it('a --param override changes the derived residents: 1000 × 3.2 = 3,200 → 32 places', () => {
    const v = evaluateEstate(makeEstate({ status: 'new', households: 1000, nurseryPlaces: 30 }), hefei, {
      ...params,
      personsPerHousehold: 3.2,
    }).find((x) => x.rule === 'hefei.nursery-new');
    expect(v).toMatchObject({ status: 'fail', required: 32, shortfall: 2 });
  });
});

describe('Hefei status handling', () => {
  it('status unknown and no default: both area rules insufficient-data with “status unknown”, figures computed', () => {
    const v = verdictsOf(makeEstate({ households: 1000, elderlyCareFloorArea: 250 }));
    expect(v['hefei.elderly-area-new']).toMatchObject({
      status: 'insufficient-data',
      required: 300,
      provided: 250,
    });
    expect(v['hefei.elderly-area-existing']).toMatchObject({
      status: 'insufficient-data',
      required: 200,
      provided: 250,
    });
    expect(v['hefei.elderly-area-new']?.note).toContain('status unknown');
    expect(v['hefei.elderly-area-existing']?.noteZh).toContain('状态未知');
  });

  it('defaultStatus existing applies only when the estate has none', () => {
    const { estates } = evaluateEstates(
      [
        makeEstate({ id: 'a', households: 1000, elderlyCareFloorArea: 250 }),
        makeEstate({ id: 'b', status: 'new', households: 1000, elderlyCareFloorArea: 250 }),
      ],
      hefei,
      params,
      { defaultStatus: 'existing' },
    );
    expect(estates.map((e) => [e.status, e.statusDefaulted, e.overall])).toEqual([
      // a: existing by default, 250 ≥ 200 passes; nursery places not given → insufficient-data overall.
      ['existing', true, 'insufficient-data'],
      // b: its own status wins: 250 < 300 fails.
      ['new', false, 'fail'],
    ]);
  });
});

describe('Hefei district rules', () => {
  it('1,000,000 residents, elderly derived 1,000,000 × 0.153 = 153,000', () => {
    const verdicts = Object.fromEntries(
      evaluateDistrict(
        {
          population: 1_000_000,
          nurseryPlaces: 5600, // 5.6 × 1,000,000/1000 = 5,600 → pass
          elderlyCareBeds: 7000, // 48 × 153,000/1000 = 7,344 → fail, shortfall 344
          nursingBeds: 4000, // 4000/7000 = 57.14 % < 60 % → fail; 0.6 × 7000 = 4,200 → 200 more
          elderlyCareLandM2: 150_000, // 0.2 × 1,000,000 = 200,000 m² → fail, shortfall 50,000
          communities: 130,
          communitiesWithChildcare: 124, // 95 % × 130 = 123.5 → 124 → pass
        },
        hefei,
        params,
      ).map((v) => [v.rule, v]),
    );
    expect(verdicts['hefei.nursery-city']).toMatchObject({ status: 'pass', required: 5600, provided: 5600 });
    expect(verdicts['hefei.beds']).toMatchObject({
      status: 'fail',
      required: 7344,
      provided: 7000,
      shortfall: 344,
    });
    expect(verdicts['hefei.beds']?.note).toContain('153000');
    expect(verdicts['hefei.nursing-beds']).toMatchObject({
      status: 'fail',
      required: 60,
      provided: 57.14,
      shortfall: 2.86,
    });
    expect(verdicts['hefei.nursing-beds']?.note).toContain('200 more');
    expect(verdicts['hefei.elderly-land']).toMatchObject({
      status: 'fail',
      required: 200_000,
      shortfall: 50_000,
    });
    expect(verdicts['hefei.community-childcare']).toMatchObject({
      status: 'pass',
      required: 124,
      unit: 'communities',
    });
    expect(verdicts['hefei.elderly-15min']?.status).toBe('not-applicable');
    expect(verdicts['hefei.elderly-15min']?.note).toContain('lifecircle coverage');
  });

  it('no totals: every district rule is insufficient-data, none skipped', () => {
    const verdicts = evaluateDistrict({}, hefei, params);
    const district = hefei.rules.filter((r) => r.scope === 'district').map((r) => r.id);
    expect(verdicts.filter((v) => v.status === 'insufficient-data').map((v) => v.rule)).toEqual(district);
    expect(verdicts).toHaveLength(district.length + 1); // + the coverage rule, reported not-applicable
  });
});
