import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEstate, evaluateEstates, type Estate, type EstateStatus } from '../../../src/core';
import { BUILTIN_PROFILES, getProfile } from '../../../src/profiles';
import { makeEstate } from './make-estate';

const hefei = getProfile('hefei')!;

describe('evaluateEstates summary', () => {
  it('counts estates per overall status and verdicts per rule, summing shortfalls', () => {
    // Hefei existing: 20 m²/100 households. A: 1000 hh, 150 m² → required 200, fail 50. B: 500 hh, 0 m²
    // → required 100, fail 100. C: 1000 hh, 250 m² → pass. D: area unknown → insufficient-data.
    // Nursery places given for all so that the elderly-area rule decides the overall status.
    const estates: Estate[] = [
      makeEstate({ id: 'A', households: 1000, elderlyCareFloorArea: 150, nurseryPlaces: 100 }),
      makeEstate({ id: 'B', households: 500, elderlyCareFloorArea: 0, nurseryPlaces: 100 }),
      makeEstate({ id: 'C', households: 1000, elderlyCareFloorArea: 250, nurseryPlaces: 100 }),
      makeEstate({ id: 'D', households: 1000, nurseryPlaces: 100 }),
    ];
    const { estates: results, summary } = evaluateEstates(estates, hefei, hefei.parameters, {
      defaultStatus: 'existing',
    });
    expect(results.map((r) => r.overall)).toEqual(['fail', 'fail', 'pass', 'insufficient-data']);
    expect(summary.estates).toBe(4);
    expect(summary.overall).toEqual({ pass: 1, fail: 2, 'not-applicable': 0, 'insufficient-data': 1 });
    const existing = summary.rules.find((r) => r.rule === 'hefei.elderly-area-existing');
    expect(existing).toEqual({
      rule: 'hefei.elderly-area-existing',
      unit: 'm²',
      counts: { pass: 1, fail: 2, 'not-applicable': 0, 'insufficient-data': 1 },
      totalShortfall: 150,
      // A (1000 households) and B (500) fail
      failingHouseholds: 1500,
    });
    const newRule = summary.rules.find((r) => r.rule === 'hefei.elderly-area-new');
    expect(newRule?.counts['not-applicable']).toBe(4);
    // only estate-scope rules are summarised, in profile order
    expect(summary.rules.map((r) => r.rule)).toEqual(
      hefei.rules.filter((r) => r.scope === 'estate').map((r) => r.id),
    );
  });
});

const optionalArea = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null });
const arbitraryEstate = fc.record({
  households: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
  residents: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  status: fc.constantFrom<EstateStatus | null>('new', 'existing', null),
  elderlyCareFloorArea: optionalArea,
  elderlyCareFacilityAreas: fc.option(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 4 }), {
    nil: null,
  }),
  nurseryPlaces: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  childcareFloorArea: optionalArea,
});

describe('evaluator invariants (fast-check)', () => {
  it('one verdict per estate rule; a missing figure never passes or fails; shortfall = max(0, required − provided)', () => {
    fc.assert(
      fc.property(arbitraryEstate, fc.constantFrom(...BUILTIN_PROFILES), (fields, profile) => {
        const estate = makeEstate(fields);
        const verdicts = evaluateEstate(estate, profile, profile.parameters);
        expect(verdicts.map((v) => v.rule)).toEqual(
          profile.rules.filter((r) => r.scope === 'estate').map((r) => r.id),
        );
        for (const v of verdicts) {
          if (v.status === 'pass' || v.status === 'fail') expect(v.provided).not.toBeNull();
          if (v.required !== null && v.provided !== null) {
            expect(v.shortfall).toBeCloseTo(Math.max(0, v.required - v.provided), 6);
          } else {
            expect(v.shortfall).toBeNull();
          }
          if (v.note !== undefined) expect(v.noteZh).toBeDefined();
        }
      }),
      { seed: 20240501, numRuns: 400 },
    );
  });

  it('more elderly-care area never turns a pass into a fail', () => {
    fc.assert(
      fc.property(arbitraryEstate, fc.integer({ min: 1, max: 2000 }), (fields, extra) => {
        const area = fields.elderlyCareFloorArea;
        const sizes = fields.elderlyCareFacilityAreas;
        const before = evaluateEstate(makeEstate(fields), hefei, hefei.parameters);
        const grown = makeEstate({
          ...fields,
          // the extra area is one more room, so the list stays consistent with the total (an unknown
          // total stays unknown: it is then taken from the list)
          elderlyCareFloorArea: area === null ? null : area + extra,
          elderlyCareFacilityAreas: sizes === null ? null : [...sizes, extra],
        });
        const after = evaluateEstate(grown, hefei, hefei.parameters);
        for (const [i, v] of before.entries()) {
          const later = after[i];
          if (v.rule === 'hefei.elderly-area-existing' && v.status === 'pass')
            expect(later?.status).toBe('pass');
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
