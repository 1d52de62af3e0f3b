import type { WalkingGraph } from '../model/network';

/** The seed fields the search reads (same shape as SearchSeed). */
interface Seed {
  node: number;
  distance: number;
  source: number;
}

/**
 * Buckets are this fraction of the mean edge length wide: narrow enough that the exact heap of the
 * current bucket stays small, wide enough that empty buckets cost little (measured on w1, issue #3).
 */
const BUCKETS_PER_MEAN_EDGE = 256;
const MIN_WIDTH_M = 0.01;
/**
 * A bounded search walks at most this many buckets: a catchment or service area (a few thousand
 * nodes within 1 km, only its junctions queued) would otherwise spend more time stepping over empty
 * buckets than settling nodes (w1-2sfca: 2048 → 512 buckets, 7.9 → 7.2 ms).
 */
const MAX_BOUNDED_BUCKETS = 512;

interface GraphStats {
  width: number;
  /**
   * No walk along a chain of two-arc nodes (see bucketedSearch) offers a node farther than this past the
   * node it starts from: the longest edge (its first step) plus, for the two-arc nodes joined by arcs, the
   * most any such group's arcs add up to (a walk never enters a two-arc node twice).
   */
  walkSpanM: number;
  /** Sum of all arc lengths: no shortest path is longer. */
  totalM: number;
}
/** Bucket numbers (relative to the first) stay below this, so they are small integers. */
const MAX_BUCKET = 2 ** 30;
const stats = new WeakMap<WalkingGraph, GraphStats>();

function statsOf(graph: WalkingGraph): GraphStats {
  let s = stats.get(graph);
  if (s === undefined) {
    let sum = 0;
    let maxEdge = 0;
    for (let e = 0; e < graph.lengths.length; e++) {
      const length = graph.lengths[e] as number;
      sum += length;
      if (length > maxEdge) maxEdge = length;
    }
    const mean = graph.lengths.length > 0 ? sum / graph.lengths.length : 1;
    s = {
      width: Math.max(MIN_WIDTH_M, mean / BUCKETS_PER_MEAN_EDGE),
      walkSpanM: maxEdge + longestChainArcsM(graph),
      totalM: sum,
    };
    stats.set(graph, s);
  }
  return s;
}

/**
 * The largest sum of arc lengths over a group of two-arc nodes joined by arcs (union–find over the arcs
 * between them): a street's shape points, or a ring of them.
 */
function longestChainArcsM(graph: WalkingGraph): number {
  const { nodeCount, offsets, targets, lengths } = graph;
  const twoArcs = (v: number): boolean => (offsets[v + 1] as number) - (offsets[v] as number) === 2;
  const parent = new Int32Array(nodeCount).fill(-1);
  const root = (v: number): number => {
    let r = v;
    while ((parent[r] as number) >= 0) r = parent[r] as number;
    while (v !== r) {
      const up = parent[v] as number;
      parent[v] = r;
      v = up;
    }
    return r;
  };
  for (let v = 0; v < nodeCount; v++) {
    if (!twoArcs(v)) continue;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const w = targets[e] as number;
      if (!twoArcs(w)) continue;
      const a = root(v);
      const b = root(w);
      if (a !== b) parent[a] = b;
    }
  }
  const sums = new Float64Array(nodeCount);
  let longest = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (!twoArcs(v)) continue;
    const r = root(v);
    const o = offsets[v] as number;
    sums[r] = (sums[r] as number) + (lengths[o] as number) + (lengths[o + 1] as number);
    if ((sums[r] as number) > longest) longest = sums[r] as number;
  }
  return longest;
}

// Scratch shared by all searches (they are synchronous): pending entries as linked lists per
// bucket slot, the exact heap of the current bucket, and settled flags (all 0 between searches).
let slotHead = new Int32Array(0);
/** Pending entries as [node, next entry] pairs side by side (one cache line holds both). */
let entries2 = new Int32Array(2048);
let heapNode = new Uint32Array(1024);
let heapKey = new Float64Array(1024);
let settled = new Uint8Array(0);
/** `settled` states: not yet in `reached`; in it and done (its arcs relaxed); in it, and queued again. */
const UNSEEN = 0;
const SETTLED = 1;
const QUEUED_AGAIN = 2;

/**
 * Bytes currently held by the search's shared scratch (bucket slots, pending entries, heap,
 * settled flags), for memory reports.
 * @returns the byte count
 * @example searchScratchBytes() // e.g. 21 MB after a search over a 1M-node grid
 */
export function searchScratchBytes(): number {
  return (
    slotHead.byteLength + entries2.byteLength + heapNode.byteLength + heapKey.byteLength + settled.byteLength
  );
}

function grown<T extends Uint32Array | Int32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, 2 * array.length));
  next.set(array);
  return next;
}

