/**
 * Which street networks stored in IndexedDB can go. Each import of an OSM file stores its graph
 * (megabytes for a city district) under a new key, so without clean-up they pile up for ever.
 */

/**
 * Networks kept besides the one the saved scenario uses, the just-stored one included: the latest
 * two imports, so undoing the last network import still finds the previous graph.
 */
export const KEEP_RECENT_NETWORKS = 2;

/**
 * When a network was stored, from its key `file:<name>:<Date.now()>` (AnalysisRunner.loadNetworkFile);
 * other keys (e.g. `demo`, stored by earlier versions) count as the oldest.
 * @param key the IndexedDB key
 * @returns milliseconds since 1970, or 0
 * @example storedAt('file:roads.osm:1763900000000') // 1763900000000
 */
export function storedAt(key: string): number {
  const match = /^file:.*:(\d+)$/.exec(key);
  return match ? Number(match[1]) : 0;
}

/**
 * The stored networks to delete after storing `justStored`: every one except those the scenario
 * references, the one just stored and the most recent others up to `keepRecent` in all.
 * @param stored keys in the store (the just-stored one among them)
 * @param justStored the key that was just written (always kept)
 * @param referenced keys a scenario still uses (the autosaved one; null/undefined ignored)
 * @param keepRecent how many of the most recent to keep, the just-stored one included
 * @returns keys to delete, oldest first
 * @example networksToDelete(['file:a:1', 'file:b:2', 'file:c:3'], 'file:c:3', ['file:a:1']) // []
 */
export function networksToDelete(
  stored: readonly string[],
  justStored: string,
  referenced: readonly (string | null | undefined)[],
  keepRecent = KEEP_RECENT_NETWORKS,
): string[] {
  const keep = new Set<string>([justStored]);
  for (const key of referenced) if (key) keep.add(key);
  const others = [...new Set(stored)]
    .filter((key) => key !== justStored)
    .sort((a, b) => storedAt(b) - storedAt(a) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of others.slice(0, Math.max(0, keepRecent - 1))) keep.add(key);
  return others.filter((key) => !keep.has(key)).reverse();
}
