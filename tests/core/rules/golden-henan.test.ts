import { describe, expect, it } from 'vitest';
import { evaluateDistrict, evaluateEstate, type Estate, type Verdict } from '../../../src/core';
import { getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

// Golden cases worked by hand from 003_1d889c251517f314.txt (Henan), line 37: new estates ≥ 30 m² per
// 100 households and a childcare facility ≥ 200 m²; existing ≥ 20 m² per 100 households; one
// comprehensive elderly-care facility per street; land ≥ 0.1 m² per resident. Line 27: 4.5 places per
// 1000 residents, nursing-type beds 55 %. Henan sets no single-facility minimum.
const henan = getProfile('henan')!;
const params = henan.parameters;
const byRule = (verdicts: Verdict[]): Record<string, Verdict> =>
  Object.fromEntries(verdicts.map((v) => [v.rule, v]));
const verdictsOf = (estate: Estate) => byRule(evaluateEstate(estate, henan, params));

describe('Henan estates (003 line 37)', () => {
  it('new, 500 households, 150 m² elderly care in two 75 m² rooms, 180 m² childcare', () => {
    const v = verdictsOf(
      makeEstate({
        status: 'new',
        households: 500,
        elderlyCareFloorArea: 150, // 30 × 500/100 = 150 → pass (no 350 m² single-facility rule in Henan)
        elderlyCareFacilityAreas: [75, 75],
        childcareFloorArea: 180, // ≥ 200 m² required → fail, shortfall 20
      }),
    );
    expect(v['henan.elderly-area-new']).toMatchObject({ status: 'pass', required: 150, provided: 150 });
    expect(v['henan.childcare-area-new']).toMatchObject({
      status: 'fail',
      required: 200,
      provided: 180,
      shortfall: 20,
    });
    expect(v['henan.elderly-area-existing']?.status).toBe('not-applicable');
  });

  it('existing, 500 households, 90 m²: 20 × 500/100 = 100 → fail, shortfall 10; childcare rule not-applicable', () => {
    const v = verdictsOf(makeEstate({ status: 'existing', households: 500, elderlyCareFloorArea: 90 }));
    expect(v['henan.elderly-area-existing']).toMatchObject({ status: 'fail', required: 100, shortfall: 10 });
    expect(v['henan.childcare-area-new']).toMatchObject({
      status: 'not-applicable',
      required: null,
      provided: null,
    });
  });

  it('new, childcare area not given → insufficient-data, 200 m² still required', () => {
    const v = verdictsOf(makeEstate({ status: 'new', households: 500, elderlyCareFloorArea: 200 }));
    expect(v['henan.childcare-area-new']).toMatchObject({
      status: 'insufficient-data',
      required: 200,
      provided: null,
    });
  });
});

describe('Henan district rules (003 lines 27, 37)', () => {
  it('2,000,000 residents', () => {
    const v = byRule(
      evaluateDistrict(
        {
          population: 2_000_000,
          nurseryPlaces: 8999, // 4.5 × 2,000,000/1000 = 9,000 → fail, shortfall 1
          elderlyCareLandM2: 210_000, // 0.1 × 2,000,000 = 200,000 m² → pass
          elderlyCareBeds: 1000,
          nursingBeds: 550, // 550/1000 = 55 % → pass (exactly the threshold)
          streets: 10,
          streetsWithElderlyCareComplex: 9, // every street: 10 required → fail, shortfall 1
        },
        henan,
        params,
      ),
    );
    expect(v['henan.nursery-city']).toMatchObject({
      status: 'fail',
      required: 9000,
      provided: 8999,
      shortfall: 1,
    });
    expect(v['henan.elderly-land']).toMatchObject({ status: 'pass', required: 200_000 });
    expect(v['henan.beds']).toMatchObject({ status: 'pass', required: 55, provided: 55, unit: '%' });
    expect(v['henan.per-street']).toMatchObject({
      status: 'fail',
      required: 10,
      provided: 9,
      shortfall: 1,
      unit: 'streets',
    });
    // Totals not given → insufficient-data, never skipped.
    expect(v['henan.per-community']).toMatchObject({ status: 'insufficient-data', required: null });
    expect(v['henan.per-community']?.note).toContain('communities, communitiesWithElderlyService');
    expect(v['henan.district-childcare-centre']?.status).toBe('insufficient-data');
  });
});
