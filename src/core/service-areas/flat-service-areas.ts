import type { CoverageMode } from '../coverage/types';

/**
 * Service areas in a flat layout of typed arrays (the offsets layout of GeoArrow's MultiPolygon): no
 * array per vertex or ring, so hundreds of areas are built without work for the garbage collector and
 * cross from the worker to the page as transferred buffers, not structured clones. Convert with
 * `serviceAreasToGeoJSON` where GeoJSON is needed (files, the map's sources).
 *
 * Area a is facility `facilityIds[⌊a / minutes.length⌋]` within `minutes[a mod minutes.length]`; the
 * budgets are listed largest first, so each facility's areas come largest first (drawn bottom to top).
 * Area a's polygons are `areaStart[a] … areaStart[a + 1]`, polygon p's rings `polygonStart[p] …
 * polygonStart[p + 1]` (outer ring first, then holes), ring r's vertices `ringStart[r] … ringStart[r + 1]`
 * (closed: the last vertex repeats the first), vertex v at `coordinates[2v], coordinates[2v + 1]`
 * (WGS-84 longitude, latitude). Outer rings are counter-clockwise and holes clockwise (RFC 7946).
 */
export interface FlatServiceAreas {
  mode: CoverageMode;
  /** Walking-time budgets, largest first. */
  minutes: number[];
  /** minutes × 60 × speed, in the same order. */
  distanceM: number[];
  /** Facilities that have areas, in input order. */
  facilityIds: string[];
  /** Facilities that got no area because they are not on the network. */
  offNetwork: string[];
  areaStart: Uint32Array;
  polygonStart: Uint32Array;
  ringStart: Uint32Array;
  coordinates: Float64Array;
}

/**
 * Appends areas, polygons, rings and vertices to growable typed arrays, in that nesting.
 * @example const w = new FlatAreaWriter(); w.area(); w.polygon(); w.ring(); w.vertex(121.4, 31.2); …
 */
export class FlatAreaWriter {
  private areaStart = new Uint32Array(64);
  private polygonStart = new Uint32Array(256);
  private ringStart = new Uint32Array(1024);
  private coordinates = new Float64Array(8192);
  private areas = 0;
  private polygons = 0;
  private rings = 0;
  /** Coordinates written (two per vertex). */
  private length = 0;

  /** Starts an area (its polygons follow). */
  area(): void {
    if (this.areas + 2 > this.areaStart.length) this.areaStart = grown(this.areaStart);
    this.areaStart[this.areas++] = this.polygons;
  }

  /** Starts a polygon of the current area (its rings follow, outer first). */
  polygon(): void {
    if (this.polygons + 2 > this.polygonStart.length) this.polygonStart = grown(this.polygonStart);
    this.polygonStart[this.polygons++] = this.rings;
  }

  /**
   * Starts a ring of the current polygon.
   * @param vertices how many vertices will follow (room is made for them at once)
   */
  ring(vertices: number): void {
    if (this.rings + 2 > this.ringStart.length) this.ringStart = grown(this.ringStart);
    this.ringStart[this.rings++] = this.length >> 1;
    if (this.length + 2 * vertices > this.coordinates.length) {
      const more = new Float64Array(Math.max(2 * this.coordinates.length, this.length + 2 * vertices));
      more.set(this.coordinates.subarray(0, this.length));
      this.coordinates = more;
    }
  }

  /**
   * Appends a closed ring given in lattice coordinates (see ContourTracer) through per-column and per-row
   * degree tables.
   * @param xy flat lattice x, y pairs
   * @param from first coordinate of the ring in xy
   * @param to end of the ring in xy (exclusive, closing vertex included)
   * @param lng longitude per lattice column
   * @param lat latitude per lattice row
   */
  latticeRing(xy: Int32Array, from: number, to: number, lng: Float64Array, lat: Float64Array): void {
    this.ring((to - from) >> 1);
    const c = this.coordinates;
    let n = this.length;
    for (let q = from; q < to; q += 2) {
      c[n++] = lng[xy[q]!]!;
      c[n++] = lat[xy[q + 1]!]!;
    }
    this.length = n;
  }

  /** Appends a vertex to the current ring (room was made by `ring`). */
  vertex(lng: number, lat: number): void {
    this.coordinates[this.length++] = lng;
    this.coordinates[this.length++] = lat;
  }

  /**
   * @returns the offset arrays (each closed with its end) and the coordinates, trimmed to size
   */
  finish(): Pick<FlatServiceAreas, 'areaStart' | 'polygonStart' | 'ringStart' | 'coordinates'> {
    this.areaStart[this.areas] = this.polygons;
    this.polygonStart[this.polygons] = this.rings;
    this.ringStart[this.rings] = this.length >> 1;
    return {
      areaStart: this.areaStart.slice(0, this.areas + 1),
      polygonStart: this.polygonStart.slice(0, this.polygons + 1),
      ringStart: this.ringStart.slice(0, this.rings + 1),
      coordinates: this.coordinates.slice(0, this.length),
    };
  }
}

function grown(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}
