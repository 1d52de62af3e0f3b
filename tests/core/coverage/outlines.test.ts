import { area, booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { type CoverageParameters, type EstateCoverage } from '../../../src/core/coverage';
import { underservedZones } from '../../../src/core/underserved';
import { traceCellOutline } from '../../../src/core/underserved/cell-outline';
import { ContourTracer } from '../../../src/core/service-areas/contour-rings';
import { ringsToPolygons, signedArea } from '../../../src/core/underserved/rings-to-polygons';
import { makeEstate } from './helpers';

/** A mask from rows of text, top row first ('#' inside). */
function mask(rows: string[]): { inside: Uint8Array; width: number; height: number } {
  const height = rows.length;
  const width = rows[0]!.length;
  const inside = new Uint8Array(width * height);
  rows.forEach((row, r) =>
    [...row].forEach((ch, x) => (inside[(height - 1 - r) * width + x] = ch === '#' ? 1 : 0)),
  );
  return { inside, width, height };
}

describe('traceCellOutline', () => {
  it('outlines one cell counter-clockwise, corners only', () => {
    const m = mask(['...', '.#.', '...']);
    expect(traceCellOutline(m.inside, m.width, m.height)).toEqual([[1, 1, 2, 1, 2, 2, 1, 2, 1, 1]]);
  });

  it('gives a ring with a hole: outer counter-clockwise, hole clockwise, areas exact', () => {
    const m = mask(['.....', '.###.', '.#.#.', '.###.', '.....']);
    const rings = traceCellOutline(m.inside, m.width, m.height);
    expect(rings.map(signedArea).sort((a, b) => a - b)).toEqual([-1, 9]);
  });

  it('keeps cells that touch only at a corner apart (4-connected)', () => {
    const m = mask(['....', '.#..', '..#.', '....']);
    const rings = traceCellOutline(m.inside, m.width, m.height);
    expect(rings).toHaveLength(2);
    expect(rings.map(signedArea)).toEqual([1, 1]);
  });
});

describe('ContourTracer', () => {
  it('draws nested contours for nested levels, orientation by RFC 7946', () => {
    // 7 × 7 lattice: level 0 at the centre, level 1 on the 3 × 3 around it, 2 (outside) elsewhere.
    const size = 7;
    const levels = new Uint8Array(size * size).fill(2);
    for (let j = 2; j <= 4; j++) for (let i = 2; i <= 4; i++) levels[j * size + i] = 1;
    levels[3 * size + 3] = 0;
    const span = {
      j0: 2,
      j1: 4,
      rowMin: Int32Array.from({ length: size }, () => 2),
      rowMax: Int32Array.from({ length: size }, () => 4),
    };
    const [inner, outer] = new ContourTracer().trace(levels, size, 2, span);
    expect(inner).toHaveLength(1);
    expect(outer).toHaveLength(1);
    // Centre point alone: a diamond through the four edge midpoints around (3, 3) (doubled coordinates).
    expect(signedArea(inner![0]!)).toBe(2);
    // 3 × 3 block: the square [3, 9]² (doubled units) with four unit-leg corners cut: 36 − 4 × ½ = 34.
    expect(signedArea(outer![0]!)).toBe(34);
  });
});

describe('ringsToPolygons', () => {
  it('puts each hole into the smallest outer ring that contains it', () => {
    const big = [0, 0, 10, 0, 10, 10, 0, 10, 0, 0];
    const island = [20, 0, 24, 0, 24, 4, 20, 4, 20, 0];
    const hole = [2, 2, 2, 4, 4, 4, 4, 2, 2, 2];
    const holeInIsland = [21, 1, 21, 2, 22, 2, 22, 1, 21, 1];
    const polys = ringsToPolygons([big, island, hole, holeInIsland]);
    expect(polys).toEqual([
      [big, hole],
      [island, holeInIsland],
    ]);
  });
});

describe('underservedZones', () => {
  const parameters = {
    mode: 'network',
    zoneCellM: 250,
    zoneBlockM: 2000,
    capacity: { field: 'places', perResident: 0.01 },
    capacityUnit: 'places',
  } as CoverageParameters;
  const row = (id: string, underserved: boolean, households: number, ratio: number): EstateCoverage =>
    ({
      id,
      households,
      residents: households * 2,
      demand: households * 0.02,
      supplyDemandRatio: ratio,
      underserved,
    }) as EstateCoverage;
  // 250 m ≈ 0.00263° of longitude at 31.2° N; estates in cells (0,0), (1,0) [adjacent] and (5,5).
  const dLng = 250 / (111_195 * Math.cos((31.2 * Math.PI) / 180));
  const dLat = 250 / 111_195;
  const at = (cx: number, cy: number): [number, number] => [
    121.4 + (cx + 0.5) * dLng,
    31.2 + (cy + 0.5) * dLat,
  ];
  const estates = [
    makeEstate('anchor', [121.4, 31.2], 1),
    makeEstate('a', at(0, 0), 100),
    makeEstate('b', at(1, 0), 300),
    makeEstate('c', at(5, 5), 50),
    makeEstate('served', at(0, 1), 80),
  ];
  const rows = [
    row('anchor', false, 1, 1),
    row('a', true, 100, 0),
    row('b', true, 300, 0.5),
    row('c', true, 50, 0),
    row('served', false, 80, 2),
  ];

  it('merges adjacent demand cells and sums what is missing', () => {
    const zones = underservedZones(estates, rows, parameters).features;
    expect(zones.map((z) => z.properties.estateIds)).toEqual([['a', 'b'], ['c']]);
    expect(zones[0]!.properties).toMatchObject({ zone: 1, cells: 2, households: 400, residents: 800 });
    expect(zones[0]!.properties.demand).toBeCloseTo(8, 12);
    expect(zones[0]!.properties.missing).toBeCloseTo(2 + 6 * 0.5, 12);
    // Two 250 m cells: 125,000 m² within the frame's approximation.
    expect(area(zones[0]!) / 125_000).toBeCloseTo(1, 2);
    expect(booleanPointInPolygon(point(at(1, 0)), zones[0]!)).toBe(true);
    expect(booleanPointInPolygon(point(at(0, 1)), zones[0]!)).toBe(false);
  });
});
