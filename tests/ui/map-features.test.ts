/** The GeoJSON the map draws, built from app data; street segments from typed arrays; service-area patches. */
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  lngLat,
  straightLineServiceAreaGeometry,
  type Estate,
  type EstateResult,
  type Facility,
} from '../../src/core';
import { capacityFigure, estateFeatures, facilityFeatures } from '../../src/map/features';
import { mergeServiceAreas, serviceAreaFeatures } from '../../src/ui/app/service-area-merge';
import { newFacility } from '../../src/store/new-facility';

const estate = (id: string, over: Partial<Estate> = {}): Estate => ({
  id,
  row: 1,
  name: '<b>名</b>',
  location: lngLat(117.2, 31.8),
  geometry: null,
  households: 100,
  residents: null,
  status: null,
  elderlyCareFloorArea: null,
  elderlyCareFacilityAreas: null,
  nurseryPlaces: null,
  childcareFloorArea: null,
  district: null,
  properties: {},
  ...over,
});

describe('estateFeatures', () => {
  it('draws footprints as polygons, others as points, skips estates without a location, keeps names as data', () => {
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [117, 31],
          [117.1, 31],
          [117.1, 31.1],
          [117, 31],
        ],
      ],
    };
    const fc = estateFeatures(
      [estate('a', { geometry: polygon }), estate('b'), estate('c', { location: null })],
      null,
      null,
    );
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point']);
    expect(fc.features[1]!.properties).toMatchObject({
      id: 'b',
      name: '<b>名</b>',
      overall: 'pending',
      minutes: -2,
    });
  });

  it('carries the overall verdict and walking minutes (−1 when unreachable)', () => {
    const results = new Map([['a', { overall: 'fail' } as EstateResult]]);
    const reach = new Map([
      ['a', { id: 'a', minutes: 7.5, covered: false, underserved: true }],
      ['b', { id: 'b', minutes: null, covered: false, underserved: true }],
    ]);
    const fc = estateFeatures([estate('a'), estate('b')], results, reach);
    expect(fc.features.map((f) => [f.properties!.overall, f.properties!.minutes])).toEqual([
      ['fail', 7.5],
      ['pending', -1],
    ]);
  });
});

describe('facilityFeatures and capacityFigure', () => {
  it('sizes by places, else beds, else floor area / 10, and carries the load', () => {
    const f = newFacility('elderly-daycare', [117.2, 31.8], new Set(['new-1']), '新日间照料中心');
    expect(f).toMatchObject({ id: 'new-2', status: 'planned', row: 0, name: '新日间照料中心 2' });
    expect(capacityFigure(f)).toBe(50);
    const withPlaces: Facility = { ...f, capacity: { places: 30, beds: 200, floorArea: 900 } };
    expect(capacityFigure(withPlaces)).toBe(30);
    const fc = facilityFeatures([withPlaces], new Map([['new-2', 1.4]]));
    expect(fc.features[0]!.properties).toMatchObject({ kind: 'elderly-daycare', capacity: 30, load: 1.4 });
  });
});

describe('mergeServiceAreas', () => {
  const area = (facilityId: string, minutes: number) => ({
    type: 'Feature' as const,
    geometry: { type: 'Polygon' as const, coordinates: [] },
    properties: { facilityId, minutes },
  });
  it('replaces only the patched facilities, or everything when told', () => {
    const shown = {
      type: 'FeatureCollection' as const,
      features: [area('a', 5), area('a', 10), area('b', 5)],
    };
    // The worker sends areas in the flat layout; here a's 15-minute circle.
    const patch = {
      kind: 'nursery' as const,
      replaceAll: false,
      facilityIds: ['a'],
      areas: straightLineServiceAreaGeometry([{ id: 'a', location: [121.4, 31.2] }], {
        minutes: [15],
        speedMps: 1,
      }),
    };
    expect(
      mergeServiceAreas(shown, patch).features.map(
        (f) => `${f.properties!.facilityId}${f.properties!.minutes}`,
      ),
    ).toEqual(['b5', 'a15']);
    expect(mergeServiceAreas(shown, { ...patch, replaceAll: true }).features).toHaveLength(1);
  });

  it('builds GeoJSON from the flat layout, tagged with the kind', () => {
    const areas = straightLineServiceAreaGeometry(
      [
        { id: 'a', location: [121.4, 31.2] },
        { id: 'b', location: [121.41, 31.2] },
      ],
      { minutes: [5, 10], speedMps: 1 },
    );
    const features = serviceAreaFeatures({
      kind: 'elderly-station',
      replaceAll: true,
      facilityIds: [],
      areas,
    });
    expect(features.map((f) => `${f.properties.facilityId}${f.properties.minutes}`)).toEqual([
      'a10',
      'a5',
      'b10',
      'b5',
    ]);
    expect(features.every((f) => f.properties.kind === 'elderly-station')).toBe(true);
    // A 10-minute circle at 1 m/s has a 600 m radius: its first vertex lies 600 m from the facility.
    const [lng, lat] = (features[0]!.geometry as Polygon).coordinates[0]![0]!;
    const m = Math.hypot(
      (lng! - 121.4) * 111_320 * Math.cos((31.2 * Math.PI) / 180),
      (lat! - 31.2) * 110_574,
    );
    expect(m).toBeGreaterThan(590);
    expect(m).toBeLessThan(610);
  });
});
