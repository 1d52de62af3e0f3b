/**
 * keyServiceAreas: one numeric id per (facility, minutes), the same across results, unique within
 * one; a feature kept by a patch stays the same object, so the map's diff skips it without
 * comparing coordinates; the worker's features are not changed.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { straightLineServiceAreaGeometry, type ServiceAreaFeature } from '../../src/core';
import { keyServiceAreas } from '../../src/map/service-area-ids';
import { mergeServiceAreas } from '../../src/ui/app/service-area-merge';

const area = (facilityId: string, minutes: number, x = 0): ServiceAreaFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + minutes, 0],
        [x, minutes],
        [x, 0],
      ],
    ],
  },
  properties: {
    facilityId,
    minutes,
    distanceM: minutes * 67,
    mode: 'network',
    fill: '#000000',
    'fill-opacity': 0.3,
    stroke: '#000000',
    'stroke-width': 1,
  },
});
const areas = (facilityId: string, x = 0) => [15, 10, 5].map((m) => area(facilityId, m, x));
const coll = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('keyServiceAreas', () => {
  it('gives each facility and budget its own id, the same in every result', () => {
    const first = keyServiceAreas(coll([...areas('a'), ...areas('b')]));
    const ids = first.features.map((f) => f.id);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(new Set(ids).size).toBe(6);
    // The worker sends b's areas again after a drag (new objects, new geometry).
    const patch = {
      kind: 'nursery' as const,
      replaceAll: false,
      facilityIds: ['b'],
      areas: straightLineServiceAreaGeometry([{ id: 'b', location: [1, 0] }], {
        minutes: [5, 10, 15],
        speedMps: 1,
      }),
    };
    const merged = mergeServiceAreas(coll([...areas('a'), ...areas('b')]), patch);
    const again = keyServiceAreas(merged);
    const idOf = (c: FeatureCollection, f: string, m: number) =>
      c.features.find((x) => x.properties!.facilityId === f && x.properties!.minutes === m)!.id;
    for (const f of ['a', 'b'])
      for (const m of [5, 10, 15]) expect(idOf(again, f, m)).toBe(idOf(first, f, m));
  });

  it('copies each feature once: unchanged features are the same object, the input is untouched', () => {
    const shown = coll(areas('c'));
    const a = keyServiceAreas(shown);
    const b = keyServiceAreas(coll([...shown.features]));
    expect(b.features[0]).toBe(a.features[0]);
    expect(a.features[0]).not.toBe(shown.features[0]);
    expect(shown.features[0]!.id).toBeUndefined();
    expect(a.features[0]!.geometry).toBe(shown.features[0]!.geometry);
  });
});
