/**
 * Clean-up of stored street networks: what the scenario references, the one just stored and the
 * latest others up to the limit stay; everything else goes. (No IndexedDB in Node and no
 * fake-indexeddb installed, so the pure choice is tested; persist.ts applies it in one transaction.)
 */
import { describe, expect, it } from 'vitest';
import { KEEP_RECENT_NETWORKS, networksToDelete, storedAt } from '../../src/ui/app/networks-to-delete';

const key = (name: string, at: number) => `file:${name}:${at}`;

describe('networksToDelete', () => {
  it('reads the time from keys, file names with colons included; other keys are the oldest', () => {
    expect(storedAt(key('roads.osm', 1_763_900_000_000))).toBe(1_763_900_000_000);
    expect(storedAt(key('C:\\data\\a:b.osm', 42))).toBe(42);
    expect(storedAt('demo')).toBe(0);
    expect(storedAt('file:no-time')).toBe(0);
  });

  it('keeps the just-stored, the referenced and the latest other; deletes the rest oldest first', () => {
    expect(KEEP_RECENT_NETWORKS).toBe(2);
    const stored = ['demo', key('a', 1), key('b', 2), key('c', 3), key('d', 4), key('e', 5)];
    // e just stored; b is the autosaved scenario's; d is the latest other (undo one import).
    expect(networksToDelete(stored, key('e', 5), [key('b', 2), null])).toEqual([
      'demo',
      key('a', 1),
      key('c', 3),
    ]);
  });

  it('never deletes a referenced or just-stored key, whatever the limit', () => {
    const stored = [key('a', 1), key('b', 2), key('c', 3)];
    for (let keepRecent = 0; keepRecent <= 4; keepRecent++) {
      const doomed = networksToDelete(stored, key('a', 1), [key('b', 2)], keepRecent);
      expect(doomed).not.toContain(key('a', 1));
      expect(doomed).not.toContain(key('b', 2));
      // Only stored keys, none twice; c (neither kept nor referenced) goes unless the limit spares it.
      expect(doomed.every((k) => stored.includes(k))).toBe(true);
      expect(new Set(doomed).size).toBe(doomed.length);
      expect(doomed).toEqual(keepRecent >= 2 ? [] : [key('c', 3)]);
    }
    expect(networksToDelete(stored, key('a', 1), [key('b', 2)], 1)).toEqual([key('c', 3)]);
    expect(networksToDelete(stored, key('a', 1), [key('b', 2)], 2)).toEqual([]);
  });

  it('nothing to delete in a store with only the new network', () => {
    expect(networksToDelete([key('a', 1)], key('a', 1), [])).toEqual([]);
  });
});
