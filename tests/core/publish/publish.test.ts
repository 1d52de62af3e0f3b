/**
 * Publishing for residents: compounds found by name and pinyin initials, the nearest services' walks
 * equal to what coverage measures for the same point (to the metre), routes along the streets, and
 * places-free estimates from the capacity-aware coverage.
 */
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/core/coverage';
import { lngLat } from '../../../src/core/geo/units';
import type { Estate, Facility, FacilityKind } from '../../../src/core/model';
import { createSnapper, graphFromEdges, type WalkingGraph } from '../../../src/core/network';
import {
  buildPublishedScenario,
  compoundPinyin,
  nearestServices,
  searchCompounds,
  type PublishedCompound,
} from '../../../src/core/publish';
import { getProfile } from '../../../src/profiles';
import { mulberry32 } from '../../bench/w1-workload';

/** A 12 × 12 street grid, 0.001° apart (about 95 m east–west, 111 m north–south), near Hefei. */
function grid(): WalkingGraph {
  const n = 12;
  const coords = new Float64Array(2 * n * n);
  const pairs: number[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      coords[2 * i] = 117.2 + c * 0.001;
      coords[2 * i + 1] = 31.8 + r * 0.001;
      if (c > 0) pairs.push(i, i - 1);
      if (r > 0) pairs.push(i, i - n);
    }
  return graphFromEdges(coords, pairs);
}

const estate = (id: string, name: string, lng: number, lat: number, households = 300): Estate => ({
  id,
  row: 1,
  name,
  location: lngLat(lng, lat),
  geometry: null,
  households,
  residents: null,
  status: 'existing',
  elderlyCareFloorArea: null,
  elderlyCareFacilityAreas: null,
  nurseryPlaces: null,
  childcareFloorArea: null,
  district: '示例区',
  properties: {},
});

const facility = (
  id: string,
  kind: FacilityKind,
  lng: number,
  lat: number,
  places: number | null,
): Facility => ({
  id,
  row: 1,
  name: `设施 ${id}`,
  kind,
  location: lngLat(lng, lat),
  status: 'existing',
  capacity: { places, beds: null, floorArea: places === null ? null : places * 10 },
  properties: {},
});

const compound = (name: string): PublishedCompound => ({
  id: name,
  name,
  district: null,
  lng: 0,
  lat: 0,
  ...compoundPinyin(name),
});

describe('compound search', () => {
  it('computes pinyin and initials when publishing', () => {
    expect(compoundPinyin('金地国际城')).toEqual({ pinyin: 'jindiguojicheng', initials: 'jdgjc' });
    expect(compoundPinyin('重庆路小区').pinyin).toBe('chongqingluxiaoqu');
    expect(compoundPinyin('绿地A区 2期').initials).toBe('ldaq2q');
  });

  it('finds a compound by partial name, by initials and by pinyin, best match first', () => {
    const compounds = ['金地国际城', '国际花园', '金地花园', '滨湖世纪城'].map(compound);
    expect(searchCompounds(compounds, 'jdgjc').map((h) => h.compound.name)).toEqual(['金地国际城']);
    expect(searchCompounds(compounds, '国际').map((h) => [h.compound.name, h.match])).toEqual([
      ['国际花园', 'name-prefix'],
      ['金地国际城', 'name-part'],
    ]);
    expect(searchCompounds(compounds, 'JD').map((h) => h.compound.name)).toEqual(['金地国际城', '金地花园']);
    expect(searchCompounds(compounds, 'jindi ').map((h) => h.match)).toEqual(['pinyin', 'pinyin']);
    expect(searchCompounds(compounds, 'huayuan').map((h) => h.compound.name)).toEqual([
      '国际花园',
      '金地花园',
    ]);
    expect(searchCompounds(compounds, '  ')).toEqual([]);
    expect(searchCompounds(compounds, '不存在')).toEqual([]);
  });
});

