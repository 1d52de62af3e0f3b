/** Suggest sites in the store: the proposal slice, accepting sites as one undoable edit, candidates. */
import { describe, expect, it } from 'vitest';
import { acceptSites, isAccepted } from '../../src/store/accept-sites';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import type { ProposalView } from '../../src/store/siting-types';
import type { AppState } from '../../src/store/types';
import { siteCandidates } from '../../src/ui/app/suggest-sites';
import { proposalGeoJson, proposalTable } from '../../src/core/siting';
import { toCsv } from '../../src/ui/app/exports';
import { facility, scenario } from './fixtures';

const proposal = (over: Partial<ProposalView> = {}): ProposalView => ({
  model: 'mclp',
  kind: 'nursery',
  objective: 900,
  coveredBefore: 1000,
  coveredAfter: 1900,
  sites: [
    { id: 'n1', lon: 117.25, lat: 31.8, gain: 600, households: 600, estates: 2, estateIds: ['e1', 'e2'] },
    { id: 'n2', lon: 117.26, lat: 31.81, gain: 300, households: 300, estates: 1, estateIds: ['e3'] },
  ],
  bound: 945,
  gapPct: 5,
  method: 'bounded',
  seconds: { total: 0.4 },
  candidates: { given: 10, usable: 9, offNetwork: 1, reduced: 4 },
  demand: { estates: 3, offNetwork: 0, unreachable: 0 },
  unit: 'households',
  weights: [{ kind: 'nursery', minutes: 15, weight: 1 }],
  unreachableEstateIds: [],
  offNetworkCandidateIds: [],
  errors: [],
  warnings: [],
  ...over,
});

const loaded = (): AppState => reduce(initialState(), { type: 'scenario/load', scenario: scenario() });

describe('siting in the store', () => {
  it('keeps the first answer, then the final one, and the highlight while the site is still proposed', () => {
    let s = loaded();
    s = reduce(s, { type: 'siting/proposal', proposal: proposal(), final: false });
    expect(s.results.siting).toMatchObject({ final: false, highlight: null });
    s = reduce(s, { type: 'siting/highlight', siteId: 'n2' });
    expect(s.results.siting!.highlight).toBe('n2');
    s = reduce(s, { type: 'siting/proposal', proposal: proposal({ method: 'exact' }), final: true });
    expect(s.results.siting).toMatchObject({ final: true, highlight: 'n2' });
    const moved = proposal({ sites: [proposal().sites[0]!] });
    s = reduce(s, { type: 'siting/proposal', proposal: moved, final: true });
    expect(s.results.siting!.highlight).toBeNull();
    expect(reduce(s, { type: 'siting/clear' }).results.siting).toBeNull();
    // Loading another scenario drops a proposal made for this one.
    s = reduce(s, { type: 'scenario/load', scenario: scenario() });
    expect(s.results.siting).toBeNull();
  });

  it('accepts all sites as planned facilities in one edit that one undo takes back', () => {
    const s0 = loaded();
    const action = acceptSites(s0.scenario, proposal(), ['n1', 'n2'], () => '新建 托育机构', null)!;
    const s1 = reduce(s0, action);
    const added = s1.scenario.facilities.slice(2);
    expect(added.map((f) => [f.id, f.kind, f.status, f.location])).toEqual([
      ['new-1', 'nursery', 'planned', [117.25, 31.8]],
      ['new-2', 'nursery', 'planned', [117.26, 31.81]],
    ]);
    expect(added.map((f) => f.properties.sitingSite)).toEqual(['n1', 'n2']);
    expect(proposal().sites.every((x) => isAccepted(s1.scenario, 'nursery', x))).toBe(true);
    // A second accept adds nothing: they are already there.
    expect(acceptSites(s1.scenario, proposal(), ['n1', 'n2'], () => 'x', null)).toBeNull();
    const back = reduce(s1, { type: 'history/undo' });
    expect(back.scenario.facilities.map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(isAccepted(back.scenario, 'nursery', proposal().sites[0]!)).toBe(false);
  });

  it('accepts one site, with the capacitated model capacity in the kind field', () => {
    const s0 = loaded();
    const action = acceptSites(s0.scenario, proposal(), ['n2'], () => 'N', { field: 'places', value: 80 })!;
    const s1 = reduce(s0, action);
    expect(s1.scenario.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'new-1']);
    expect(s1.scenario.facilities[2]!.capacity.places).toBe(80);
    expect(s1.scenario.facilities[2]!.location).toEqual([117.26, 31.81]);
  });

  it('accepts a joint site (综合体) as one planned facility of each kind, in one undoable edit', () => {
    const s0 = loaded();
    const joint = {
      ...proposal(),
      weights: [
        { kind: 'nursery' as const, minutes: 5, weight: 1 },
        { kind: 'elderly-daycare' as const, minutes: 15, weight: 2 },
      ],
    };
    const s1 = reduce(
      s0,
      acceptSites(s0.scenario, joint, ['n1'], (k) => `new ${k}`, null)!,
    );
    const added = s1.scenario.facilities.slice(2);
    expect(added.map((f) => [f.kind, f.name, f.location])).toEqual([
      ['nursery', 'new nursery 1', [117.25, 31.8]],
      ['elderly-daycare', 'new elderly-daycare 2', [117.25, 31.8]],
    ]);
    expect(reduce(s1, { type: 'history/undo' }).scenario.facilities).toHaveLength(2);
  });

  it('uses the planned facilities of the kind as drawn candidates, not as existing ones', () => {
    const planned = { ...facility('p1', 117.3, 31.9), status: 'planned' as const };
    const other = { ...facility('p2'), status: 'planned' as const, kind: 'elderly-home' as const };
    const all = [facility('f1'), planned, other];
    const drawn = siteCandidates(all, { kind: 'nursery', candidates: 'drawn' }, null);
    expect(drawn.candidates).toEqual([{ id: 'p1', location: [117.3, 31.9] }]);
    expect(drawn.facilities.map((f) => f.id)).toEqual(['f1', 'p2']);
    const auto = siteCandidates(all, { kind: 'nursery', candidates: 'auto' }, null);
    expect(auto).toEqual({ facilities: all, candidates: 'auto' });
  });

  it('exports the proposal as GeoJSON points and a CSV row per site', () => {
    const fc = proposalGeoJson(proposal());
    expect(fc.features.map((f) => [f.geometry, f.properties?.rank])).toEqual([
      [{ type: 'Point', coordinates: [117.25, 31.8] }, 1],
      [{ type: 'Point', coordinates: [117.26, 31.81] }, 2],
    ]);
    expect(fc.proposal).toMatchObject({ coveredAfter: 1900, gapPct: 5, method: 'bounded' });
    const lines = toCsv(proposalTable(proposal(), 'en')).split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffrank,id,lon,lat,gain,households,estates,estate ids,model,kind,covered before,covered after,bound,gap (%),method',
    );
    expect(lines[1]).toBe('1,n1,117.25,31.8,600,600,2,e1 e2,mclp,nursery,1000,1900,945,5,bounded');
    expect(toCsv(proposalTable(proposal(), 'zh')).startsWith('\ufeff序号,编号')).toBe(true);
  });
});
