/** The autosave check (issue #13): valid records restore unchanged, each kind of damage is named. */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/profiles';
import { checkSavedState } from '../../src/ui/app/saved-state';
import { estate, facility, scenario } from '../store/fixtures';

const view = {
  lang: 'en',
  colourBy: 'minutes',
  kind: 'nursery',
  panel: 'whatif',
  styleUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  layers: {
    streets: true,
    estates: true,
    facilities: false,
    serviceAreas: true,
    underserved: true,
    districts: false,
  },
};
const record = () => ({
  scenario: { ...scenario(), estates: [estate('a'), estate('b')], facilities: [facility('f1')] },
  view: structuredClone(view),
  savedAt: 1_765_000_000_000,
});

/** The problem found after `damage` changed a fresh record. */
function problemAfter(damage: (r: ReturnType<typeof record> & Record<string, unknown>) => void): string {
  const r = record();
  damage(r as never);
  const check = checkSavedState(r);
  if (check.ok) throw new Error('the damaged record was accepted');
  return check.problem;
}

describe('checkSavedState', () => {
  it('accepts a well-formed record and returns its scenario and view unchanged', () => {
    const r = record();
    const check = checkSavedState(r);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.state.scenario).toBe(r.scenario);
    expect(check.state.view).toEqual(view);
    expect(check.state.savedAt).toBe(r.savedAt);
  });

  it('accepts a scenario on one of its own user profiles, and refuses an id no profile has', () => {
    const hefei = structuredClone(getProfile('hefei')!);
    // A user profile's rule ids carry its own id (parseRuleProfile checks it).
    const own = {
      ...hefei,
      id: 'mycity',
      rules: hefei.rules.map((r) => ({ ...r, id: r.id.replace(/^hefei\./, 'mycity.') })),
    };
    const r = record();
    const withOwn = { ...r, scenario: { ...r.scenario, profileId: 'mycity', userProfiles: [own] } };
    const check = checkSavedState(withOwn);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.state.scenario.profileId).toBe('mycity');
    expect(
      problemAfter((x) => {
        (x.scenario as { profileId: string }).profileId = 'nowhere';
      }),
    ).toContain('unknown rule profile');
  });

  it('refuses what is not a record or has no scenario', () => {
    for (const raw of [null, 'x', 42, [], { view }, { scenario: 'x' }, { scenario: [] }]) {
      const check = checkSavedState(raw);
      expect(check.ok, JSON.stringify(raw)).toBe(false);
    }
    expect(checkSavedState({ scenario: 7 })).toMatchObject({
      problem: expect.stringContaining('"scenario"'),
    });
  });

  it('names the list, record and field at fault', () => {
    expect(problemAfter((r) => void (r.scenario.estates = 'many' as never))).toMatch(
      /scenario\.estates.*list/,
    );
    expect(problemAfter((r) => void (r.scenario.facilities = [null as never]))).toMatch(/facilities\[1\]/);
    expect(problemAfter((r) => void (r.scenario.estates[1]!.households = 'lots' as never))).toBe(
      'estate 2 (id "b"): field "households" cannot be read (found "lots")',
    );
    expect(problemAfter((r) => void (r.scenario.estates[0]!.residents = Number.NaN))).toMatch(
      /estate 1 .*"residents".*NaN/,
    );
    expect(problemAfter((r) => void (r.scenario.estates[0]!.status = 'built' as never))).toMatch(/"status"/);
    expect(problemAfter((r) => void (r.scenario.facilities[0]!.kind = 'school' as never))).toMatch(
      /feature 3: field "kind" must be one of/,
    );
    expect(problemAfter((r) => void (r.scenario.facilities[0]!.status = 'gone' as never))).toMatch(
      /facility 1 \(id "f1"\): field "status"/,
    );
    expect(
      problemAfter((r) => void (r.scenario.facilities[0]!.capacity = { places: '60' } as never)),
    ).toMatch(/field "capacity"/);
  });

  it('refuses coordinates that are not finite numbers', () => {
    expect(problemAfter((r) => void (r.scenario.estates[0]!.location = [null, null] as never))).toMatch(
      /"location" must be two finite numbers/,
    );
    expect(problemAfter((r) => void (r.scenario.facilities[0]!.location = [117, Infinity] as never))).toMatch(
      /finite coordinates/,
    );
    expect(
      problemAfter((r) => void (r.scenario.estates[0]!.geometry = { type: 'Point', coordinates: [NaN, 1] })),
    ).toMatch(/"geometry" must have finite coordinates/);
  });

  it('checks the scenario-wide fields', () => {
    expect(problemAfter((r) => void (r.scenario.profileId = 'atlantis'))).toMatch(
      /unknown rule profile "atlantis"/,
    );
    expect(problemAfter((r) => void (r.scenario.overrides = { walkingSpeed: 'fast' } as never))).toMatch(
      /overrides/,
    );
    expect(problemAfter((r) => void (r.scenario.defaultStatus = 'maybe' as never))).toMatch(/defaultStatus/);
    expect(problemAfter((r) => void (r.scenario.bounds = [1, 2, 3] as never))).toMatch(/bounds/);
    expect(problemAfter((r) => void (r.scenario.synthetic = 'yes' as never))).toMatch(/synthetic/);
    expect(problemAfter((r) => void (r.scenario.districts = { type: 'FeatureCollection' } as never))).toMatch(
      /districts/,
    );
    expect(
      problemAfter(
        (r) =>
          void (r.scenario.network = { source: 'ftp', fileName: 'x.osm', key: 'x', report: null } as never),
      ),
    ).toMatch(/network\.source/);
    expect(problemAfter((r) => void (r.scenario.network = { fileName: 3 } as never))).toMatch(/network/);
  });

  it('keeps only the valid view settings (a bad setting never costs the scenario)', () => {
    const r = record() as Record<string, unknown>;
    r.view = {
      lang: 'fr',
      colourBy: 'minutes',
      kind: 'school',
      panel: 42,
      styleUrl: 9,
      layers: { streets: 1 },
    };
    const check = checkSavedState(r);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.state.view).toEqual({ colourBy: 'minutes' });
    expect(checkSavedState({ ...record(), view: null })).toMatchObject({ ok: true, state: { view: {} } });
  });
});
