/**
 * The Zustand store: state plus `dispatch`. subscribeWithSelector lets the MapController and the
 * analysis runner subscribe to slices outside React (style.md).
 */
import { createStore, useStore } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Action } from './actions';
import { initialState } from './initial-state';
import { reduce } from './reduce';
import type { AppState } from './types';

export interface AppStore extends AppState {
  dispatch: (action: Action) => void;
}

/**
 * Creates a store (one per app; tests make their own).
 * @param state the starting state
 * @returns a vanilla Zustand store whose only writer is `dispatch`
 */
export function createAppStore(state: AppState = initialState()) {
  return createStore<AppStore>()(
    subscribeWithSelector((set, get) => ({
      ...state,
      dispatch: (action: Action) => {
        const current = get();
        const next = reduce(current, action);
        if (next !== current) set(next);
      },
    })),
  );
}

export type AppStoreApi = ReturnType<typeof createAppStore>;

/** The app's store. */
export const appStore: AppStoreApi = createAppStore();

/** React hook: select a slice of the app store. */
export const useApp = <T>(selector: (s: AppStore) => T): T => useStore(appStore, selector);

/** Shorthand for `appStore.getState().dispatch`. */
export const dispatch = (action: Action): void => appStore.getState().dispatch(action);
