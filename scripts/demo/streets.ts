/**
 * The demo town's streets: a jittered grid cut by a river (three bridges) and a railway (four level
 * crossings), with two diagonal avenues, written as OpenStreetMap XML.
 */
import { COL_NAMES, ROW_NAMES, toLngLat, type Rand, type Xy } from './common';

interface OsmWay {
  refs: number[];
  tags: Record<string, string>;
}

export interface DemoStreets {
  /** Intersection positions, pt[column][row]. */
  pt: Xy[][];
  riverRow: number;
  railCol: number;
  /** Blocks `i,j` crossed by a diagonal avenue (no estate goes there). */
  diagonalCells: Set<string>;
  riverXy: Xy[];
  railXy: Xy[];
  riverY: number;
  railX: number;
  maxX: number;
  maxY: number;
  nodes: Xy[];
  ways: OsmWay[];
}

/** Column (x) and row (y) positions: the river gap between two rows and the rail gap between two columns are wider. */
function gridLines(rand: Rand, riverRow: number, railCol: number) {
  const xs: number[] = [0];
  for (let i = 1; i < 18; i++) xs.push(xs[i - 1]! + (i === railCol + 1 ? 260 : 150 + rand() * 110));
  const ys: number[] = [0];
  for (let j = 1; j < 14; j++) ys.push(ys[j - 1]! + (j === riverRow + 1 ? 300 : 140 + rand() * 100));
  return { xs, ys };
}

/**
 * Builds the street network.
 * @param rand seeded generator
 * @returns positions, barriers and OSM nodes/ways
 */
export function buildStreets(rand: Rand): DemoStreets {
  const riverRow = 6; // the river runs between row 6 and row 7
  const railCol = 12; // the railway runs between column 12 and column 13
  const { xs, ys } = gridLines(rand, riverRow, railCol);
  const pt: Xy[][] = xs.map((x) => ys.map((y) => [x + (rand() - 0.5) * 40, y + (rand() - 0.5) * 40] as Xy));
  const nodes: Xy[] = [];
  const addNode = (p: Xy) => nodes.push(p); // returns the 1-based OSM node id
  const inter = pt.map((col) => col.map(addNode));
  const bridges = new Set([2, 7, 15]);
  const crossings = new Set([1, 4, 9, 11]);
  // [i0, j0, dj per step, steps]: one NE avenue north of the river, one SE avenue south of it.
  const diagonals: [number, number, number, number][] = [
    [1, 8, 1, 5],
    [6, 5, -1, 5],
  ];
  const diagonalCells = new Set<string>();
  for (const [i0, j0, dj, steps] of diagonals) {
    for (let k = 0; k < steps; k++) diagonalCells.add(`${i0 + k},${dj > 0 ? j0 + k : j0 - k - 1}`);
  }
  const ways: OsmWay[] = [];
  /** Shape nodes every ~30 m with a small wiggle; the refs from a to b, both included. */
  const segment = (a: number, b: number): number[] => {
    const [ax, ay] = nodes[a - 1]!;
    const [bx, by] = nodes[b - 1]!;
    const n = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / 30));
    const refs = [a];
    for (let s = 1; s < n; s++) {
      const f = s / n;
      refs.push(addNode([ax + (bx - ax) * f + (rand() - 0.5) * 6, ay + (by - ay) * f + (rand() - 0.5) * 6]));
    }
    refs.push(b);
    return refs;
  };
  /** One way per unbroken run of kept segments along a list of intersections. */
  const runWay = (cells: [number, number][], keep: (k: number) => boolean, tags: Record<string, string>) => {
    let refs: number[] = [];
    const flush = () => {
      if (refs.length > 1) ways.push({ refs, tags });
      refs = [];
    };
    for (let k = 0; k + 1 < cells.length; k++) {
      if (!keep(k)) {
        flush();
        continue;
      }
      const [i0, j0] = cells[k]!;
      const [i1, j1] = cells[k + 1]!;
      const seg = segment(inter[i0]![j0]!, inter[i1]![j1]!);
      refs = refs.length ? refs.concat(seg.slice(1)) : seg;
    }
    flush();
  };
  const classOf = (k: number, major: number[]) =>
    major.includes(k) ? 'primary' : k % 3 === 0 ? 'secondary' : 'residential';
  for (let j = 0; j < ys.length; j++) {
    const hw = classOf(j, [3, 9]);
    // 8 % of residential segments are missing: superblocks and dead ends, as in real towns.
    const keep = (i: number) =>
      (i !== railCol || crossings.has(j)) && (hw !== 'residential' || rand() > 0.08);
    runWay(
      xs.map((_, i) => [i, j]),
      keep,
      { highway: hw, name: `${ROW_NAMES[j]}路` },
    );
  }
  for (let i = 0; i < xs.length; i++) {
    const hw = classOf(i, [5, 10]);
    const keep = (j: number) => (j !== riverRow || bridges.has(i)) && (hw !== 'residential' || rand() > 0.08);
    runWay(
      ys.map((_, j) => [i, j]),
      keep,
      { highway: hw, name: `${COL_NAMES[i]}街` },
    );
  }
  for (const [n, [i0, j0, dj, steps]] of diagonals.entries()) {
    const cells = Array.from({ length: steps + 1 }, (_, k) => [i0 + k, j0 + dj * k] as [number, number]);
    runWay(cells, () => true, { highway: 'secondary', name: n === 0 ? '胜利大道' : '和平大道' });
  }
  // Decoration that is not walkable: no highway tag, so the network builder ignores it.
  const maxX = xs[xs.length - 1]! + 120;
  const maxY = ys[ys.length - 1]! + 120;
  const riverY = (ys[riverRow]! + ys[riverRow + 1]!) / 2;
  const railX = (xs[railCol]! + xs[railCol + 1]!) / 2;
  const steps = Math.ceil((maxX + 120) / 60);
  const riverXs = Array.from({ length: steps + 1 }, (_, k) => -120 + (k * (maxX + 120)) / steps);
  riverXs.push(railX);
  riverXs.sort((a, b) => a - b);
  const riverXy: Xy[] = riverXs.map((x) => [x, riverY + 45 * Math.sin(x / 420)]);
  const railXy: Xy[] = [
    [railX, -120],
    [railX, maxY],
  ];
  ways.push({ refs: riverXy.map(addNode), tags: { waterway: 'river', name: '示例河' } });
  ways.push({ refs: railXy.map(addNode), tags: { railway: 'rail', name: '示例铁路' } });
  return { pt, riverRow, railCol, diagonalCells, riverXy, railXy, riverY, railX, maxX, maxY, nodes, ways };
}

/** OSM XML 0.6 with ids in creation order; `note` goes into a comment at the top. */
export function toOsmXml(streets: DemoStreets, note: string): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<osm version="0.6" generator="lifecircle scripts/generate-demo.ts">`,
    `<!-- ${note} -->`,
  ];
  streets.nodes.forEach((p, k) => {
    const [lng, lat] = toLngLat(p);
    lines.push(`<node id="${k + 1}" lat="${lat}" lon="${lng}"/>`);
  });
  streets.ways.forEach((w, k) => {
    const nds = w.refs.map((r) => `<nd ref="${r}"/>`).join('');
    const tags = Object.entries(w.tags)
      .map(([key, v]) => `<tag k="${key}" v="${v}"/>`)
      .join('');
    lines.push(`<way id="${k + 1}">${nds}${tags}</way>`);
  });
  lines.push('</osm>', '');
  return lines.join('\n');
}
