/**
 * The planner's narrow Content-Security-Policy (issue #13). index.html's static policy allows
 * `https:` and `ws:` in connect-src and img-src only because a user may set an online base map in
 * Settings; a second policy inserted at start (install-policy.ts) is enforced as well — the browser
 * applies both, so it can only narrow — and allows the page's own origin plus the hosts of the base
 * map the user chose, nothing else. Changing the base map reloads the page to get its policy.
 */

/** A scheme, host and port the policy can name; anything else (spaces, `;`, `*`) is never written. */
const ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

const originOf = (url: unknown, base?: string): string | null => {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    // Tile templates hold {z}/{x}/{y} (and MapLibre's {quadkey}, {ratio}); their host never does.
    const origin = new URL(url.trim(), base).origin;
    return ORIGIN.test(origin) ? origin : null;
  } catch {
    return null;
  }
};

/** True when the base-map URL is a style document (fetched, then read for its hosts), not a tile template. */
export const isStyleDocument = (styleUrl: string): boolean =>
  styleUrl.trim() !== '' && !styleUrl.includes('{z}') && originOf(styleUrl) !== null;

/**
 * The hosts a base map needs: the URL's own, and for a MapLibre style document the hosts of its
 * sprite, glyphs, tiles and TileJSON sources.
 * @param styleUrl what the user entered in Settings ('' = offline: no host)
 * @param style the style document, when it was read
 * @returns origins such as `https://tile.openstreetmap.org`, sorted, without duplicates
 * @example styleOrigins('https://tile.openstreetmap.org/{z}/{x}/{y}.png') // ['https://tile.openstreetmap.org']
 */
export function styleOrigins(styleUrl: string, style?: unknown): string[] {
  const base = originOf(styleUrl);
  if (!base) return [];
  const urls: unknown[] = [];
  if (style && typeof style === 'object') {
    const s = style as { sprite?: unknown; glyphs?: unknown; sources?: unknown };
    urls.push(s.glyphs);
    if (Array.isArray(s.sprite)) urls.push(...s.sprite.map((x: { url?: unknown } | null) => x?.url));
    else urls.push(s.sprite);
    if (s.sources && typeof s.sources === 'object') {
      for (const source of Object.values(s.sources as Record<string, unknown>)) {
        const src = (source ?? {}) as { url?: unknown; tiles?: unknown; data?: unknown };
        urls.push(src.url, src.data, ...(Array.isArray(src.tiles) ? src.tiles : []));
      }
    }
  }
  const found = new Set([base]);
  for (const url of urls) {
    const origin = originOf(url, styleUrl.trim());
    if (origin) found.add(origin);
  }
  return [...found].sort();
}

/**
 * The policy inserted at start: connect-src and img-src limited to the page itself (`'self'`, which
 * also covers the development server's WebSocket on the same host), `blob:` and `data:` (MapLibre's
 * workers and images, the street tiles), and the given hosts.
 * @param origins hosts of the base map (styleOrigins)
 * @returns the content of a Content-Security-Policy meta element
 */
export function connectPolicy(origins: readonly string[]): string {
  const hosts = origins.filter((o) => ORIGIN.test(o));
  const sources = ["'self'", 'blob:', 'data:', ...hosts].join(' ');
  return `connect-src ${sources}; img-src ${sources}`;
}
