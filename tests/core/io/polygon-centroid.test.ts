import { describe, expect, it } from 'vitest';
import { polygonCentroid } from '../../../src/core/io';

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('polygonCentroid', () => {
  it('finds the centre of a square whatever its winding', () => {
    expect(polygonCentroid([[square(0, 0, 2)]])).toEqual([1, 1]);
    expect(polygonCentroid([[square(0, 0, 2).reverse()]])).toEqual([1, 1]);
  });

  it('weights by area: an L of three unit squares', () => {
    // Unit squares at (0,0), (1,0), (0,1): centroid = mean of their centres (0.5+1.5+0.5)/3 = 5/6.
    const l = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    const [x, y] = polygonCentroid([[l]]) ?? [];
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });

  it('subtracts holes', () => {
    // 4×4 square minus the 2×2 square at (2,2)-(4,4): area 12; centroid = (16·2 − 4·3)/12 = 5/3.
    const [x, y] = polygonCentroid([[square(0, 0, 4), square(2, 2, 2)]]) ?? [];
    expect(x).toBeCloseTo(5 / 3, 12);
    expect(y).toBeCloseTo(5 / 3, 12);
  });

  it('weights the parts of a multipolygon by area', () => {
    // Unit square at (0,0) and 2×2 square at (3,0): x = (0.5·1 + 4·4)/5 = 3.3, y = (0.5·1 + 1·4)/5 = 0.9.
    const [x, y] = polygonCentroid([[square(0, 0, 1)], [square(3, 0, 2)]]) ?? [];
    expect(x).toBeCloseTo(3.3, 12);
    expect(y).toBeCloseTo(0.9, 12);
  });

  it('keeps precision at real coordinates and falls back for degenerate rings', () => {
    const [x, y] = polygonCentroid([[square(117.3, 31.8, 0.0001)]]) ?? [];
    expect(x).toBeCloseTo(117.30005, 10);
    expect(y).toBeCloseTo(31.80005, 10);
    expect(
      polygonCentroid([
        [
          [
            [1, 1],
            [3, 3],
            [1, 1],
          ],
        ],
      ]),
    ).toEqual([2, 2]);
    expect(polygonCentroid([])).toBeNull();
  });
});
