/** Small hand-made scenario objects for the store tests. */
import { lngLat, type Estate, type Facility } from '../../src/core';
import { emptyScenario } from '../../src/store/initial-state';
import type { Scenario } from '../../src/store/types';

export const facility = (id: string, lng = 117.23, lat = 31.79): Facility => ({
  id,
  row: 0,
  name: `设施${id}`,
  kind: 'nursery',
  location: lngLat(lng, lat),
  status: 'existing',
  capacity: { places: 60, beds: null, floorArea: 500 },
  properties: {},
});

export const estate = (id: string): Estate => ({
  id,
  row: 1,
  name: `小区${id}`,
  location: lngLat(117.231, 31.791),
  geometry: { type: 'Point', coordinates: [117.231, 31.791] },
  households: 1000,
  residents: null,
  status: 'existing',
  elderlyCareFloorArea: 150,
  elderlyCareFacilityAreas: [150],
  nurseryPlaces: null,
  childcareFloorArea: null,
  district: '示例北区',
  properties: { 房屋总数: '1000' },
});

export const scenario = (): Scenario => ({
  ...emptyScenario(),
  id: 's1',
  name: 'test',
  estates: [estate('e1'), estate('e2')],
  facilities: [facility('f1'), facility('f2', 117.24, 31.8)],
});
