/** 新建方案 and importing estates into the synthetic demo: the demo's facilities are kept only when asked. */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { initialState } from '../../src/store/initial-state';
import { reduce } from '../../src/store/reduce';
import type { AppState } from '../../src/store/types';
import { estate, scenario } from './fixtures';

const districts: FeatureCollection = { type: 'FeatureCollection', features: [] };
const demo = (): AppState =>
  reduce(initialState(), {
    type: 'scenario/load',
    scenario: { ...scenario(), synthetic: true, districts, profileId: 'shanghai', overrides: { x: 2 } },
  });

describe('new scenario and the demo on import', () => {
  it('drops the demo facilities and districts when told, and undo brings them back', () => {
    const s = reduce(demo(), { type: 'estates/replace', estates: [estate('real')], demo: 'drop' });
    expect(s.scenario.facilities).toEqual([]);
    expect(s.scenario.districts).toBeNull();
    expect(s.scenario.synthetic).toBe(false);
    expect(s.scenario.estates.map((e) => e.id)).toEqual(['real']);
    const back = reduce(s, { type: 'history/undo' });
    expect(back.scenario.facilities.map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(back.scenario.synthetic).toBe(true);
  });

  it('stays synthetic when a real street network is imported, so the estate import still asks', () => {
    const s = reduce(demo(), {
      type: 'network/set',
      network: { source: 'file', fileName: 'roads.osm', key: 'k1', report: null },
      bounds: null,
    });
    expect(s.scenario.synthetic).toBe(true);
    expect(s.scenario.facilities).toHaveLength(2);
    const dropped = reduce(s, { type: 'estates/replace', estates: [estate('real')], demo: 'drop' });
    expect(dropped.scenario.facilities).toEqual([]);
    expect(dropped.scenario.network?.fileName).toBe('roads.osm');
  });

  it('keeps them when told to keep, and never drops facilities of a non-demo scenario', () => {
    const kept = reduce(demo(), { type: 'estates/replace', estates: [estate('real')], demo: 'keep' });
    expect(kept.scenario.facilities).toHaveLength(2);
    expect(kept.scenario.districts).toBe(districts);
    const own = reduce(reduce(initialState(), { type: 'scenario/load', scenario: scenario() }), {
      type: 'estates/replace',
      estates: [estate('real')],
      demo: 'drop',
    });
    expect(own.scenario.facilities).toHaveLength(2);
  });

  it('a new scenario is empty, keeps the profile and its parameters, and is undoable', () => {
    const s = reduce(demo(), { type: 'scenario/new', id: 'n1', name: '新方案' });
    expect(s.scenario).toMatchObject({ id: 'n1', name: '新方案', synthetic: false, profileId: 'shanghai' });
    expect(s.scenario.overrides).toEqual({ x: 2 });
    expect(s.scenario.estates).toEqual([]);
    expect(s.scenario.facilities).toEqual([]);
    expect(s.scenario.network).toBeNull();
    expect(s.scenario.districts).toBeNull();
    expect(reduce(s, { type: 'history/undo' }).scenario.facilities).toHaveLength(2);
  });
});
