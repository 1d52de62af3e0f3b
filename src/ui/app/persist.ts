/**
 * Autosave in IndexedDB (idb): the scenario and a few view settings under `current`, an earlier good
 * save under `previous` (one bad write cannot lose everything), street networks (the core's binary
 * graph) under their key. A reload restores both; a saved state that fails its check
 * (saved-state.ts) is kept under `previous-invalid`, never deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AppStoreApi } from '../../store/store';
import type { Scenario, ViewState } from '../../store/types';
import { networksToDelete } from './networks-to-delete';
import { checkSavedState, type RestoredState } from './saved-state';

export type SavedView = Pick<ViewState, 'lang' | 'colourBy' | 'kind' | 'layers' | 'styleUrl' | 'panel'>;

export interface SavedState {
  scenario: Scenario;
  view: SavedView;
  savedAt: number;
}

/** Keys of the `state` store. */
export const SAVED_KEYS = { current: 'current', previous: 'previous', invalid: 'previous-invalid' } as const;

interface LifeCircleDb extends DBSchema {
  // unknown, not SavedState: what comes back is checked (checkSavedState) before it is used.
  state: { key: string; value: unknown };
  networks: { key: string; value: Uint8Array };
}

let db: Promise<IDBPDatabase<LifeCircleDb>> | null = null;
const open = () =>
  (db ??= openDB<LifeCircleDb>('lifecircle', 1, {
    upgrade(d) {
      d.createObjectStore('state');
      d.createObjectStore('networks');
    },
  }));

/** What a reload restores, and what was wrong with the autosave if it could not be used. */
export interface Restored {
  state: RestoredState | null;
  /** Why `current` was not restored (it is kept under `previous-invalid`), or null. */
  problem: string | null;
  /** Where `state` came from: the last save, or the one before it when the last is invalid. */
  from: 'current' | 'previous' | null;
}

/**
 * The last autosaved state, checked. An invalid one is moved to `previous-invalid` (kept for
 * inspection, never deleted) and the save before it is restored if that one is valid.
 * @returns the state (null on a first visit, when IndexedDB is unavailable, or when nothing valid is left)
 */
export async function restoreSaved(): Promise<Restored> {
  try {
    const d = await open();
    const current = await d.get('state', SAVED_KEYS.current);
    if (current === undefined) return { state: null, problem: null, from: null };
    const check = checkSavedState(current);
    if (check.ok) return { state: check.state, problem: null, from: 'current' };
    const tx = d.transaction('state', 'readwrite');
    await tx.store.put(current, SAVED_KEYS.invalid);
    await tx.store.delete(SAVED_KEYS.current);
    const previous = checkSavedState(await tx.store.get(SAVED_KEYS.previous));
    await tx.done;
    return previous.ok
      ? { state: previous.state, problem: check.problem, from: 'previous' }
      : { state: null, problem: check.problem, from: null };
  } catch {
    return { state: null, problem: null, from: null };
  }
}

/** The network key the autosaved scenario refers to, if the record has one. */
function networkKeyOf(saved: unknown): string | undefined {
  const key = (saved as { scenario?: { network?: { key?: unknown } | null } } | undefined)?.scenario?.network
    ?.key;
  return typeof key === 'string' ? key : undefined;
}

/**
 * Stores a street network's graph, then deletes stored networks nobody needs any more (not the
 * autosaved scenario's, not among the latest; see networksToDelete), in one transaction so a
 * concurrent autosave cannot slip a reference in between.
 * @param key the network's key (NetworkRef.key)
 * @param graphBytes the core's binary graph
 */
export async function saveNetwork(key: string, graphBytes: Uint8Array): Promise<void> {
  const tx = (await open()).transaction(['networks', 'state'], 'readwrite');
  const networks = tx.objectStore('networks');
  await networks.put(graphBytes, key);
  const [stored, saved] = await Promise.all([
    networks.getAllKeys(),
    tx.objectStore('state').get(SAVED_KEYS.current),
  ]);
  const doomed = networksToDelete(stored, key, [networkKeyOf(saved)]);
  await Promise.all(doomed.map((k) => networks.delete(k)));
  await tx.done;
}

