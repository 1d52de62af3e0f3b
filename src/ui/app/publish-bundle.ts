/**
 * The planner's 发布 / Publish: the residents' page as a zip any static web server can host — the
 * page's built files (found through the build's manifest, page-manifest.json, written by vite.config.ts)
 * with public.html as index.html, and the worker's published scenario and street network. The same
 * bundle `lifecircle publish` writes into a folder.
 */
import { zipSync } from 'fflate';
import { OFFLINE_SCRIPT_FILE, offlineScript } from '../../core/publish/offline-script';
import {
  PUBLISHED_NETWORK_FILE,
  PUBLISHED_SCENARIO_FILE,
  type PublishedScenario,
} from '../../core/publish/published-scenario';

/** One entry of Vite's build manifest (the fields used here). */
export interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
}

/** The build's manifest, beside the planner's index.html. */
export const PAGE_MANIFEST = 'page-manifest.json';
/** The residents' page's entry in the manifest (its HTML file, beside the planner's). */
export const PUBLIC_PAGE = 'public.html';

/**
 * Every file the page loads: its script, the chunks it imports (transitively), their styles and assets.
 * @param manifest Vite's build manifest
 * @param entry the page's key, e.g. "public.html"
 * @returns paths relative to the build folder, each once, the entry's script first
 * @throws Error when the entry or an imported chunk is missing from the manifest
 * @example pageFiles(manifest, 'public.html') // ['assets/public-….js', 'assets/public-….css', …]
 */
export function pageFiles(manifest: Record<string, ManifestChunk>, entry: string): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${PAGE_MANIFEST} has no entry "${key}"`);
    files.add(chunk.file);
    for (const f of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(f);
    for (const k of chunk.imports ?? []) visit(k);
  };
  visit(entry);
  return [...files];
}

/**
 * @param data the published scenario and the street network (graph file bytes)
 * @param fetchFile reads a file of the build by its path relative to the planner's page
 * @returns the zip's bytes: index.html, assets/…, scenario.json, network.lcwg, sw.js
 */
export async function publishBundle(
  data: { scenario: PublishedScenario; network: Uint8Array },
  fetchFile: (path: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const manifest = JSON.parse(new TextDecoder().decode(await fetchFile(PAGE_MANIFEST))) as Record<
    string,
    ManifestChunk
  >;
  const paths = pageFiles(manifest, PUBLIC_PAGE);
  const contents = await Promise.all([PUBLIC_PAGE, ...paths].map(fetchFile));
  const entries: Record<string, Uint8Array> = { 'index.html': contents[0]! };
  paths.forEach((p, i) => (entries[p] = contents[i + 1]!));
  entries[PUBLISHED_SCENARIO_FILE] = new TextEncoder().encode(JSON.stringify(data.scenario));
  entries[PUBLISHED_NETWORK_FILE] = data.network;
  entries[OFFLINE_SCRIPT_FILE] = new TextEncoder().encode(
    offlineScript(Object.keys(entries).sort(), data.scenario.publishedAt),
  );
  return zipSync(entries, { level: 6 });
}
