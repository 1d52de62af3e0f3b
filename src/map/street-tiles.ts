/**
 * Vector tiles of the street network, cut on request from its flat segment array (issue #9): the map
 * never holds a city's streets as GeoJSON. A tile is a Mapbox Vector Tile (spec 2.1) with one layer,
 * `streets`, of one MultiLineString feature; segments are found with a Flatbush index over their
 * bounding boxes. Below `minzoom` a tile would carry more than `MAX_SEGMENTS_PER_TILE` of a dense city's
 * segments, so the source starts there (the map explains it); small networks draw at every zoom.
 * Pure: no MapLibre here (the MapController serves the tiles through a custom protocol).
 */
import Flatbush from 'flatbush';
import { PbfWriter } from 'pbf';

/** The map's source of street tiles. */
export const STREET_SOURCE = 'streets';
/** Name of the tiles' one layer (the map's `source-layer`). */
export const STREET_TILE_LAYER = 'streets';
/** MVT coordinate extent of a tile. */
export const TILE_EXTENT = 4096;
/** Tiles are cut up to this zoom; the map overzooms them beyond. */
export const STREET_TILE_MAXZOOM = 14;
/** About the most segments one tile should carry (a tile is cut on the main thread when it is shown). */
const MAX_SEGMENTS_PER_TILE = 40_000;
/** Tile buffer, in tile units: lines reaching just past the edge join up with the next tile's. */
const BUFFER = 64;

export interface StreetTileIndex {
  /** Segments indexed. */
  readonly segments: number;
  /** Lowest zoom a tile is cut for (0 for small networks). */
  readonly minzoom: number;
  /**
   * The tile's MVT bytes (empty when no segment crosses it).
   * @param z zoom
   * @param x column
   * @param y row
   */
  tile(z: number, x: number, y: number): Uint8Array;
}

/** Web Mercator, in world units [0, 1): x east, y south. */
const mercX = (lng: number): number => (lng + 180) / 360;
const mercY = (lat: number): number => {
  const s = Math.sin((Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

const zigzag = (n: number): number => (n << 1) ^ (n >> 31);
const command = (id: number, count: number): number => (count << 3) | (id & 0x7);

/**
 * @param segments street segments [lon0, lat0, lon1, lat1, …] (WGS-84), four numbers each
 * @returns the index that cuts tiles
 * @example createStreetTileIndex(segments).tile(15, 27026, 13304).length
 */
export function createStreetTileIndex(segments: Float64Array): StreetTileIndex {
  const count = Math.floor(segments.length / 4);
  // Segments in Mercator world units, so a tile's segments project with a multiply and an add.
  const world = new Float64Array(count * 4);
  for (let i = 0; i < count * 4; i += 2) {
    world[i] = mercX(segments[i]!);
    world[i + 1] = mercY(segments[i + 1]!);
  }
  const index = count > 0 ? new Flatbush(count) : null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let s = 0; s < count; s++) {
    const x0 = world[4 * s]!;
    const y0 = world[4 * s + 1]!;
    const x1 = world[4 * s + 2]!;
    const y1 = world[4 * s + 3]!;
    index!.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    minX = Math.min(minX, x0, x1);
    minY = Math.min(minY, y0, y1);
    maxX = Math.max(maxX, x0, x1);
    maxY = Math.max(maxY, y0, y1);
  }
  index?.finish();
  const minzoom = count === 0 ? 0 : densestZoom(count, maxX - minX, maxY - minY);

  return {
    segments: count,
    minzoom,
    tile(z, x, y) {
      if (!index || z < minzoom) return new Uint8Array(0);
      const scale = 2 ** z;
      const pad = BUFFER / TILE_EXTENT / scale;
      const hits = index.search(
        x / scale - pad,
        y / scale - pad,
        (x + 1) / scale + pad,
        (y + 1) / scale + pad,
      );
      if (hits.length === 0) return new Uint8Array(0);
      const k = scale * TILE_EXTENT;
      const geometry: number[] = [];
      let cx = 0;
      let cy = 0;
      for (const s of hits) {
        const ax = Math.round(world[4 * s]! * k - x * TILE_EXTENT);
        const ay = Math.round(world[4 * s + 1]! * k - y * TILE_EXTENT);
        const bx = Math.round(world[4 * s + 2]! * k - x * TILE_EXTENT);
        const by = Math.round(world[4 * s + 3]! * k - y * TILE_EXTENT);
        if (ax === bx && ay === by) continue; // shorter than a tile unit at this zoom
        geometry.push(
          command(1, 1),
          zigzag(ax - cx),
          zigzag(ay - cy),
          command(2, 1),
          zigzag(bx - ax),
          zigzag(by - ay),
        );
        cx = bx;
        cy = by;
      }
      if (geometry.length === 0) return new Uint8Array(0);
      return encodeTile(geometry);
    },
  };
}

/**
 * Lowest zoom at which an evenly spread network puts at most MAX_SEGMENTS_PER_TILE in one tile: a tile
 * inside the network's extent holds about its share of the extent's area.
 */
function densestZoom(count: number, width: number, height: number): number {
  for (let z = 0; z < STREET_TILE_MAXZOOM; z++) {
    const scale = 2 ** z;
    const share = Math.min(1, 1 / (width * scale)) * Math.min(1, 1 / (height * scale));
    if (count * share <= MAX_SEGMENTS_PER_TILE) return z;
  }
  return STREET_TILE_MAXZOOM;
}

/** One layer, one LineString feature (type 2) without properties. */
function encodeTile(geometry: number[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(
    3,
    (g: number[], layer: PbfWriter) => {
      layer.writeVarintField(15, 2);
      layer.writeStringField(1, STREET_TILE_LAYER);
      layer.writeMessage(
        2,
        (geom: number[], feature: PbfWriter) => {
          feature.writeVarintField(3, 2);
          feature.writePackedVarint(4, geom);
        },
        g,
      );
      layer.writeVarintField(5, TILE_EXTENT);
    },
    geometry,
  );
  return pbf.finish();
}
