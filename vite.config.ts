import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { buildPublicPage } from './src/cli/build-public-page.ts';

/** Where the development server serves a fresh build of the residents' page (src/ui/PublishButton.tsx). */
const DEV_PUBLIC_BUILD = '/__public-build/';

/**
 * 发布 / Publish under `npm run dev`: the development server has no bundle of the residents' page, so
 * this builds one (the same build as `lifecircle publish`) when the planner asks for its manifest, and
 * serves its files. Only in the development server; a production build carries its own files.
 */
function publicPageForDevelopment(): Plugin {
  let folder: Promise<string> | null = null;
  const rebuild = async (): Promise<string> => {
    const previous = folder ? await folder.catch(() => null) : null;
    if (previous) await rm(previous, { recursive: true, force: true });
    const out = await mkdtemp(join(tmpdir(), 'lifecircle-public-dev-'));
    await buildPublicPage(out, { manifest: 'page-manifest.json' });
    return out;
  };
  return {
    name: 'lifecircle-public-page-for-development',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(DEV_PUBLIC_BUILD, (req, res) => {
        void (async () => {
          const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^[/\\]+/, '');
          // Asking for the manifest starts a new build, so a publish carries the page as edited now.
          if (path === 'page-manifest.json' || !folder) folder = rebuild();
          const root = await folder;
          const file = join(root, path);
          const found = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
          if (!found) {
            res.statusCode = 404;
            res.end();
            return;
          }
          createReadStream(file).pipe(res);
        })().catch((error: unknown) => {
          folder = null;
          res.statusCode = 500;
          res.end(String(error));
        });
      });
      server.httpServer?.on('close', () => {
        void folder?.then((f) => rm(f, { recursive: true, force: true }));
      });
    },
  };
}

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
  plugins: [react(), publicPageForDevelopment()],
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