export async function loadNetwork(key: string): Promise<Uint8Array | null> {
  try {
    return (await (await open()).get('networks', key)) ?? null;
  } catch {
    return null;
  }
}

/** Forgets the saved scenario (the next load opens the demo). */
export async function clearSaved(): Promise<void> {
  await (await open()).delete('state', SAVED_KEYS.current);
}

/**
 * How often the autosave refreshes `previous` (and on a page's first save). Not on every save: that
 * would read and write the whole scenario twice more per edit, which on a city of 150,000 estates
 * blocks the page; and `previous` is meant to be older than a bad write, not a copy of it.
 */
const PREVIOUS_EVERY_MS = 5 * 60_000;
let previousAt = -Infinity;

/**
 * Writes `state` as the new `current`. On the page's first save and every PREVIOUS_EVERY_MS after,
 * the `current` it replaces becomes `previous` if it passes checkSavedState (the last good one), in
 * the same transaction.
 * @param state the record to write
 */
async function writeCurrent(state: SavedState): Promise<void> {
  const tx = (await open()).transaction('state', 'readwrite');
  if (Date.now() - previousAt >= PREVIOUS_EVERY_MS) {
    const last: unknown = await tx.store.get(SAVED_KEYS.current);
    if (last !== undefined && checkSavedState(last).ok) await tx.store.put(last, SAVED_KEYS.previous);
    previousAt = Date.now();
  }
  await tx.store.put(state, SAVED_KEYS.current);
  await tx.done;
}

/**
 * Changes the base-map URL of the autosaved state (Settings, before the page reloads so its
 * Content-Security-Policy allows the new host; see connect-policy.ts).
 * @param styleUrl the new URL ('' for the offline base map)
 * @throws when there is no autosaved state or IndexedDB fails
 */
export async function saveStyleUrl(styleUrl: string): Promise<void> {
  const last = await (await open()).get('state', SAVED_KEYS.current);
  const check = checkSavedState(last);
  if (!check.ok) throw new Error(`no usable autosave to keep the base map in (${check.problem})`);
  const { scenario, view } = last as SavedState;
  await writeCurrent({ scenario, view: { ...view, styleUrl }, savedAt: Date.now() });
}

/** An error as a short line for a notice (a DOMException's name says what IndexedDB refused). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Saves the scenario and view settings shortly after each change.
 * @param store the app store
 * @param delayMs debounce
 * @returns unsubscribe; `flush()` saves at once (used before reload in tests and on pagehide)
 */
export function startAutosave(store: AppStoreApi, delayMs = 250): { stop(): void; flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    clearTimeout(timer);
    timer = undefined;
    const { scenario, view } = store.getState();
    if (scenario.id === 'empty') return;
    const { lang, colourBy, kind, layers, styleUrl, panel } = view;
    try {
      await writeCurrent({
        scenario,
        view: { lang, colourBy, kind, layers, styleUrl, panel },
        savedAt: Date.now(),
      });
    } catch (error) {
      store
        .getState()
        .dispatch({ type: 'results/notice', notice: { key: 'notice.saveFailed', detail: errorText(error) } });
    }
  };
  const unsubscribe = store.subscribe(
    (s) => [
      s.scenario,
      s.view.lang,
      s.view.colourBy,
      s.view.kind,
      s.view.layers,
      s.view.styleUrl,
      s.view.panel,
    ],
    () => {
      clearTimeout(timer);
      timer = setTimeout(save, delayMs);
    },
    { equalityFn: (a, b) => a.every((x, k) => x === b[k]) },
  );
  const onHide = () => void save();
  window.addEventListener('pagehide', onHide);
  return {
    stop: () => {
      unsubscribe();
      window.removeEventListener('pagehide', onHide);
    },
    flush: save,
  };
}
