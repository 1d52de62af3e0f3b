/** Directions of lattice edges, counter-clockwise: east, north, west, south. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/**
 * Traces the outline of a set of grid cells along the cell edges (exact union of squares, no polygon
 * clipping). Cells are 4-connected: where two inside cells touch only at a corner the outline turns left,
 * keeping them apart. Rings come back in lattice coordinates (vertex (x, y) is the corner shared by
 * cells (x−1..x, y−1..y)), corners only, closed (first vertex repeated), outer rings counter-clockwise
 * and holes clockwise (RFC 7946 orientation once y points north). Deterministic: rings start at their
 * lowest vertex in row-major order.
 * @param inside 1 for inside cells, row-major, width × height; the border cells must be 0
 * @param width cells per row
 * @param height rows
 * @returns rings as flat [x0, y0, x1, y1, …] arrays
 * @example traceCellOutline(Uint8Array.of(0,0,0, 0,1,0, 0,0,0), 3, 3) // [[1,1, 2,1, 2,2, 1,2, 1,1]]
 */
export function traceCellOutline(inside: Uint8Array, width: number, height: number): number[][] {
  const vw = width + 1;
  const out = new Uint8Array(vw * (height + 1));
  const at = (x: number, y: number): number =>
    x >= 0 && y >= 0 && x < width && y < height ? inside[y * width + x]! : 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inside[y * width + x] !== 1) continue;
      if (!at(x, y - 1)) setBit(out, y * vw + x, 0); // bottom side, eastward
      if (!at(x + 1, y)) setBit(out, y * vw + x + 1, 1); // right side, northward
      if (!at(x, y + 1)) setBit(out, (y + 1) * vw + x + 1, 2); // top side, westward
      if (!at(x - 1, y)) setBit(out, (y + 1) * vw + x, 3); // left side, southward
    }
  }
  const rings: number[][] = [];
  for (let start = 0; start < out.length; start++) {
    while (out[start] !== 0) {
      const startDir = firstBit(out[start]!);
      const ring = [start % vw, Math.floor(start / vw)];
      let v = start;
      let d = startDir;
      out[v] = out[v]! & ~(1 << d);
      for (;;) {
        v += DX[d]! + DY[d]! * vw;
        const bits = v === start ? out[v]! | (1 << startDir) : out[v]!;
        const left = (d + 1) & 3;
        // One way on: take it; two (a corner-touching saddle): turn left.
        const next = bits & (1 << left) ? left : firstBit(bits);
        if (v === start && next === startDir) break;
        if (next !== d) ring.push(v % vw, Math.floor(v / vw));
        out[v] = out[v]! & ~(1 << next);
        d = next;
      }
      ring.push(ring[0]!, ring[1]!);
      rings.push(ring);
    }
  }
  return rings;
}

function setBit(bits: Uint8Array, at: number, d: number): void {
  bits[at] = bits[at]! | (1 << d);
}

function firstBit(bits: number): number {
  for (let d = 0; d < 4; d++) if (bits & (1 << d)) return d;
  return -1;
}
