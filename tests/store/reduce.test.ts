/** The root reducer, without React: edits, undo/redo, selection hygiene, jobs. */
import { describe, expect, it } from 'vitest';
import { lngLat } from '../../src/core';
import { HISTORY_LIMIT } from '../../src/store/history';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import type { AppState } from '../../src/store/types';
import { facility, scenario } from './fixtures';

const loaded = (): AppState => reduce(initialState(), { type: 'scenario/load', scenario: scenario() });

describe('reduce', () => {
  it('adds, moves and removes facilities without mutating the previous state', () => {
    const s0 = loaded();
    const frozen = JSON.stringify(s0.scenario);
    const s1 = reduce(s0, { type: 'facility/add', facility: facility('f3') });
    expect(s1.scenario.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    const s2 = reduce(s1, { type: 'facility/move', id: 'f3', location: lngLat(117.25, 31.81) });
    expect(s2.scenario.facilities[2]!.location).toEqual([117.25, 31.81]);
    const s3 = reduce(s2, { type: 'facility/remove', id: 'f1' });
    expect(s3.scenario.facilities.map((f) => f.id)).toEqual(['f2', 'f3']);
    expect(JSON.stringify(s0.scenario)).toBe(frozen);
    expect(s1.scenario.facilities[2]!.location).toEqual([117.23, 31.79]);
  });

  it('returns the same state for edits that change nothing (no empty undo steps)', () => {
    const s0 = loaded();
    expect(reduce(s0, { type: 'facility/remove', id: 'nope' })).toBe(s0);
    expect(reduce(s0, { type: 'facility/move', id: 'f1', location: lngLat(117.23, 31.79) })).toBe(s0);
    expect(reduce(s0, { type: 'facility/add', facility: facility('f1') })).toBe(s0);
    expect(reduce(s0, { type: 'history/undo' })).toBe(s0);
  });

  it('undoes and redoes in order, and a new edit clears the redo stack', () => {
    let s = loaded();
    s = reduce(s, { type: 'facility/add', facility: facility('f3') });
    s = reduce(s, {
      type: 'facility/update',
      id: 'f3',
      patch: { kind: 'elderly-daycare', capacity: { places: 80 } },
    });
    expect(s.scenario.facilities[2]).toMatchObject({
      kind: 'elderly-daycare',
      capacity: { places: 80, floorArea: 500 },
    });
    s = reduce(s, { type: 'history/undo' });
    expect(s.scenario.facilities[2]!.kind).toBe('nursery');
    s = reduce(s, { type: 'history/undo' });
    expect(s.scenario.facilities).toHaveLength(2);
    s = reduce(s, { type: 'history/redo' });
    expect(s.scenario.facilities).toHaveLength(3);
    expect(s.history.future).toHaveLength(1);
    s = reduce(s, { type: 'facility/remove', id: 'f1' });
    expect(s.history.future).toHaveLength(0);
    expect(reduce(s, { type: 'history/redo' })).toBe(s);
  });

  it('clears a selection whose facility disappears, by delete or by undo', () => {
    let s = loaded();
    s = reduce(s, { type: 'facility/add', facility: facility('f3') });
    s = reduce(s, { type: 'view/select', selection: { type: 'facility', id: 'f3' } });
    expect(s.view.selected).toEqual({ type: 'facility', id: 'f3' });
    expect(reduce(s, { type: 'facility/remove', id: 'f3' }).view.selected).toBeNull();
    expect(reduce(s, { type: 'history/undo' }).view.selected).toBeNull();
    expect(
      reduce(s, { type: 'view/select', selection: { type: 'estate', id: 'missing' } }).view.selected,
    ).toBeNull();
  });

  it('selecting a facility opens its editor in the what-if panel; an estate keeps the panel', () => {
    let s = reduce(loaded(), { type: 'view/set', patch: { panel: 'coverage' } });
    const estate = reduce(s, { type: 'view/select', selection: { type: 'estate', id: 'e1' } });
    expect(estate.view).toMatchObject({ panel: 'coverage', selected: { type: 'estate', id: 'e1' } });
    s = reduce(s, { type: 'view/select', selection: { type: 'facility', id: 'f1' } });
    expect(s.view).toMatchObject({ panel: 'whatif', selected: { type: 'facility', id: 'f1' } });
    // A facility that does not exist selects nothing and moves nowhere.
    const none = reduce(estate, { type: 'view/select', selection: { type: 'facility', id: 'missing' } });
    expect(none.view).toMatchObject({ panel: 'coverage', selected: null });
  });

  it('a pick in a list asks the map to centre on it; a click on the map does not', () => {
    const s0 = loaded();
    const e1 = s0.scenario.estates.find((e) => e.id === 'e1')!;
    const f1 = s0.scenario.facilities.find((f) => f.id === 'f1')!;
    const s1 = reduce(s0, { type: 'view/select', selection: { type: 'estate', id: 'e1' } });
    expect(s1.view.reveal).toEqual({ at: [e1.location![0], e1.location![1]], seq: 1 });
    // The same estate again (after the user panned away) is a new request.
    const s2 = reduce(s1, { type: 'view/select', selection: { type: 'estate', id: 'e1' } });
    expect(s2.view.reveal?.seq).toBe(2);
    const s3 = reduce(s2, { type: 'view/select', selection: { type: 'facility', id: 'f1' } });
    expect(s3.view.reveal).toEqual({ at: [f1.location[0], f1.location[1]], seq: 3 });
    // Clicked on the map (or placed there), closed, or gone: the map stays where it is.
    const clicked = reduce(s3, {
      type: 'view/select',
      selection: { type: 'estate', id: 'e1' },
      reveal: false,
    });
    expect(clicked.view.selected).toEqual({ type: 'estate', id: 'e1' });
    expect(clicked.view.reveal).toBe(s3.view.reveal);
    expect(reduce(s3, { type: 'view/select', selection: null }).view.reveal).toBe(s3.view.reveal);
    const missing = reduce(s3, { type: 'view/select', selection: { type: 'estate', id: 'missing' } });
    expect(missing.view.reveal).toBe(s3.view.reveal);
    // A proposed site (not in the scenario) is shown by its point.
    expect(reduce(s3, { type: 'view/reveal', at: [117.3, 31.9] }).view.reveal).toEqual({
      at: [117.3, 31.9],
      seq: 4,
    });
  });

  it('keeps the network’s extent when an estate import moves the map’s bounds', () => {
    const extent = [117.2, 31.7, 117.3, 31.9] as const;
    let s = reduce(loaded(), {
      type: 'network/set',
      network: { source: 'file', fileName: 'roads.osm', key: 'k', report: null, extent: [...extent] },
      bounds: [...extent],
    });
    const report = {
      nodes: 1,
      edges: 1,
      droppedNodes: 0,
      droppedComponents: 0,
      componentSizes: [1],
      waysRead: 1,
      waysUsed: 1,
    };
    // A restored network's report brings its extent again (a saved scenario may have none).
    s = reduce(s, { type: 'network/report', report, bounds: [117.1, 31.6, 117.4, 32] });
    expect(s.scenario.network?.extent).toEqual([117.1, 31.6, 117.4, 32]);
    s = reduce(s, {
      type: 'estates/replace',
      estates: [{ ...s.scenario.estates[0]!, location: lngLat(121.5, 31.2) }],
    });
    expect(s.scenario.bounds).toEqual([121.5, 31.2, 121.5, 31.2]);
    expect(s.scenario.network?.extent).toEqual([117.1, 31.6, 117.4, 32]);
  });

  it('keeps at most HISTORY_LIMIT undo steps', () => {
    let s = loaded();
    for (let k = 0; k < HISTORY_LIMIT + 20; k++) {
      s = reduce(s, { type: 'facility/move', id: 'f1', location: lngLat(117 + k / 1000, 31.8) });
    }
    expect(s.history.past).toHaveLength(HISTORY_LIMIT);
    expect(s.history.past[0]!.facilities[0]!.location[0]).toBeCloseTo(117.019, 9);
  });

  it('resets overrides when the profile changes, and removes an override set to null', () => {
    let s = loaded();
    s = reduce(s, { type: 'parameter/set', name: 'personsPerHousehold', value: 3.1 });
    expect(s.scenario.overrides).toEqual({ personsPerHousehold: 3.1 });
    expect(
      reduce(s, { type: 'parameter/set', name: 'personsPerHousehold', value: null }).scenario.overrides,
    ).toEqual({});
    s = reduce(s, { type: 'profile/set', profileId: 'henan' });
    expect(s.scenario).toMatchObject({ profileId: 'henan', overrides: {} });
  });

  it('tracks jobs, and loading a scenario clears history and results', () => {
    let s = loaded();
    s = reduce(s, { type: 'job/start', job: { id: 'j', label: 'jobs.network', progress: null } });
    s = reduce(s, { type: 'job/progress', id: 'j', progress: 0.5 });
    expect(s.results.jobs).toEqual([{ id: 'j', label: 'jobs.network', progress: 0.5 }]);
    s = reduce(s, { type: 'job/end', id: 'j' });
    expect(s.results.jobs).toEqual([]);
    s = reduce(s, { type: 'facility/remove', id: 'f1' });
    s = reduce(s, { type: 'results/coverage', coverage: { byKind: {} } });
    s = reduce(s, { type: 'scenario/load', scenario: scenario() });
    expect(s.history.past).toHaveLength(0);
    expect(s.results.coverage).toBeNull();
  });

  it('a job keeps the last phase it was told, and its progress follows each report', () => {
    let s = loaded();
    s = reduce(s, { type: 'job/start', job: { id: 'j', label: 'jobs.network', progress: null } });
    s = reduce(s, { type: 'job/progress', id: 'j', progress: 0.2, phase: 'read' });
    s = reduce(s, { type: 'job/progress', id: 'j', progress: 0.4 });
    expect(s.results.jobs).toEqual([{ id: 'j', label: 'jobs.network', progress: 0.4, phase: 'read' }]);
    s = reduce(s, { type: 'job/progress', id: 'j', progress: 0.9, phase: 'build' });
    expect(s.results.jobs[0]).toMatchObject({ progress: 0.9, phase: 'build' });
  });

  it('the add tool remembers its kind and returns to select', () => {
    let s = loaded();
    s = reduce(s, { type: 'view/add-tool', kind: 'elderly-station' });
    expect(s.view).toMatchObject({ tool: 'add', addKind: 'elderly-station', kind: 'elderly-station' });
    s = reduce(s, { type: 'view/add-tool', kind: null });
    expect(s.view).toMatchObject({ tool: 'select', addKind: 'elderly-station' });
  });
});

describe('fit to imported data (#12)', () => {
  it('sets the scenario bounds to the located estates or facilities an import brings, and keeps them otherwise', () => {
    const s0 = loaded();
    const at = (id: string, location: [number, number] | null) => ({
      ...scenario().estates[0]!,
      id,
      location: location && lngLat(location[0], location[1]),
    });
    const s1 = reduce(s0, {
      type: 'estates/replace',
      estates: [at('a', [121.4, 31.1]), at('b', null), at('c', [121.6, 31.3])],
    });
    expect(s1.scenario.bounds).toEqual([121.4, 31.1, 121.6, 31.3]);
    const s2 = reduce(s1, { type: 'estates/replace', estates: [at('d', null)] });
    expect(s2.scenario.bounds).toEqual([121.4, 31.1, 121.6, 31.3]);
    const s3 = reduce(s2, {
      type: 'facilities/replace',
      facilities: [{ ...facility('g'), location: lngLat(120, 30) }],
      mode: 'append',
    });
    expect(s3.scenario.bounds).toEqual([120, 30, 120, 30]);
  });
});
