/**
 * The land mask and the in-the-sea check. Synthetic islands (coordinates chosen by hand, so the
 * expected answer follows from the geometry) check the algorithm; the Natural Earth 1:10m land of
 * world-atlas checks real places: landmarks, points offshore (positions read off a nautical chart:
 * far from any coast or island), and the real compounds of ../shared/data when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHINA_BOUNDS,
  crsAlternatives,
  inverseProjectorFor,
  landCheck,
  landMaskFromTopology,
  pointsAtSea,
  projectorFor,
  type LandMask,
  type LandTopology,
} from '../../../src/core/crs';
import { metres } from './china-offsets';

const ROOT = join(__dirname, '..', '..', '..');
const DATA = join(ROOT, '..', 'shared', 'data');
/** mulberry32, as in flatbush's bench (seeded, so runs are comparable); returns [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const flat = (points: [number, number][]) => new Float64Array(points.flat());

/** A square island 0–1° E, 0–1° N, with a square lake 0.4–0.6° inside (a hole), as plain TopoJSON. */
const island: LandTopology = {
  type: 'Topology',
  arcs: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
    [
      [0.4, 0.4],
      [0.4, 0.6],
      [0.6, 0.6],
      [0.6, 0.4],
      [0.4, 0.4],
    ],
  ],
  objects: { land: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0], [1]] }] } },
};

/** Two unit squares side by side (0–1° and 1–2° E) sharing the arc along 1° E, quantized and delta-encoded. */
const twins: LandTopology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [0, 0] },
  arcs: [
    [
      [2, 0],
      [0, 2],
    ], // shared: (1,0) → (1,1)
    [
      [2, 2],
      [-2, 0],
      [0, -2],
      [2, 0],
    ], // west square's other three sides: (1,1) → (0,1) → (0,0) → (1,0)
    [
      [2, 0],
      [2, 0],
      [0, 2],
      [-2, 0],
    ], // east square's: (1,0) → (2,0) → (2,1) → (1,1)
  ],
  objects: {
    land: {
      type: 'MultiPolygon',
      arcs: [[[0, 1]], [[2, -1]]],
    },
  },
};

