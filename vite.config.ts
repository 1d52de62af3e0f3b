import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation: the page may then share memory with its worker, and Cancel stops even a
 * street-network build mid-loop (src/worker/client.ts `abortFlag`). A host that does not send these
 * headers still works: Cancel then waits for the work's next slice, or replaces the worker.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  // credentialless, not require-corp: a tile or style URL the user sets on another host still loads.
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

export default defineConfig({
  plugins: [react()],
  // Two pages: the planner, and the residents' page of a published scenario (issue #11).
  // Relative URLs in builds: the planner and a published residents' page work from any folder.
  base: './',
  build: {
    // Lists the files of each page: the planner's 发布 / Publish zips public.html's (publish-bundle.ts).
    manifest: 'page-manifest.json',
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
  // Pre-bundle the core's dependencies up front: otherwise Vite discovers them when the worker first
  // loads and reloads the page once on the first `npm run dev`.
  optimizeDeps: {
    include: [
      'gcoord',
      'proj4',
      'papaparse',
      'kdbush',
      'flatbush',
      'fflate',
      'pbf',
      '@turf/turf',
      'geojson-validation',
      'shpjs',
      '@tmcw/togeojson',
      'idb',
      'i18next',
      'react-i18next',
      'zustand',
      'maplibre-gl',
      'react',
      'react-dom',
    ],
  },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    benchmark: {
      include: ['tests/bench/**/*.bench.ts'],
    },
  },
});
