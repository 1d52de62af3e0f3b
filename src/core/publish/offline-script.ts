/**
 * The published bundle's service worker (sw.js): on the first visit it stores every file of the
 * bundle, so the residents' page opens and answers with no connection afterwards ("offline once
 * loaded"). Cache-first for the bundle's own files; a new publish (another version) replaces the
 * cache. Written as text here (the page never imports it); the CLI and the planner add it to a bundle.
 */

/** The service worker's file name in a bundle (registered by src/public/main.tsx). */
export const OFFLINE_SCRIPT_FILE = 'sw.js';

/**
 * @param files the bundle's files, relative to its folder (index.html, assets/…, scenario.json, …)
 * @param version changes with every publish (e.g. the publishing time), naming the cache
 * @returns the script's source text
 * @example offlineScript(['index.html', 'scenario.json'], '2026-12-07T01:45:40.089Z')
 */
export function offlineScript(files: readonly string[], version: string): string {
  const cache = `lifecircle-public-${version}`;
  return `// LifeCircle residents' page: keeps the published bundle for offline use (written by publish).
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(['./', ...files.map((f) => `./${f}`)])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lifecircle-public-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((c) =>
      // ignoreVary: servers that send "Vary: Origin" would miss module scripts (fetched with an Origin header).
      c.match(event.request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(event.request)),
    ),
  );
});
`;
}
