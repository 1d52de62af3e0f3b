import type { PublishedCompound } from './published-scenario';

/** How a compound matched the query, best first (the order results are ranked in). */
export type CompoundMatch = 'name' | 'name-prefix' | 'name-part' | 'initials' | 'pinyin' | 'pinyin-part';

const RANK: Record<CompoundMatch, number> = {
  name: 0,
  'name-prefix': 1,
  'name-part': 2,
  initials: 3,
  pinyin: 4,
  'pinyin-part': 5,
};

export interface CompoundHit {
  compound: PublishedCompound;
  match: CompoundMatch;
}

/** Lower case, full-width letters and digits folded to ASCII, spaces and separators removed. */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・,，.。'’\-_/()（）]+/g, '');
}

/** Normalised names, computed once per compound list (the page searches the same list on every key). */
const normalisedNames = new WeakMap<readonly PublishedCompound[], string[]>();

function matchOf(c: PublishedCompound, name: string, q: string, latin: boolean): CompoundMatch | null {
  if (name === q) return 'name';
  if (name.startsWith(q)) return 'name-prefix';
  if (name.includes(q)) return 'name-part';
  if (!latin) return null;
  if (c.initials.startsWith(q)) return 'initials';
  if (c.pinyin.startsWith(q)) return 'pinyin';
  if (c.initials.includes(q) || c.pinyin.includes(q)) return 'pinyin-part';
  return null;
}

/**
 * Finds compounds by name (partial match) or by pinyin (initials 金地国际城 ← "jdgjc", or full
 * syllables "jindi"), ranked: exact name, name prefix, name part, initials prefix, pinyin prefix,
 * pinyin part; ties keep the published order. No dictionary: the pinyin was computed when publishing.
 * @param compounds the published compounds
 * @param query what the resident typed
 * @param limit most results returned
 * @returns the hits, best first (empty for an empty query)
 * @example searchCompounds(scenario.compounds, 'jdgjc')[0]?.compound.name // '金地国际城'
 */
export function searchCompounds(
  compounds: readonly PublishedCompound[],
  query: string,
  limit = 10,
): CompoundHit[] {
  const q = normaliseQuery(query);
  if (!q) return [];
  const latin = /^[a-z0-9]+$/.test(q);
  let names = normalisedNames.get(compounds);
  if (!names) {
    names = compounds.map((c) => normaliseQuery(c.name));
    normalisedNames.set(compounds, names);
  }
  const hits: CompoundHit[] = [];
  compounds.forEach((compound, i) => {
    const match = matchOf(compound, names[i]!, q, latin);
    if (match) hits.push({ compound, match });
  });
  // Array.prototype.sort is stable: equal ranks keep the published order.
  hits.sort((a, b) => RANK[a.match] - RANK[b.match]);
  return hits.slice(0, limit);
}
