/**
 * sourceDiff: the MapLibre diff between two collections, checked two ways: on hand-made cases
 * (what is added, updated, removed, and when setData is needed instead), and as a property: applying
 * the diff to the shown collection the way MapLibre documents it (GeoJSONSourceDiff: remove, then
 * add, which replaces a feature with the same id, then update) gives the next collection, for random
 * seeded edits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { isEmptyDiff, sourceDiff, type IdOf } from '../../src/map/source-diff';

const byProp: IdOf = (f) => f.properties?.id as string | undefined;
const point = (id: string, x: number, props: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [x, 0] },
  properties: { id, ...props },
});
const coll = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
/** GeoJSONSourceDiff applied to features keyed by properties.id, in MapLibre's documented order. */
function apply(shown: Feature[], diff: GeoJSONSourceDiff): Map<unknown, Feature> {
  const byId = new Map(shown.map((f) => [f.properties!.id as unknown, f]));
  for (const id of diff.remove ?? []) byId.delete(id);
  for (const f of diff.add ?? []) byId.set(f.properties!.id, f);
  for (const u of diff.update ?? []) {
    const old = byId.get(u.id);
    if (!old) continue;
    const properties = { ...old.properties };
    for (const key of u.removeProperties ?? []) delete properties[key];
    for (const { key, value } of u.addOrUpdateProperties ?? []) properties[key] = value as unknown;
    byId.set(u.id, { ...old, geometry: u.newGeometry ?? old.geometry, properties });
  }
  return byId;
}
const many = (n: number) => Array.from({ length: n }, (_, k) => point(`e${k}`, k, { v: 0 }));

describe('sourceDiff', () => {
  it('sends nothing for identical or equal features (fresh objects with the same content)', () => {
    const shown = coll(many(10));
    expect(sourceDiff(shown, shown, byProp)).toEqual({});
    const copy = coll(many(10));
    const diff = sourceDiff(shown, copy, byProp)!;
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('sends a moved feature whole (add replaces it) and a recoloured one as property updates', () => {
    const shown = coll(many(20));
    const next = coll(many(20));
    next.features[3] = point('e3', 33, { v: 0 });
    next.features[5] = point('e5', 5, { v: 1, w: 'x' });
    next.features[6] = { ...point('e6', 6), properties: { id: 'e6' } }; // v dropped
    expect(sourceDiff(shown, next, byProp)).toEqual({
      add: [next.features[3]],
      update: [
        {
          id: 'e5',
          addOrUpdateProperties: [
            { key: 'v', value: 1 },
            { key: 'w', value: 'x' },
          ],
        },
        { id: 'e6', removeProperties: ['v'] },
      ],
    });
  });

  it('compares array properties by element (estate ids of a zone), other objects by identity', () => {
    const zone = (ids: string[], extra: object) => point('z', 0, { estateIds: ids, extra });
    const extra = { a: 1 };
    const shown = coll([zone(['a', 'b'], extra), ...many(9)]);
    expect(sourceDiff(shown, coll([zone(['a', 'b'], extra), ...many(9)]), byProp)).toEqual({});
    expect(sourceDiff(shown, coll([zone(['a', 'c'], extra), ...many(9)]), byProp)).toEqual({
      update: [{ id: 'z', addOrUpdateProperties: [{ key: 'estateIds', value: ['a', 'c'] }] }],
    });
    expect(sourceDiff(shown, coll([zone(['a', 'b'], { a: 1 }), ...many(9)]), byProp)).toEqual({
      update: [{ id: 'z', addOrUpdateProperties: [{ key: 'extra', value: { a: 1 } }] }],
    });
  });

  it('removes features that are gone and adds new ones', () => {
    const shown = coll(many(10));
    const next = coll([...many(10).filter((f) => f.properties!.id !== 'e2'), point('new', 99)]);
    expect(sourceDiff(shown, next, byProp)).toEqual({ remove: ['e2'], add: [next.features[9]] });
  });

  it('compares polygon rings to the last coordinate', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const poly = (r: number[][]): Feature => ({
      type: 'Feature',
      id: 7,
      geometry: { type: 'Polygon', coordinates: [r] },
      properties: {},
    });
    const shown = coll([
      poly(ring),
      ...Array.from({ length: 9 }, (_, k) => ({ ...poly(ring), id: 100 + k })),
    ]);
    const same = coll([poly(ring.map((p) => [...p])), ...shown.features.slice(1)]);
    expect(sourceDiff(shown, same, (f) => f.id)).toEqual({});
    const moved = poly([...ring.slice(0, 2), [1, 1.5], ring[3]!]);
    expect(sourceDiff(shown, coll([moved, ...shown.features.slice(1)]), (f) => f.id)).toEqual({
      add: [moved],
    });
  });

  it('asks for setData when nothing was shown, ids are missing or repeated, or too much changed', () => {
    const next = coll(many(10));
    expect(sourceDiff(undefined, next, byProp)).toBeNull();
    expect(sourceDiff(coll([]), next, byProp)).toBeNull(); // first load: 10 adds
    expect(sourceDiff(next, coll([]), byProp)).toBeNull(); // all removed
    const noId = coll([...many(9), { ...point('x', 1), properties: {} }]);
    expect(sourceDiff(next, noId, byProp)).toBeNull();
    expect(sourceDiff(noId, next, byProp)).toBeNull();
    expect(sourceDiff(next, coll([...many(10), point('e0', 5)]), byProp)).toBeNull();
    const changed = (n: number) => coll(many(10).map((f, k) => (k < n ? point(`e${k}`, k, { v: 1 }) : f)));
    expect(sourceDiff(next, changed(2), byProp)?.update).toHaveLength(2); // 20 %: a diff
    expect(sourceDiff(next, changed(3), byProp)).toBeNull(); // 30 %
    expect(sourceDiff(next, changed(3), byProp, 0.5)?.update).toHaveLength(3);
  });

  it('gives the next collection when MapLibre applies the diff (random seeded edits)', () => {
    const edits = fc.array(
      fc.record({
        op: fc.constantFrom('move', 'recolour', 'remove', 'add', 'same'),
        at: fc.nat(39),
        value: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(edits, (ops) => {
        const shown = coll(Array.from({ length: 40 }, (_, k) => point(`e${k}`, k, { v: k % 3 })));
        const next = shown.features.slice();
        let added = 0;
        for (const { op, at, value } of ops) {
          const f = next[at % next.length];
          if (!f) continue;
          const id = f.properties!.id as string;
          const x = (f.geometry as { coordinates: number[] }).coordinates[0]!;
          if (op === 'move') next[at % next.length] = point(id, x + value + 1, { ...f.properties });
          if (op === 'recolour') next[at % next.length] = point(id, x, { ...f.properties, v: value });
          if (op === 'same') next[at % next.length] = point(id, x, { ...f.properties });
          if (op === 'remove') next.splice(at % next.length, 1);
          if (op === 'add') next.push(point(`n${added++}`, 100 + value));
        }
        const diff = sourceDiff(shown, coll(next), byProp, 1);
        expect(diff).not.toBeNull();
        const updateable = apply(shown.features, diff!);
        const sortById = (fs: Feature[]) =>
          [...fs].sort((a, b) => String(a.properties!.id).localeCompare(String(b.properties!.id)));
        expect(sortById([...updateable.values()])).toEqual(sortById(next));
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});
