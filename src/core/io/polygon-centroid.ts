import type { Position } from 'geojson';

/**
 * Area-weighted centroid of polygons given as rings of [lng, lat] (outer ring first, then holes), on
 * the plane of the coordinates. At estate scale (under a few km) the distortion of treating degrees as
 * planar is far below a metre. Coordinates are taken relative to the first vertex so that the products
 * in the shoelace formula keep their precision. Falls back to the mean of the outer rings' vertices
 * when the total area is zero (degenerate rings), or always with `byArea` false: a ring that crosses
 * itself has lobes of opposite sign whose areas nearly cancel, which would throw the centroid far away.
 * @param polygons one or more polygons, each a list of rings
 * @param byArea false to take the mean of the outer rings' vertices
 * @returns [lng, lat] of the centroid, or null when there are no vertices
 * @example polygonCentroid([[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]]) // [1, 1]
 */
export function polygonCentroid(
  polygons: readonly (readonly (readonly Position[])[])[],
  byArea = true,
): [number, number] | null {
  const origin = polygons[0]?.[0]?.[0];
  if (!origin) return null;
  const [ox = 0, oy = 0] = origin;
  let area = 0;
  let cx = 0;
  let cy = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let a = 0;
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0 = 0, y0 = 0] = ring[i] ?? [];
        const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
        const ax = x0 - ox;
        const ay = y0 - oy;
        const bx = x1 - ox;
        const by = y1 - oy;
        const cross = ax * by - bx * ay;
        a += cross;
        x += (ax + bx) * cross;
        y += (ay + by) * cross;
        if (r === 0) {
          sumX += ax;
          sumY += ay;
          count++;
        }
      }
      // Outer rings add, holes subtract, whatever their winding order.
      const sign = (r === 0 ? 1 : -1) * Math.sign(a);
      area += sign * a;
      cx += sign * x;
      cy += sign * y;
    });
  }
  if (byArea && Math.abs(area) > 1e-18) return [ox + cx / (3 * area), oy + cy / (3 * area)];
  return count ? [ox + sumX / count, oy + sumY / count] : [ox, oy];
}
