/**
 * Test-only helpers written independently of src/core/network: a regex reader for OSM XML, the
 * walking rule of issue #3 restated, a haversine, an adjacency-map graph and a plain Dijkstra.
 * They are the reference the engine is checked against.
 */
export interface SimpleOsm {
  nodes: Map<number, { lat: number; lon: number }>;
  ways: { id: number; refs: number[]; tags: Record<string, string> }[];
}

const attr = (text: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(text)
    ?.slice(1)
    .find((v) => v !== undefined);

const unescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function parseOsmSimple(xml: string): SimpleOsm {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const nodes = new Map<number, { lat: number; lon: number }>();
  for (const m of text.matchAll(/<node\b([^>]*?)\/?>/g)) {
    const head = m[1] ?? '';
    nodes.set(Number(attr(head, 'id')), { lat: Number(attr(head, 'lat')), lon: Number(attr(head, 'lon')) });
  }
  const ways: SimpleOsm['ways'] = [];
  for (const m of text.matchAll(/<way\b([^>]*)>([\s\S]*?)<\/way>/g)) {
    const body = m[2] ?? '';
    const refs = [...body.matchAll(/<nd\b([^>]*)\/>/g)].map((r) => Number(attr(r[1] ?? '', 'ref')));
    const tags: Record<string, string> = {};
    for (const t of body.matchAll(/<tag\b([^>]*)\/>/g)) {
      tags[unescape(attr(t[1] ?? '', 'k') ?? '')] = unescape(attr(t[1] ?? '', 'v') ?? '');
    }
    ways.push({ id: Number(attr(m[1] ?? '', 'id')), refs, tags });
  }
  return { nodes, ways };
}

/** Issue #3's rule, written out again. */
export function walkable(tags: Record<string, string>): boolean {
  const h = tags.highway;
  if (h === undefined || ['motorway', 'motorway_link', 'construction', 'proposed'].includes(h)) return false;
  if (tags.foot === 'no') return false;
  return !(tags.access === 'no' && tags.foot !== 'yes');
}

export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** Undirected adjacency by OSM id, lengths in metres (float64). */
export function adjacencyOf(osm: SimpleOsm): Map<number, Map<number, number>> {
  const adj = new Map<number, Map<number, number>>();
  const link = (a: number, b: number, d: number) => {
    if (!adj.has(a)) adj.set(a, new Map());
    adj.get(a)?.set(b, d);
  };
  for (const way of osm.ways) {
    if (!walkable(way.tags)) continue;
    for (let i = 1; i < way.refs.length; i++) {
      const a = way.refs[i - 1] as number;
      const b = way.refs[i] as number;
      const pa = osm.nodes.get(a);
      const pb = osm.nodes.get(b);
      if (a === b || pa === undefined || pb === undefined) continue;
      const d = haversine(pa.lon, pa.lat, pb.lon, pb.lat);
      link(a, b, d);
      link(b, a, d);
    }
  }
  return adj;
}

/** Single-source Dijkstra with a simple array-backed binary heap and lazy deletion. */
export function dijkstra(adj: Map<number, Map<number, number>>, start: number): Map<number, number> {
  const dist = new Map<number, number>([[start, 0]]);
  const done = new Set<number>();
  const heap: [number, number][] = [[0, start]];
  const swap = (i: number, j: number) => {
    const t = heap[i] as [number, number];
    heap[i] = heap[j] as [number, number];
    heap[j] = t;
  };
  while (heap.length > 0) {
    const [d, u] = heap[0] as [number, number];
    const last = heap.pop() as [number, number];
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l] as [number, number])[0] < (heap[m] as [number, number])[0]) m = l;
        if (r < heap.length && (heap[r] as [number, number])[0] < (heap[m] as [number, number])[0]) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    if (done.has(u)) continue;
    done.add(u);
    for (const [v, w] of adj.get(u) ?? []) {
      const nd = d + w;
      if (nd < (dist.get(v) ?? Infinity)) {
        dist.set(v, nd);
        heap.push([nd, v]);
        for (let i = heap.length - 1; i > 0;) {
          const p = (i - 1) >> 1;
          if ((heap[p] as [number, number])[0] <= (heap[i] as [number, number])[0]) break;
          swap(i, p);
          i = p;
        }
      }
    }
  }
  return dist;
}
