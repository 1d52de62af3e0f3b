/**
 * Puts the narrow Content-Security-Policy (connect-policy.ts) into the page before the map, the
 * workers or anything else can make a request. A policy in a meta element cannot be relaxed once
 * inserted, so a new base map takes effect on the next load (Settings saves it and reloads).
 */
import { connectPolicy, isStyleDocument, styleOrigins } from './connect-policy';

/** How long a start waits for a base-map style document before going on without its other hosts. */
const STYLE_TIMEOUT_MS = 4000;

/**
 * Reads the base map's style document (under index.html's wider policy, the one request made before
 * the narrow one is in place: to the host the user entered), for the hosts it names.
 */
async function readStyle(styleUrl: string): Promise<unknown> {
  try {
    const res = await fetch(styleUrl.trim(), {
      credentials: 'omit',
      signal: AbortSignal.timeout(STYLE_TIMEOUT_MS),
    });
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Inserts the narrow policy into the document's head.
 * @param styleUrl the autosaved base-map URL ('' for the offline base map)
 * @returns the policy inserted
 */
export async function installConnectPolicy(styleUrl: string): Promise<string> {
  const style = isStyleDocument(styleUrl) ? await readStyle(styleUrl) : undefined;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = connectPolicy(styleOrigins(styleUrl, style));
  meta.dataset.lifecircle = 'connect-policy';
  document.head.append(meta);
  return meta.content;
}
