/**
 * HiGHS (WebAssembly) for siting's exact mode, loaded on first use from the app's own origin: the
 * .wasm is emitted by Vite as an asset (`?url`) and handed to the loader with `locateFile`, so no CDN
 * is ever asked. A failed load resolves to null (siting then runs its heuristic alone and says so)
 * and is retried on the next request.
 */
import type { Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';

let loading: Promise<LoadedHighs> | null = null;

export interface LoadedHighs {
  highs: Highs | null;
  /** Why it could not be loaded (shown as a warning), else null. */
  error: string | null;
}

/**
 * Loads HiGHS once.
 * @returns the module, or null with the reason when it could not be loaded
 * @example const { highs } = await loadHighsOnce(); // null → heuristic only
 */
export function loadHighsOnce(): Promise<LoadedHighs> {
  loading ??= import('highs')
    .then(({ default: load }) =>
      // Absolute: the worker runs from a blob: URL (main.tsx), against which a path cannot be resolved.
      load({
        locateFile: (file: string) =>
          file.endsWith('.wasm') ? new URL(wasmUrl, import.meta.url).href : file,
      }),
    )
    .then((highs) => ({ highs, error: null }))
    .catch((error: unknown) => {
      loading = null;
      return { highs: null, error: error instanceof Error ? error.message : String(error) };
    });
  return loading;
}
