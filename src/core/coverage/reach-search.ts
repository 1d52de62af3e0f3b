import type { WalkingGraph } from '../model/network';
import { streetChains, type StreetChains } from './street-chains';

/**
 * A bounded single-facility Dijkstra for service areas over junctions only (see StreetChains): settling
 * a junction walks each chain leaving it by plain addition and offers the junction at its far end. Plain
 * distances (no source labels: every seed belongs to the same facility), a binary heap with lazy
 * deletion, and a sparse reset through the list of settled junctions. (The network module's bucketed
 * search is built for one search over the whole graph; a service area reaches a few hundred nodes, where
 * walking its thousands of empty distance buckets would cost more than the search itself.)
 *
 * Distances are exact: floating-point addition is monotone, so every Dijkstra yields the minimum over
 * paths of the left-to-right sum of their edge lengths, and chains are summed edge by edge in that
 * order. The shape points' distances are derived from their chain's ends and seeds when drawing.
 */
export class ReachSearch {
  readonly chains: StreetChains;
  /** Metres from the seeds at junctions; Infinity when not reached within the bound. */
  readonly dist: Float64Array;
  /** Junctions in the order they were settled, first `reachedCount` entries. */
  reached: Uint32Array;
  reachedCount = 0;
  /** The seeds within the bound (at most two: the ends of the facility's edge). */
  seedNode: number[] = [];
  seedDist: number[] = [];
  private heapD = new Float64Array(1024);
  private heapN = new Uint32Array(1024);
  private heapSize = 0;

  constructor(private readonly graph: WalkingGraph) {
    this.chains = streetChains(graph);
    this.dist = new Float64Array(graph.nodeCount).fill(Infinity);
    this.reached = new Uint32Array(Math.max(16, Math.min(graph.nodeCount, 4096)));
  }

  /**
   * Clears the last search and settles every junction within `boundM` metres of the seeds.
   * @param nodes seed nodes
   * @param distances metres already walked at each seed (seeds beyond `boundM` are ignored)
   * @param boundM largest distance to label
   */
  run(nodes: readonly number[], distances: readonly number[], boundM: number): void {
    const { offsets } = this.graph;
    const { junction, chainOf, start, count, node, length } = this.chains;
    const dist = this.dist;
    for (let i = 0; i < this.reachedCount; i++) dist[this.reached[i]!] = Infinity;
    this.reachedCount = 0;
    this.heapSize = 0;
    this.seedNode.length = 0;
    this.seedDist.length = 0;
    for (let k = 0; k < nodes.length; k++) {
      const v = nodes[k]!;
      const d = distances[k]!;
      if (!(d <= boundM)) continue;
      this.seedNode.push(v);
      this.seedDist.push(d);
      if (junction[v] === 1) this.offer(v, d);
      else {
        this.walk(v, offsets[v]!, d, boundM);
        this.walk(v, offsets[v]! + 1, d, boundM);
      }
    }
    while (this.heapSize > 0) {
      const d = this.heapD[0]!;
      const u = this.heapN[0]!;
      this.pop();
      if (d !== dist[u]) continue; // stale entry
      if (this.reachedCount === this.reached.length) this.reached = grownU32(this.reached);
      this.reached[this.reachedCount++] = u;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const k = chainOf[e]!;
        let t = d;
        const last = start[k]! + count[k]!;
        let s = start[k]!;
        for (; s < last; s++) {
          t += length[s]!;
          if (t > boundM) break;
        }
        if (s === last) this.offer(node[last - 1]!, t);
      }
    }
  }

  /** Walks from shape point v through CSR slot `slot` to the next junction and offers it. */
  private walk(v: number, slot: number, d: number, boundM: number): void {
    const { offsets, targets, lengths } = this.graph;
    const junction = this.chains.junction;
    let prev = v;
    let e = slot;
    let t = d;
    for (;;) {
      t += lengths[e]!;
      if (t > boundM) return;
      const cur = targets[e]!;
      if (junction[cur] === 1) {
        this.offer(cur, t);
        return;
      }
      const first = offsets[cur]!;
      e = targets[first] === prev ? first + 1 : first;
      prev = cur;
    }
  }

  private offer(v: number, d: number): void {
    if (d < this.dist[v]!) {
      this.dist[v] = d;
      this.push(d, v);
    }
  }

  private push(d: number, node: number): void {
    if (this.heapSize === this.heapD.length) {
      const hd = new Float64Array(2 * this.heapSize);
      hd.set(this.heapD);
      this.heapD = hd;
      this.heapN = grownU32(this.heapN);
    }
    const hd = this.heapD;
    const hn = this.heapN;
    // Sift the hole up, then drop the new entry in (one write per level instead of a swap).
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = hd[parent]!;
      if (pd <= d) break;
      hd[i] = pd;
      hn[i] = hn[parent]!;
      i = parent;
    }
    hd[i] = d;
    hn[i] = node;
  }

  private pop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    const hd = this.heapD;
    const hn = this.heapN;
    const d = hd[last]!;
    const n = hn[last]!;
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= last) break;
      if (m + 1 < last && hd[m + 1]! < hd[m]!) m++;
      const md = hd[m]!;
      if (d <= md) break;
      hd[i] = md;
      hn[i] = hn[m]!;
      i = m;
    }
    hd[i] = d;
    hn[i] = n;
  }
}

function grownU32(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}