/**
 * Multi-source Dijkstra with a two-level queue. Tentative nodes wait in buckets W metres wide
 * (O(1) append, stale entries skipped later); the bucket being settled is ordered exactly by a
 * small binary heap on (distance, source), and offers that land in it go straight to that heap.
 * Buckets are therefore emptied in increasing distance and each bucket in exact order, as a plain
 * binary-heap Dijkstra settles them. Bucket slots are circular: pending offers never lie more than
 * (walk span + seed spread) / W buckets ahead.
 *
 * A node with two arcs, entered by one of them, is not queued: the walk goes on along the other at once
 * (a street's shape points between junctions), for as long as the labels improve, and only the node where
 * it stops waits in the queue. A walk from each end
 * labels a chain with the same sums the queue would give (label-correcting along the chain: every label
 * is the least (distance, source) over the offers, so equal to the queue's bit for bit), at a fraction
 * of the cost; `reached` is then not in distance order.
 *
 * The labels in `dist`/`source` are taken as they are: a seed or an offer only replaces a better
 * (distance, source) label, so on arrays left by an earlier search this continues that search (only the
 * nodes whose label improves are settled again). `reached` receives, once each, the nodes whose label
 * this call set.
 * @returns the number of nodes written to `reached`
 */
export function bucketedSearch(
  graph: WalkingGraph,
  seeds: ArrayLike<Seed>,
  maxDistanceM: number,
  dist: Float64Array,
  source: Int32Array,
  reached: Uint32Array,
): number {
  const stats = statsOf(graph);
  const walkSpan = stats.walkSpanM;
  let minSeed = Infinity;
  let maxSeed = 0;
  for (let i = 0; i < seeds.length; i++) {
    const d = (seeds[i] as Seed).distance;
    if (d > maxDistanceM) continue;
    minSeed = Math.min(minSeed, d);
    maxSeed = Math.max(maxSeed, d);
  }
  if (minSeed === Infinity) return 0;
  let width =
    maxDistanceM < Infinity ? Math.max(stats.width, maxDistanceM / MAX_BOUNDED_BUCKETS) : stats.width;
  // Buckets are numbered from the first seed's; no label lies beyond the longest possible path.
  const span = Math.min(maxDistanceM, maxSeed + stats.totalM) - minSeed;
  if (span / width > MAX_BUCKET) width = span / MAX_BUCKET;
  const perMetre = 1 / width;
  const base = Math.floor(minSeed * perMetre);
  // Circular slots, a power of two (the slot is the bucket's low bits).
  const needed = Math.min(
    Math.floor((Math.min(maxDistanceM, maxSeed + walkSpan) - minSeed) * perMetre) + 3,
    Math.floor(maxDistanceM * perMetre) + 2,
  );
  if (!(needed <= 1 << 26))
    throw new RangeError(`multiSourceSearch: seed distances span too far (${maxSeed - minSeed} m)`);
  let slots = 1;
  while (slots < needed) slots *= 2;
  const mask = slots - 1;
  if (slotHead.length < slots) slotHead = new Int32Array(slots).fill(-1);
  if (settled.length < graph.nodeCount) settled = new Uint8Array(graph.nodeCount);
  // The hot loop keeps every counter and array in locals (no closures over mutable state, which V8
  // would keep in a context object): appends and heap pushes are written out where they happen.
  const head = slotHead;
  const done = settled;
  let list = entries2;
  let nodes = heapNode;
  let keys = heapKey;
  let entries = 0;
  /** Entries of emptied buckets, reused before new ones: the entries in use stay as few as the frontier. */
  let free = -1;
  let pending = 0;
  let size = 0;

  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i] as Seed;
    const v = seed.node;
    const d = seed.distance;
    if (d > maxDistanceM) continue;
    const dv = dist[v] as number;
    if (d > dv || (d === dv && seed.source >= (source[v] as number))) continue;
    dist[v] = d;
    source[v] = seed.source;
    if (2 * entries + 2 > list.length) list = entries2 = grown(list, 2 * entries + 2);
    const slot = (Math.floor(d * perMetre) - base) & mask;
    list[2 * entries] = v;
    list[2 * entries + 1] = head[slot] as number;
    head[slot] = entries++;
    pending++;
  }

  const { offsets, targets, lengths } = graph;
  let count = 0;
  for (let bucket = 0; pending > 0; bucket++) {
    const slot = bucket & mask;
    // Move this bucket's live entries into the heap; entries whose node has since moved to an
    // earlier bucket were settled there and are skipped.
    let k = head[slot] as number;
    head[slot] = -1;
    while (k >= 0) {
      pending--;
      const v = list[2 * k] as number;
      const nextEntry = list[2 * k + 1] as number;
      list[2 * k + 1] = free;
      free = k;
      k = nextEntry;
      const dv = dist[v] as number;
      if (done[v] === SETTLED || Math.floor(dv * perMetre) - base !== bucket) continue;
      if (size >= nodes.length) {
        nodes = heapNode = grown(nodes, size + 1);
        keys = heapKey = grown(keys, size + 1);
      }
      size = siftUp(nodes, keys, source, size, v, dv);
    }
    while (size > 0) {
      const u = nodes[0] as number;
      const du = keys[0] as number;
      size--;
      if (size > 0) {
        const node = nodes[size] as number;
        const key = keys[size] as number;
        const sn = source[node] as number;
        const half = size >> 1;
        let i = 0;
        while (i < half) {
          let c = 2 * i + 1;
          let ck = keys[c] as number;
          if (c + 1 < size) {
            const rk = keys[c + 1] as number;
            if (
              rk < ck ||
              (rk === ck &&
                (source[nodes[c + 1] as number] as number) < (source[nodes[c] as number] as number))
            ) {
              c++;
              ck = rk;
            }
          }
          const cn = nodes[c] as number;
          if (key < ck || (key === ck && sn <= (source[cn] as number))) break;
          nodes[i] = cn;
          keys[i] = ck;
          i = c;
        }
        nodes[i] = node;
        keys[i] = key;
      }
      if (done[u] === SETTLED || du !== dist[u]) continue;
      if (done[u] === UNSEEN) reached[count++] = u;
      done[u] = SETTLED;
      const su = source[u] as number;
      for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
        let d = du + (lengths[e] as number);
        if (d > maxDistanceM) continue;
        let v = targets[e] as number;
        const dv = dist[v] as number;
        // A settled node never passes this test: its (dist, source) is not above (du, su).
        if (d > dv || (d === dv && su >= (source[v] as number))) continue;
        // Walk on along a chain of two-arc nodes (most of a street network's nodes: the shape of a
        // street between junctions): each gets its label at once, with the very sum the queue would
        // have given it, and only the node where the walk stops waits in the queue.
        let prev = u;
        for (;;) {
          dist[v] = d;
          source[v] = su;
          const o = offsets[v] as number;
          const arcs = (offsets[v + 1] as number) - o;
          let next = -1;
          if (arcs === 2) {
            if (targets[o] === prev) next = o + 1;
            else if (targets[o + 1] === prev) next = o;
          } else if (arcs === 1 && targets[o] === prev) {
            // A dead end: nothing beyond it.
            if (done[v] === UNSEEN) reached[count++] = v;
            done[v] = SETTLED;
            v = -1;
            break;
          }
          if (next < 0) break;
          const dw = d + (lengths[next] as number);
          if (done[v] === UNSEEN) reached[count++] = v;
          done[v] = SETTLED;
          const w = targets[next] as number;
          const dOld = dist[w] as number;
          if (dw > maxDistanceM || dw > dOld || (dw === dOld && su >= (source[w] as number))) {
            v = -1;
            break;
          }
          prev = v;
          v = w;
          d = dw;
        }
        if (v < 0) continue;
        // A two-arc node entered by an arc it has no arc back along (a one-way graph), after a walk
        // labelled it: it waits in the queue again, already listed in reached.
        if (done[v] === SETTLED) done[v] = QUEUED_AGAIN;
        const b = Math.floor(d * perMetre) - base;
        if (b <= bucket) {
          if (size >= nodes.length) {
            nodes = heapNode = grown(nodes, size + 1);
            keys = heapKey = grown(keys, size + 1);
          }
          size = siftUp(nodes, keys, source, size, v, d);
        } else {
          const to = b & mask;
          let at = free;
          if (at >= 0) free = list[2 * at + 1] as number;
          else {
            if (2 * entries + 2 > list.length) list = entries2 = grown(list, 2 * entries + 2);
            at = entries++;
          }
          list[2 * at] = v;
          list[2 * at + 1] = head[to] as number;
          head[to] = at;
          pending++;
        }
      }
    }
  }
  for (let i = 0; i < count; i++) done[reached[i] as number] = 0;
  return count;
}

/** Inserts node v with key d into the heap of `size` entries ordered by (key, source); returns the new size. */
function siftUp(
  nodes: Uint32Array,
  keys: Float64Array,
  source: Int32Array,
  size: number,
  v: number,
  d: number,
): number {
  const sv = source[v] as number;
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent] as number;
    const pn = nodes[parent] as number;
    if (pk < d || (pk === d && (source[pn] as number) <= sv)) break;
    nodes[i] = pn;
    keys[i] = pk;
    i = parent;
  }
  nodes[i] = v;
  keys[i] = d;
  return size + 1;
}
