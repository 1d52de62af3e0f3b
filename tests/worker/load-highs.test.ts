/**
 * HiGHS for the worker is loaded from the app's own asset URL (Vite's `?url` of highs.wasm through
 * locateFile), never from next to the package script or a CDN; a failed load resolves to null with the
 * reason and is retried.
 */
import { describe, expect, it } from 'vitest';
import { loadHighsOnce } from '../../src/worker/load-highs';

describe('loadHighsOnce', () => {
  it('asks for the wasm at the asset URL and reports a failed load instead of throwing', async () => {
    // Under Vitest the asset URL is the server path /node_modules/highs/build/highs.wasm, which Node's
    // file reader cannot open. Without locateFile, Emscripten would read the file beside highs.mjs and
    // succeed, so this failure shows that the asset URL, and only it, is asked for.
    const attempt = loadHighsOnce();
    const first = await attempt;
    expect(first.highs).toBeNull();
    expect(first.error).toContain("'/node_modules/highs/build/highs.wasm'");
    expect(first.error).not.toMatch(/https?:\/\//);
    // Not a cached failure: the next call tries again (a new attempt, a new promise).
    const second = loadHighsOnce();
    expect(second).not.toBe(attempt);
    expect(await second).toMatchObject({ highs: null, error: first.error });
  });
});
