/**
 * The street layer's vector tiles (src/map/street-tiles.ts, issue #9), decoded with MapLibre's own
 * MVT reader (@mapbox/vector-tile): every segment that crosses a tile comes back at its position, to
 * a tile unit; a dense city's tiles start at the zoom where one tile holds a bounded number of
 * segments, a small network's at zoom 0.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { createStreetTileIndex, STREET_TILE_LAYER, TILE_EXTENT } from '../../src/map/street-tiles';

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/** A grid of streets: `n` × `n` blocks of `stepDeg`, each block edge one segment. */
function grid(n: number, stepDeg: number, lng0 = 117.2, lat0 = 31.8): Float64Array {
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j < n; j++) {
      out.push(lng0 + j * stepDeg, lat0 + i * stepDeg, lng0 + (j + 1) * stepDeg, lat0 + i * stepDeg);
      out.push(lng0 + i * stepDeg, lat0 + j * stepDeg, lng0 + i * stepDeg, lat0 + (j + 1) * stepDeg);
    }
  }
  return Float64Array.from(out);
}

function decode(bytes: Uint8Array): [number, number][][] {
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = tile.layers[STREET_TILE_LAYER]!;
  expect(layer.extent).toBe(TILE_EXTENT);
  expect(layer.length).toBe(1);
  return layer
    .feature(0)
    .loadGeometry()
    .map((line) => line.map((p) => [p.x, p.y] as [number, number]));
}

describe('street vector tiles', () => {
  it('carry every segment crossing the tile at its position, to a tile unit', () => {
    const segments = grid(10, 0.001);
    const index = createStreetTileIndex(segments);
    expect(index.segments).toBe(220);
    expect(index.minzoom).toBe(0);
    const z = 15;
    const scale = 2 ** z;
    const x = Math.floor(mercX(117.2045) * scale);
    const y = Math.floor(mercY(31.8045) * scale);
    const lines = decode(index.tile(z, x, y));
    // The expected lines: segments whose box meets the tile (with its buffer), in tile units.
    const expected: [number, number][][] = [];
    const pad = 64 / TILE_EXTENT;
    for (let s = 0; s < segments.length; s += 4) {
      const a: [number, number] = [mercX(segments[s]!) * scale - x, mercY(segments[s + 1]!) * scale - y];
      const b: [number, number] = [mercX(segments[s + 2]!) * scale - x, mercY(segments[s + 3]!) * scale - y];
      const meets =
        Math.max(a[0], b[0]) >= -pad &&
        Math.min(a[0], b[0]) <= 1 + pad &&
        Math.max(a[1], b[1]) >= -pad &&
        Math.min(a[1], b[1]) <= 1 + pad;
      if (meets)
        expected.push([a, b].map(([u, v]) => [u * TILE_EXTENT, v * TILE_EXTENT]) as [number, number][]);
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(lines).toHaveLength(expected.length);
    const key = (l: [number, number][]) => l.map((p) => p.map(Math.round).join(',')).join(' ');
    expect(lines.map(key).sort()).toEqual(expected.map(key).sort());
    // A tile the streets do not reach is empty.
    expect(index.tile(z, x + 50, y).length).toBe(0);
  });

  it('starts a dense city at the zoom where a tile holds a bounded number of segments', () => {
    // 400 × 400 blocks of 50 m: 320,800 segments over about 20 km.
    const index = createStreetTileIndex(grid(400, 0.0005));
    expect(index.minzoom).toBeGreaterThanOrEqual(10);
    expect(index.tile(index.minzoom - 1, 0, 0).length).toBe(0);
    const scale = 2 ** index.minzoom;
    const x = Math.floor(mercX(117.3) * scale);
    const y = Math.floor(mercY(31.9) * scale);
    const lines = decode(index.tile(index.minzoom, x, y));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(80_000);
  });

  it('gives no tile for no streets', () => {
    const index = createStreetTileIndex(new Float64Array(0));
    expect(index.segments).toBe(0);
    expect(index.tile(14, 0, 0).length).toBe(0);
  });
});
