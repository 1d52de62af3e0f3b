/** Keyboard: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Esc leaves the add tool or closes a selection, Delete removes the selected facility. */
import type { AppStoreApi } from '../../store/store';

/** True when keys go into a form field (shortcuts must not steal them). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return (
    !!el && (el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? ''))
  );
}

/**
 * Decides what a key press does.
 * @returns the action to dispatch, or null
 */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>,
  state: ReturnType<AppStoreApi['getState']>,
): Parameters<ReturnType<AppStoreApi['getState']>['dispatch']>[0] | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.key === 'Escape') {
    if (state.view.tool === 'add') return { type: 'view/add-tool', kind: null };
    if (state.view.selected) return { type: 'view/select', selection: null };
    return null;
  }
  if (isTyping(e.target)) return null;
  if (mod && key === 'z') return { type: e.shiftKey ? 'history/redo' : 'history/undo' };
  if (mod && key === 'y') return { type: 'history/redo' };
  if ((e.key === 'Delete' || e.key === 'Backspace') && state.view.selected?.type === 'facility') {
    return { type: 'facility/remove', id: state.view.selected.id };
  }
  return null;
}

/** Listens on the window; returns the function that stops listening. */
export function installShortcuts(store: AppStoreApi): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = shortcutFor(e, store.getState());
    if (!action) return;
    e.preventDefault();
    store.getState().dispatch(action);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