describe('pointsAtSea on synthetic land', () => {
  const mask = landMaskFromTopology(island);
  // 1° of longitude at the equator ≈ 111.2 km, so 0.005° ≈ 556 m and 0.05° ≈ 5.6 km.
  it('finds points on the island, in its lake and in the open sea', () => {
    const points = flat([
      [0.2, 0.2], // land
      [0.5, 0.5], // the lake: 11 km from its shore
      [2, 0.5], // sea
      [-0.5, 0.5], // sea, west of the island
      [0.8, 0.9], // land
    ]);
    expect([...pointsAtSea(mask, points)]).toEqual([1, 2, 3]);
  });

  it('counts a point near the coast as on land, within the tolerance only', () => {
    const offshore = flat([[1.005, 0.5]]);
    expect(pointsAtSea(mask, offshore, 2000)).toHaveLength(0);
    expect(pointsAtSea(mask, offshore, 400)).toHaveLength(1);
  });

  it('treats non-numbers and out-of-range pairs (swapped columns) as not on land', () => {
    expect([
      ...pointsAtSea(
        mask,
        flat([
          [NaN, 0.5],
          [0.5, 120],
          [0.2, 0.2],
        ]),
      ),
    ]).toEqual([0, 1]);
  });

  it('property: points 3 km or more inside the square are land, 3 km or more outside are sea', () => {
    const margin = 3000 / 111_195;
    const inner = fc.tuple(
      fc.double({ min: margin, max: 1 - margin, noNaN: true }),
      fc.double({ min: margin, max: 0.4 - margin, noNaN: true }),
    );
    const outer = fc.tuple(
      fc.double({ min: 1 + margin, max: 3, noNaN: true }),
      fc.double({ min: -1, max: 2, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(inner, { maxLength: 20 }), fc.array(outer, { maxLength: 20 }), (land, sea) => {
        const found = pointsAtSea(mask, flat([...land, ...sea]));
        expect([...found]).toEqual(sea.map((_, i) => land.length + i));
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });

  it('decodes quantized delta arcs and drops an arc shared by two polygons (no inner coast)', () => {
    const twin = landMaskFromTopology(twins);
    // 3 outer arcs of 1, 3 and 3 segments; the shared one (1 segment) is inner.
    expect(twin.segments.length / 4).toBe(6);
    // (1.001, 0.5) is 111 m from the shared edge: still land, and not "near the coast" with tolerance 0.
    expect([
      ...pointsAtSea(
        twin,
        flat([
          [1.001, 0.5],
          [1.9, 0.9],
          [2.1, 0.5],
        ]),
        0,
      ),
    ]).toEqual([2]);
  });

  it('names the missing object', () => {
    expect(() => landMaskFromTopology(island, { objectName: 'countries' })).toThrow(/no object "countries"/);
  });
});

describe('Natural Earth 1:10m land (world-atlas)', () => {
  let topology: LandTopology;
  let mask: LandMask;
  beforeAll(() => {
    const path = join(ROOT, 'node_modules', 'world-atlas', 'land-10m.json');
    topology = JSON.parse(readFileSync(path, 'utf8')) as LandTopology;
    mask = landMaskFromTopology(topology);
  });

  const onLand: [string, number, number][] = [
    ["Shanghai, People's Square", 121.4737, 31.2304],
    ['Shanghai, Pudong airport (on the shore)', 121.805, 31.143],
    ['Chongming island', 121.4, 31.62],
    ['Zhoushan, Dinghai', 122.1, 30.02],
    ['Xiamen island', 118.09, 24.48],
    ['Hefei', 117.227, 31.82],
    ['Chaohu lake (a lake is not the sea)', 117.55, 31.55],
    ['Hong Kong, Central', 114.16, 22.28],
  ];
  it.each(onLand)('puts %s on land', (_, lng, lat) => {
    expect(pointsAtSea(mask, flat([[lng, lat]]))).toHaveLength(0);
  });

  const atSea: [string, number, number][] = [
    ['20 km east of Nanhui point, Shanghai', 122.18, 30.87],
    ['East China Sea, 100 km east of Zhoushan', 123.0, 30.5],
    ['Bohai Strait', 120.0, 38.8],
    ['Taiwan Strait', 119.8, 24.2],
    ['South China Sea, 40 km south of Sanya', 109.5, 17.9],
  ];
  it.each(atSea)('puts %s at sea', (_, lng, lat) => {
    expect(pointsAtSea(mask, flat([[lng, lat]]))).toHaveLength(1);
  });

  it('answers the same with the coast cut to the China box, on 20,000 seeded points in it', () => {
    const china = landMaskFromTopology(topology, { region: CHINA_BOUNDS });
    expect(china.segments.length).toBeLessThan(mask.segments.length / 4);
    const next = mulberry32(20261123);
    const { west, east, south, north } = CHINA_BOUNDS;
    const points = new Float64Array(40_000);
    for (let i = 0; i < points.length; i += 2) {
      points[i] = west + (east - west) * next();
      points[i + 1] = south + (north - south) * next();
    }
    const full = pointsAtSea(mask, points);
    // A real mix of land and sea, so the comparison means something.
    expect(full.length).toBeGreaterThan(2000);
    expect(full.length).toBeLessThan(18_000);
    expect([...pointsAtSea(china, points)]).toEqual([...full]);
    // Outside its region the cut mask cannot tell, and says "not on land" (Paris).
    expect(pointsAtSea(china, flat([[2.35, 48.86]]))).toHaveLength(1);
    expect(pointsAtSea(mask, flat([[2.35, 48.86]]))).toHaveLength(0);
  });

  it('catches swapped longitude and latitude', () => {
    expect([
      ...pointsAtSea(
        mask,
        flat([
          [31.2304, 121.4737],
          [31.82, 117.227],
        ]),
      ),
    ]).toEqual([0, 1]);
  });

  const compounds = (city: string): Float64Array => {
    const lines = readFileSync(join(DATA, city, 'compounds.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const out: number[] = [];
    for (const line of lines) {
      // 经度,纬度 are the last two columns (the address column may hold quoted commas).
      const cells = line.split(',');
      const lng = Number(cells[cells.length - 2]);
      const lat = Number(cells[cells.length - 1]);
      if (lng && lat) out.push(...projectorFor('bd09')(lng, lat));
    }
    return new Float64Array(out);
  };
  describe.skipIf(!existsSync(join(DATA, 'hefei', 'compounds.csv')))(
    'real compounds (../shared/data)',
    () => {
      it.each(['shanghai-center', 'hefei'])('finds none of the %s compounds at sea', (city) => {
        const points = compounds(city);
        expect(points.length / 2).toBeGreaterThan(2500);
        expect([...pointsAtSea(mask, points)]).toEqual([]);
      });
    },
  );

  /** Shanghai landmarks written in CGCS2000 3° Gauss–Krüger CM 120°E (EPSG:4549, no zone prefix). */
  const shanghai: [number, number][] = [
    [121.4737, 31.2304],
    [121.5, 31.24],
    [121.4, 31.62],
    [121.805, 31.143],
    [121.44, 31.0],
  ];
  const asRead = (points: [number, number][], file: 'EPSG:4549', read: 'EPSG:4550') =>
    flat(points.map(([x, y]) => projectorFor(read)(...inverseProjectorFor(file)(x, y))));

  it('suggests the neighbouring zone when a file in zone CM 120°E is read as CM 123°E', () => {
    const points = asRead(shanghai, 'EPSG:4549', 'EPSG:4550');
    // Read one zone east, they move about 3° into the East China Sea.
    expect(points[0]).toBeGreaterThan(124);
    const check = landCheck(mask, points, 'EPSG:4550');
    expect(check.atSea).toHaveLength(shanghai.length);
    expect(check.suggestion).toMatchObject({ crs: 'EPSG:4549', seaShare: 0, currentSeaShare: 1 });
    // Read as suggested, the points are where they started.
    const fixed = projectorFor('EPSG:4549')(
      ...inverseProjectorFor('EPSG:4550')(points[0] as number, points[1] as number),
    );
    expect(metres(fixed, shanghai[0]!)).toBeLessThan(1);
  });

  it('reports one mistyped row without suggesting to move all the others', () => {
    const points = flat([...shanghai, [123.0, 30.5]]);
    const check = landCheck(mask, points, 'wgs84');
    expect([...check.atSea]).toEqual([shanghai.length]);
    expect(check.suggestion).toBeNull();
  });

  it('suggests no CRS when under a tenth of the points are at sea, even if one would move them', () => {
    // 10 points in zone CM 120°E read as CM 123°E among 100 read right: 9 % at sea.
    const right = Array.from({ length: 100 }, (_, i) => shanghai[i % shanghai.length]!);
    const wrong = asRead(shanghai.concat(shanghai), 'EPSG:4549', 'EPSG:4550');
    const points = new Float64Array([...flat(right), ...wrong]);
    const check = landCheck(mask, points, 'EPSG:4550');
    expect(check.atSea).toHaveLength(10);
    expect(check.suggestion).toBeNull();
    // The same 10 alone are all at sea, and then the neighbouring zone is suggested.
    expect(landCheck(mask, wrong, 'EPSG:4550').suggestion?.crs).toBe('EPSG:4549');
  });

  it('has nothing to say about points on land', () => {
    expect(landCheck(mask, flat(shanghai), 'EPSG:4549')).toMatchObject({ suggestion: null });
    expect(landCheck(mask, flat(shanghai), 'EPSG:4549').atSea).toHaveLength(0);
  });
});

describe('crsAlternatives', () => {
  it('lists the other zones of the same family, nearest first, then Web Mercator', () => {
    const list = crsAlternatives('EPSG:4550');
    expect(list.slice(0, 3)).toEqual(['EPSG:4549', 'EPSG:4551', 'EPSG:4548']);
    expect(list).toHaveLength(21);
    expect(list).not.toContain('EPSG:4550');
    expect(list.at(-1)).toBe('EPSG:3857');
    // 6° zones with the zone prefixed to the easting: 4491–4501.
    expect(
      crsAlternatives('EPSG:4491')
        .filter((c) => c !== 'EPSG:3857')
        .every((c) => /^EPSG:(449[1-9]|450[01])$/.test(c)),
    ).toBe(true);
  });

  it('lists the other geographic systems for degrees', () => {
    expect(crsAlternatives('bd09')).toEqual(['wgs84', 'gcj02']);
    expect(crsAlternatives('EPSG:4490')).toEqual(['gcj02', 'bd09']);
  });
});

describe('inverseProjectorFor', () => {
  it.each(['gcj02', 'bd09', 'EPSG:4549', 'EPSG:4527', 'EPSG:3857'] as const)(
    'undoes projectorFor(%s) to within 1 m',
    (crs) => {
      const raw = inverseProjectorFor(crs)(121.4737, 31.2304);
      expect(metres(projectorFor(crs)(raw[0], raw[1]), [121.4737, 31.2304])).toBeLessThan(1);
    },
  );
});
