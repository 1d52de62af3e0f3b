/**
 * Groups of rows sharing a key (name, id): counts first, arrays only for keys seen twice or more, so
 * 100k distinct keys cost one Map of numbers.
 * @param items the rows
 * @param key the key of a row, or null to skip it
 * @param rowOf the row number of a row
 * @returns key → rows, for keys on two rows or more
 * @example repeatedKeys(estates, (e) => e.id, (e) => e.row)
 */
export function repeatedKeys<T>(
  items: readonly T[],
  key: (item: T) => string | null,
  rowOf: (item: T) => number,
): Map<string, number[]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || (counts.get(k) ?? 0) < 2) continue;
    const rows = groups.get(k);
    if (rows) rows.push(rowOf(item));
    else groups.set(k, [rowOf(item)]);
  }
  return groups;
}
