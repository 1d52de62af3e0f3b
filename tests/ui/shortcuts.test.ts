/** Keyboard shortcuts decide the right action, and never fire while typing in a field. */
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/store/initial-state';
import type { AppStore } from '../../src/store/store';
import { shortcutFor } from '../../src/ui/app/shortcuts';

const state = (over: Partial<AppStore['view']> = {}) => {
  const s = initialState();
  return { ...s, view: { ...s.view, ...over }, dispatch: () => undefined } as AppStore;
};
const key = (
  k: string,
  mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; target?: unknown } = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  target: (mods.target ?? null) as EventTarget | null,
});

describe('shortcutFor', () => {
  it('maps Ctrl/⌘+Z, Ctrl+Shift+Z and Ctrl+Y to undo and redo', () => {
    expect(shortcutFor(key('z', { ctrl: true }), state())).toEqual({ type: 'history/undo' });
    expect(shortcutFor(key('Z', { ctrl: true, shift: true }), state())).toEqual({ type: 'history/redo' });
    expect(shortcutFor(key('z', { meta: true }), state())).toEqual({ type: 'history/undo' });
    expect(shortcutFor(key('y', { ctrl: true }), state())).toEqual({ type: 'history/redo' });
    expect(shortcutFor(key('z'), state())).toBeNull();
  });

  it('Escape leaves the add tool first, then clears the selection', () => {
    expect(shortcutFor(key('Escape'), state({ tool: 'add' }))).toEqual({ type: 'view/add-tool', kind: null });
    expect(shortcutFor(key('Escape'), state({ selected: { type: 'estate', id: 'e' } }))).toEqual({
      type: 'view/select',
      selection: null,
    });
    expect(shortcutFor(key('Escape'), state())).toBeNull();
  });

  it('does nothing but Escape while typing in a field', () => {
    const input = { tagName: 'INPUT' };
    expect(shortcutFor(key('z', { ctrl: true, target: input }), state())).toBeNull();
    expect(
      shortcutFor(key('Delete', { target: input }), state({ selected: { type: 'facility', id: 'f' } })),
    ).toBeNull();
    expect(shortcutFor(key('Escape', { target: input }), state({ tool: 'add' }))).toEqual({
      type: 'view/add-tool',
      kind: null,
    });
  });

  it('Delete removes the selected facility only', () => {
    expect(shortcutFor(key('Delete'), state({ selected: { type: 'facility', id: 'f' } }))).toEqual({
      type: 'facility/remove',
      id: 'f',
    });
    expect(shortcutFor(key('Delete'), state({ selected: { type: 'estate', id: 'e' } }))).toBeNull();
  });
});
