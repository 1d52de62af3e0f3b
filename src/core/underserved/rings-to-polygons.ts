/**
 * Groups closed rings (flat [x0, y0, …, x0, y0], outer rings counter-clockwise, holes clockwise) into
 * polygons: each hole goes to the smallest outer ring that contains it. Outer rings keep their input
 * order, so the output is deterministic.
 * @param rings closed rings in any planar coordinates
 * @returns polygons as [outer, ...holes]
 * @example ringsToPolygons([[0,0, 4,0, 4,4, 0,4, 0,0], [1,1, 1,2, 2,2, 2,1, 1,1]]) // one polygon with a hole
 */
export function ringsToPolygons(rings: number[][]): number[][][] {
  const areas = rings.map(signedArea);
  const outers: number[] = [];
  rings.forEach((_, r) => {
    if (areas[r]! > 0) outers.push(r);
  });
  const polygons = new Map<number, number[][]>(outers.map((r) => [r, [rings[r]!]]));
  rings.forEach((ring, r) => {
    if (areas[r]! >= 0) return;
    // One outer ring (the usual service area): every hole is its own, no containment test needed.
    if (outers.length === 1) return polygons.get(outers[0]!)!.push(ring);
    let owner = -1;
    for (const o of outers) {
      if (!contains(rings[o]!, ring[0]!, ring[1]!)) continue;
      if (owner < 0 || areas[o]! < areas[owner]!) owner = o;
    }
    // A hole always lies in some outer ring of the same contour; none would mean a tracing bug.
    if (owner < 0) throw new Error('service area: a hole lies in no outer ring');
    polygons.get(owner)!.push(ring);
  });
  return outers.map((o) => polygons.get(o)!);
}

/** Shoelace area, positive for counter-clockwise rings (y up). */
export function signedArea(ring: number[]): number {
  let a = 0;
  for (let k = 0; k + 3 < ring.length; k += 2) a += ring[k]! * ring[k + 3]! - ring[k + 2]! * ring[k + 1]!;
  return a / 2;
}

/** Even-odd ray casting; the point is never on the ring here (contour vertices are unique per ring). */
function contains(ring: number[], x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, m = ring.length - 4; k + 1 < ring.length - 2; m = k, k += 2) {
    const xi = ring[k]!;
    const yi = ring[k + 1]!;
    const xj = ring[m]!;
    const yj = ring[m + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
