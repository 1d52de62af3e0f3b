/**
 * Browser tests (Playwright + Debian chromium): `npx vitest run --config tests/e2e/vitest.e2e.config.ts`.
 * Kept out of the unit run (vite.config.ts excludes tests/e2e) because they start Vite and a browser.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // One browser at a time: the tests measure timings.
    fileParallelism: false,
    pool: 'forks',
  },
});
