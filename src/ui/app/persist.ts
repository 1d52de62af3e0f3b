/**
 * Autosave in IndexedDB (idb): the scenario and a few view settings under `current`, street
 * networks (the core's binary graph) under their key. A reload restores both.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AppStoreApi } from '../../store/store';
import type { Scenario, ViewState } from '../../store/types';
import { networksToDelete } from './networks-to-delete';

export type SavedView = Pick<ViewState, 'lang' | 'colourBy' | 'kind' | 'layers' | 'styleUrl' | 'panel'>;

export interface SavedState {
  scenario: Scenario;
  view: SavedView;
  savedAt: number;
}

interface LifeCircleDb extends DBSchema {
  state: { key: string; value: SavedState };
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

/** The last autosaved state, or null (first visit, or IndexedDB unavailable). */
export async function loadSaved(): Promise<SavedState | null> {
  try {
    return (await (await open()).get('state', 'current')) ?? null;
  } catch {
    return null;
  }
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
  const [stored, saved] = await Promise.all([networks.getAllKeys(), tx.objectStore('state').get('current')]);
  const doomed = networksToDelete(stored, key, [saved?.scenario.network?.key]);
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
  await (await open()).delete('state', 'current');
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
      await (
        await open()
      ).put(
        'state',
        { scenario, view: { lang, colourBy, kind, layers, styleUrl, panel }, savedAt: Date.now() },
        'current',
      );
    } catch (error) {
      store
        .getState()
        .dispatch({ type: 'results/notice', notice: { key: 'notice.saveFailed', detail: String(error) } });
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