describe('nearest services', () => {
  const graph = grid();
  const network = { graph, snapper: createSnapper(graph) };
  const next = mulberry32(7);
  const rand = (lo: number, hi: number) => lo + ((next() % 100000) / 100000) * (hi - lo);
  const kinds: FacilityKind[] = ['elderly-daycare', 'nursery', 'elderly-station', 'kindergarten-nursery'];
  const facilities = Array.from({ length: 12 }, (_, k) =>
    facility(`f${k}`, kinds[k % kinds.length]!, rand(117.2, 117.211), rand(31.8, 31.811), 40),
  );
  const services = facilities.map((f) => ({
    category: f.kind.startsWith('elderly') ? ('elderly' as const) : ('childcare' as const),
    snapped: network.snapper.snap(f.location[0], f.location[1], { mode: 'edge', maxSnapM: 500 }),
  }));
  const options = { speedMps: 0.8, withinMinutes: [5, 10, 15], routeMinutes: 60, maxSnapM: 500 };

  // With 1-minute groups most nearest facilities lie beyond them: the farther search finds them.
  it.each([
    ['5/10/15-minute groups', options],
    ['a 1-minute group', { ...options, withinMinutes: [1] }],
  ])('measures each walk as coverage does, to the metre, and routes along the streets (%s)', (_, opts) => {
    for (let trial = 0; trial < 25; trial++) {
      const origin: [number, number] = [rand(117.2, 117.211), rand(31.8, 31.811)];
      const answer = nearestServices(network, services, origin, opts);
      expect(answer.offNetwork).toBe(false);
      for (const category of ['elderly', 'childcare'] as const) {
        const ofCategory = facilities.filter((_, i) => services[i]!.category === category);
        const reference = computeCoverage({
          estates: [estate('o', 'origin', origin[0], origin[1])],
          facilities: ofCategory,
          network,
          options: { minutes: 60, speedMps: 0.8, personsPerHousehold: 2.5 },
        }).estates[0]!;
        const nearest = answer.nearest[category]!;
        expect(nearest.distanceM).toBeCloseTo(reference.distanceM!, 6);
        expect(facilities[nearest.index]!.id).toBe(reference.nearestFacility);
        expect(nearest.minutes).toBeCloseTo(reference.distanceM! / 0.8 / 60, 9);
        // The route's street length is its network distance: every step is along a grid street.
        const path = nearest.route.path;
        for (let i = 1; i < path.length; i++) {
          const [a, b] = [path[i - 1]!, path[i]!];
          expect(a[0] === b[0] || a[1] === b[1]).toBe(true);
        }
      }
      // Every facility within the largest group is listed, with coverage's distance; none beyond.
      const limitM = Math.max(...opts.withinMinutes) * 60 * 0.8;
      facilities.forEach((f, i) => {
        const d = computeCoverage({
          estates: [estate('o', 'origin', origin[0], origin[1])],
          facilities: [f],
          network,
          options: { minutes: 60, speedMps: 0.8, personsPerHousehold: 2.5 },
        }).estates[0]!.distanceM!;
        const listed = answer.within.find((w) => w.index === i);
        if (d <= limitM - 1e-6) expect(listed?.distanceM).toBeCloseTo(d, 6);
        if (d > limitM + 1e-6) expect(listed).toBeUndefined();
      });
      const order = answer.within.map((w) => w.distanceM);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('says so when the point is far from every street', () => {
    const far = nearestServices(network, services, [117.3, 31.9], options);
    expect(far.offNetwork).toBe(true);
    expect(far.nearest).toEqual({ elderly: null, childcare: null });
    expect(far.within).toEqual([]);
  });
});

describe('published scenario', () => {
  const graph = grid();
  const network = { graph, snapper: createSnapper(graph) };
  const profile = getProfile('hefei')!;

  it('carries compounds with pinyin, facilities with places-free estimates, and the profile', () => {
    const estates = [
      estate('a', '金地国际城', 117.203, 31.803, 2000),
      estate('b', '滨湖世纪城', 117.205, 31.804, 100),
      { ...estate('c', '无坐标小区', 0, 0), location: null },
    ];
    // Hefei: 5.6 nursery places per 1000 residents, 2.52 persons per household, 5 minutes' walk.
    const facilities = [
      facility('small', 'nursery', 117.204, 31.8035, 5), // demand ≈ 2100 × 2.52 × 0.0056 ≈ 29.6 places > 5
      facility('big', 'nursery', 117.2041, 31.8036, 500),
      facility('unknown', 'elderly-home', 117.204, 31.803, null),
    ];
    const published = buildPublishedScenario({
      name: '测试方案',
      estates,
      facilities,
      network,
      profile,
      profileSource: 'builtin',
      parameters: profile.parameters,
      withinMinutes: [5, 10, 15],
      publishedAt: '2026-12-07T00:00:00.000Z',
      maxSnapM: 500,
    });
    expect(published.compounds.map((c) => [c.name, c.initials])).toEqual([
      ['金地国际城', 'jdgjc'],
      ['滨湖世纪城', 'bhsjc'],
    ]);
    expect(published.walkingSpeed).toEqual({ default: 1, elderly: 0.8 });
    expect(published.profile.id).toBe('hefei');
    const byId = new Map(published.facilities.map((f) => [f.id, f]));
    // Both nurseries lie within 5 minutes of both estates: each one's load is its catchment's demand
    // over its places (2SFCA step 1), so the small one is full and the big one has places free.
    const demand = (2000 + 100) * 2.52 * 0.0056;
    expect(byId.get('small')!.load).toBeCloseTo(demand / 5, 6);
    expect(byId.get('small')!.placesFree).toBe('full');
    expect(byId.get('big')!.load).toBeCloseTo(demand / 500, 6);
    expect(byId.get('big')!.placesFree).toBe('yes');
    expect(byId.get('big')!.capacityUnit).toBe('places');
    expect(byId.get('unknown')!.placesFree).toBe('unknown');
    expect(byId.get('unknown')!.category).toBe('elderly');
    expect(published.bounds).toEqual([117.203, 31.803, 117.205, 31.804]);
  });
});
