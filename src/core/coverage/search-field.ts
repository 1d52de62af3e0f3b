import type { WalkingGraph } from '../model/network';

/**
 * A distance field over the graph's nodes with its own binary heap: the bounded multi-source Dijkstra
 * used by coverage. Labels are compared lexicographically as (distance, source), so ties between
 * equidistant facilities always go to the lowest facility slot. That makes a label field the unique
 * fixpoint of its sources, whatever order they were added in — which is what lets a what-if edit repair
 * the field locally and still equal a full recompute (the network module's search keeps the first
 * source popped, which depends on history).
 *
 * Nodes whose label changes are recorded once in `touched` (sparse reset: a bounded search touches a few
 * hundred of the graph's nodes, so clearing them is far cheaper than refilling whole arrays).
 */
export class SearchField {
  readonly dist: Float64Array;
  readonly src: Int32Array;
  /** Nodes whose label changed since the last `forget()`/`reset()`, first `touchedCount` entries. */
  touched: Uint32Array;
  touchedCount = 0;
  private readonly mark: Uint8Array;
  private heapD = new Float64Array(1024);
  private heapS = new Int32Array(1024);
  private heapN = new Uint32Array(1024);
  private heapSize = 0;

  constructor(private readonly graph: WalkingGraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.src = new Int32Array(n).fill(-1);
    this.mark = new Uint8Array(n);
    this.touched = new Uint32Array(Math.max(16, Math.min(n, 4096)));
  }

  /** Sets the label of `node` to (d, s) if that is better, and queues it. */
  offer(node: number, d: number, s: number): void {
    const cur = this.dist[node]!;
    if (d < cur || (d === cur && s < this.src[node]!)) {
      this.dist[node] = d;
      this.src[node] = s;
      this.touch(node);
      this.push(d, s, node);
    }
  }

  /** Forces a node's label (used to clear a removed facility's cell) and records it as touched. */
  setLabel(node: number, d: number, s: number): void {
    this.dist[node] = d;
    this.src[node] = s;
    this.touch(node);
  }

  /**
   * Runs Dijkstra from the queued labels; labels beyond `boundM` are not set.
   * @param boundM largest distance to label (Infinity: the whole component)
   */
  run(boundM: number): void {
    const { offsets, targets, lengths } = this.graph;
    const dist = this.dist;
    const src = this.src;
    while (this.heapSize > 0) {
      const d = this.heapD[0]!;
      const s = this.heapS[0]!;
      const u = this.heapN[0]!;
      this.pop();
      if (d !== dist[u] || s !== src[u]) continue; // stale entry
      const end = offsets[u + 1]!;
      for (let e = offsets[u]!; e < end; e++) {
        const nd = d + lengths[e]!;
        if (nd > boundM) continue;
        const v = targets[e]!;
        const cur = dist[v]!;
        if (nd < cur || (nd === cur && s < src[v]!)) {
          dist[v] = nd;
          src[v] = s;
          this.touch(v);
          this.push(nd, s, v);
        }
      }
    }
  }

  /** Clears the touched nodes back to unreached (sparse reset). */
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i]!;
      this.dist[v] = Infinity;
      this.src[v] = -1;
      this.mark[v] = 0;
    }
    this.touchedCount = 0;
  }

  /** Forgets the touched list but keeps the labels. */
  forget(): void {
    for (let i = 0; i < this.touchedCount; i++) this.mark[this.touched[i]!] = 0;
    this.touchedCount = 0;
  }

  private touch(v: number): void {
    if (this.mark[v] === 1) return;
    this.mark[v] = 1;
    if (this.touchedCount === this.touched.length) {
      const grown = new Uint32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = v;
  }

  private push(d: number, s: number, node: number): void {
    if (this.heapSize === this.heapD.length) this.growHeap();
    const hd = this.heapD;
    const hs = this.heapS;
    const hn = this.heapN;
    // Sift the hole up, then drop the new entry in (one write per level instead of a swap).
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = hd[parent]!;
      if (pd < d || (pd === d && hs[parent]! <= s)) break;
      hd[i] = pd;
      hs[i] = hs[parent]!;
      hn[i] = hn[parent]!;
      i = parent;
    }
    hd[i] = d;
    hs[i] = s;
    hn[i] = node;
  }

  private pop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    const hd = this.heapD;
    const hs = this.heapS;
    const hn = this.heapN;
    const d = hd[last]!;
    const s = hs[last]!;
    const n = hn[last]!;
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= last) break;
      const r = m + 1;
      if (r < last && (hd[r]! < hd[m]! || (hd[r] === hd[m] && hs[r]! < hs[m]!))) m = r;
      const md = hd[m]!;
      if (d < md || (d === md && s <= hs[m]!)) break;
      hd[i] = md;
      hs[i] = hs[m]!;
      hn[i] = hn[m]!;
      i = m;
    }
    hd[i] = d;
    hs[i] = s;
    hn[i] = n;
  }

  private growHeap(): void {
    const size = this.heapD.length * 2;
    const hd = new Float64Array(size);
    const hs = new Int32Array(size);
    const hn = new Uint32Array(size);
    hd.set(this.heapD);
    hs.set(this.heapS);
    hn.set(this.heapN);
    this.heapD = hd;
    this.heapS = hs;
    this.heapN = hn;
  }
}
