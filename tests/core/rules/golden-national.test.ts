import { describe, expect, it } from 'vitest';
import {
  evaluateDistrict,
  evaluateEstate,
  evaluateFacility,
  type Facility,
  type Verdict,
} from '../../../src/core';
import { getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

// National baseline, from the standards table of shared/policy/README.md: GB 50437 ≥ 40 beds per 1000
// elderly and ≥ 35 m² per bed (S); 14th FYP 4.5 places per 1000 (S); 国办发〔2019〕15号 childcare with new
// housing (S); GB 50180 day-care centre 350–750 m² (R). Elderly share 0.187 (national census, S).
const national = getProfile('national')!;
const params = national.parameters;
const byRule = (verdicts: Verdict[]): Record<string, Verdict> =>
  Object.fromEntries(verdicts.map((v) => [v.rule, v]));

function facility(kind: Facility['kind'], capacity: Facility['capacity']): Facility {
  return {
    id: 'f',
    row: 1,
    name: 'test',
    kind,
    location: [116, 40] as unknown as Facility['location'],
    status: 'existing',
    capacity,
    properties: {},
  };
}

describe('national baseline', () => {
  it('new estate with 0 places and 0 m² childcare fails the 国办发〔2019〕15号 check; 30 places pass', () => {
    const none = byRule(
      evaluateEstate(
        makeEstate({ status: 'new', nurseryPlaces: 0, childcareFloorArea: 0 }),
        national,
        params,
      ),
    );
    expect(none['national.childcare-with-housing']).toMatchObject({
      status: 'fail',
      required: 1,
      provided: 0,
    });
    expect(none['national.childcare-with-housing']?.source.confidence).toBe('secondary');
    const some = byRule(evaluateEstate(makeEstate({ status: 'new', nurseryPlaces: 30 }), national, params));
    expect(some['national.childcare-with-housing']?.status).toBe('pass');
  });

  it('100,000 residents, elderly derived 100,000 × 0.187 = 18,700: 40 × 18.7 = 748 beds; 700 → fail, shortfall 48', () => {
    const v = byRule(
      evaluateDistrict({ population: 100_000, elderlyCareBeds: 700, nurseryPlaces: 450 }, national, params),
    );
    expect(v['national.beds']).toMatchObject({ status: 'fail', required: 748, shortfall: 48 });
    expect(v['national.beds']?.note).toContain('elderly population derived');
    // 4.5 × 100,000/1000 = 450 → pass
    expect(v['national.nursery-city']).toMatchObject({ status: 'pass', required: 450 });
    // the three GB 50180 circles are coverage rules, computed elsewhere
    const coverage = national.rules.filter((r) => r.scope === 'coverage').map((r) => v[r.id]?.status);
    expect(coverage).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
  });

  it('elderly home, 100 beds in 3,000 m²: 35 × 100 = 3,500 → fail, shortfall 500; day-care 300 m² < 350 → fail', () => {
    const home = byRule(
      evaluateFacility(
        facility('elderly-home', { places: null, beds: 100, floorArea: 3000 }),
        national,
        params,
      ),
    );
    expect(home['national.bed-area']).toMatchObject({ status: 'fail', required: 3500, shortfall: 500 });
    expect(home['national.daycare-area']?.status).toBe('not-applicable');
    const daycare = byRule(
      evaluateFacility(
        facility('elderly-daycare', { places: null, beds: null, floorArea: 300 }),
        national,
        params,
      ),
    );
    expect(daycare['national.daycare-area']).toMatchObject({ status: 'fail', required: 350, shortfall: 50 });
    expect(daycare['national.daycare-area']?.source.confidence).toBe('to-verify');
  });
});
