/**
 * Builds the residents' page (public.html and src/public) with Vite into a folder, with relative URLs
 * so any static server or folder can host it. One implementation for `lifecircle publish` and for the
 * development server's 发布 / Publish (vite.config.ts serves this build there, since the development
 * server itself has no bundle to zip).
 */
import { rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: the page is built from it. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildPublicPageOptions {
  /** Name the page index.html (a published bundle) instead of public.html (the build's own name). */
  asIndex?: boolean;
  /** Also write the build's manifest under this file name (what the planner's 发布 reads). */
  manifest?: string;
}

/**
 * @param outDir an empty folder
 * @param options the page's file name and an optional manifest
 */
export async function buildPublicPage(outDir: string, options: BuildPublicPageOptions = {}): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  // Vite keeps an existing NODE_ENV (vitest sets "test"): the page must bundle React's production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: false,
      base: './',
      publicDir: false,
      plugins: [react()],
      logLevel: 'error',
      build: {
        outDir,
        emptyOutDir: false,
        chunkSizeWarningLimit: 2000,
        manifest: options.manifest ?? false,
        rollupOptions: { input: { public: join(ROOT, 'public.html') } },
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (options.asIndex) await rename(join(outDir, 'public.html'), join(outDir, 'index.html'));
}
