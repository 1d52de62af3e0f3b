/** The demo town's care facilities. */
import { COL_NAMES, between, feature, pick, toLngLat, type Feature, type Rand } from './common';
import type { DemoStreets } from './streets';

type Capacity = { floorArea: number | null; beds: number | null; places: number | null };

/**
 * A few facilities of each kind near street corners, three in four north of the river and west of
 * the railway, so the demo shows under-served households across both barriers.
 * @param rand seeded generator
 * @param streets the town
 * @returns facility features with canonical field names (kind, places, beds, floorArea)
 */
export function makeFacilities(rand: Rand, streets: DemoStreets): Feature[] {
  const { pt, riverRow, railCol } = streets;
  const spec: [string, string, number, () => Capacity][] = [
    [
      'elderly-daycare',
      '日间照料中心',
      4,
      () => ({ floorArea: Math.round(between(rand, 380, 750)), beds: null, places: null }),
    ],
    [
      'elderly-station',
      '养老服务站',
      5,
      () => ({ floorArea: Math.round(between(rand, 150, 320)), beds: null, places: null }),
    ],
    [
      'elderly-home',
      '养老院',
      2,
      () => ({
        floorArea: Math.round(between(rand, 7000, 9000)),
        beds: Math.round(between(rand, 200, 320)),
        places: null,
      }),
    ],
    [
      'nursery',
      '托育中心',
      4,
      () => ({
        floorArea: Math.round(between(rand, 400, 900)),
        beds: null,
        places: Math.round(between(rand, 40, 120)),
      }),
    ],
    [
      'kindergarten-nursery',
      '幼儿园托班',
      3,
      () => ({ floorArea: null, beds: null, places: Math.round(between(rand, 20, 45)) }),
    ],
  ];
  const out: Feature[] = [];
  const names = new Set<string>();
  for (const [kind, label, count, capacity] of spec) {
    for (let k = 0; k < count; k++) {
      const nw = rand() < 0.75;
      const i = Math.floor(nw ? between(rand, 0, railCol) : between(rand, 0, pt.length - 1));
      const j = Math.floor(
        nw ? between(rand, riverRow + 1, pt[0]!.length - 1) : between(rand, 0, pt[0]!.length - 1),
      );
      const [x, y] = pt[i]![j]!;
      const location = toLngLat([x + between(rand, 15, 40), y + between(rand, 15, 40)]);
      let name = `${pick(rand, COL_NAMES)}${label}`;
      if (names.has(name)) name = `${name}（${k + 1}）`;
      names.add(name);
      const properties = { name, kind, status: 'existing', ...capacity(), synthetic: true };
      out.push(feature(`${kind}-${k + 1}`, properties, { type: 'Point', coordinates: location }));
    }
  }
  return out;
}
