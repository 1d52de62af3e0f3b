import Flatbush from 'flatbush';

/** A TopoJSON geometry, as far as land polygons need it (arcs: ring → arc indexes, ~i = arc i reversed). */
export type TopoGeometry =
  | { type: 'GeometryCollection'; geometries: TopoGeometry[] }
  | { type: 'Polygon'; arcs: number[][] }
  | { type: 'MultiPolygon'; arcs: number[][][] }
  | { type: string; arcs?: unknown; geometries?: unknown };

/**
 * The part of a TopoJSON Topology the land mask reads: world-atlas's `land-10m.json` (Natural Earth
 * 1:10m land polygons, quantized, delta-encoded arcs) has this shape.
 */
export interface LandTopology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, TopoGeometry>;
}

/** Where a land mask must answer: points west of `west` or outside `south`–`north` are not covered. */
export interface LandRegion {
  west: number;
  south: number;
  north: number;
}

export interface LandMaskOptions {
  /** The TopoJSON object holding the land polygons (default `land`, as in world-atlas). */
  objectName?: string;
  /**
   * Keep only the coast a point in this region can need: rays are cast eastwards and stay in the
   * point's latitude, so segments entirely west of it or outside its latitudes never count (China's box
   * keeps about an eighth of the world's coast). Default: the whole world.
   */
  region?: LandRegion;
}

/**
 * Degrees kept around a region: the coarse cells of pointsAtSea (0.5°) reach that far past a point,
 * plus its tolerance (kilometres, a small fraction of a degree).
 */
const REGION_MARGIN_DEG = 1;

/** Coastline segments of a land mask with a packed R-tree over them (built once, read-only). */
export interface LandMask {
  /** Segments as [x1, y1, x2, y2, …], WGS-84 degrees; the index's item i is segment i. */
  segments: Float64Array;
  index: Flatbush;
  /** Eastmost x of any segment: rays for the inside test are cast eastwards up to here. */
  east: number;
  /** The region the mask answers for (null: the whole world). */
  region: LandRegion | null;
}

const STRIDE = 4;

function countArcUses(geometry: TopoGeometry, uses: Uint16Array): void {
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries as TopoGeometry[]) countArcUses(g, uses);
    return;
  }
  const rings =
    geometry.type === 'Polygon'
      ? (geometry.arcs as number[][])
      : geometry.type === 'MultiPolygon'
        ? (geometry.arcs as number[][][]).flat()
        : [];
  for (const ring of rings) {
    for (const arc of ring) {
      const i = arc < 0 ? ~arc : arc;
      uses[i] = (uses[i] as number) + 1;
    }
  }
}

const keeps = (region: LandRegion | null, x1: number, y1: number, x2: number, y2: number): boolean =>
  region === null ||
  (Math.max(x1, x2) >= region.west - REGION_MARGIN_DEG &&
    Math.max(y1, y2) >= region.south - REGION_MARGIN_DEG &&
    Math.min(y1, y2) <= region.north + REGION_MARGIN_DEG);

/**
 * Builds a land mask from TopoJSON land polygons. Rings are never assembled: the inside test is an
 * even–odd ray count and the coast distance a nearest-segment search, and both need only the set of
 * boundary segments. An arc used by two rings (two touching polygons) is inner and cancels out, so only
 * arcs used an odd number of times are kept.
 * @param topology e.g. world-atlas `land-10m.json`
 * @param options the object's name, and the region to keep
 * @returns the segments and their index
 * @throws Error when the object is missing
 * @example landMaskFromTopology(land10m, { region: CHINA_BOUNDS }).segments.length / 4 // ≈ 50 000
 */
export function landMaskFromTopology(topology: LandTopology, options: LandMaskOptions = {}): LandMask {
  const objectName = options.objectName ?? 'land';
  const region = options.region ?? null;
  const object = topology.objects[objectName];
  if (!object) throw new Error(`land mask: the topology has no object "${objectName}"`);
  const uses = new Uint16Array(topology.arcs.length);
  countArcUses(object, uses);
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const delta = topology.transform !== undefined;
  let total = 0;
  topology.arcs.forEach((arc, i) => {
    if ((uses[i] as number) % 2 === 1) total += Math.max(0, arc.length - 1);
  });
  // Sized for every kept arc; the region may leave part of it unused.
  const segments = new Float64Array(total * STRIDE);
  let n = 0;
  let east = -Infinity;
  topology.arcs.forEach((arc, i) => {
    if ((uses[i] as number) % 2 === 0) return;
    let qx = 0;
    let qy = 0;
    let px = NaN;
    let py = NaN;
    for (const position of arc) {
      // Quantized arcs are delta-encoded (TopoJSON specification §2.1.5).
      qx = delta ? qx + (position[0] as number) : (position[0] as number);
      qy = delta ? qy + (position[1] as number) : (position[1] as number);
      const x = qx * sx + tx;
      const y = qy * sy + ty;
      if (!Number.isNaN(px) && (x !== px || y !== py) && keeps(region, px, py, x, y)) {
        segments.set([px, py, x, y], n * STRIDE);
        n++;
        if (x > east) east = x;
        if (px > east) east = px;
      }
      px = x;
      py = y;
    }
  });
  const index = new Flatbush(Math.max(1, n));
  for (let k = 0; k < n; k++) {
    const o = k * STRIDE;
    const x1 = segments[o] as number;
    const y1 = segments[o + 1] as number;
    const x2 = segments[o + 2] as number;
    const y2 = segments[o + 3] as number;
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    segments: segments.slice(0, n * STRIDE),
    index,
    east: n === 0 ? 0 : east,
    region: region && { west: region.west, south: region.south, north: region.north },
  };
}
