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

  private less(i: number, j: number): boolean {
    const di = this.heapD[i]!;
    const dj = this.heapD[j]!;
    return di < dj || (di === dj && this.heapS[i]! < this.heapS[j]!);
  }

  private swap(i: number, j: number): void {
    const d = this.heapD[i]!;
    this.heapD[i] = this.heapD[j]!;
    this.heapD[j] = d;
    const s = this.heapS[i]!;
    this.heapS[i] = this.heapS[j]!;
    this.heapS[j] = s;
    const n = this.heapN[i]!;
    this.heapN[i] = this.heapN[j]!;
    this.heapN[j] = n;
  }

  private push(d: number, s: number, node: number): void {
    if (this.heapSize === this.heapD.length) {
      const size = this.heapSize * 2;
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
    let i = this.heapSize++;
    this.heapD[i] = d;
    this.heapS[i] = s;
    this.heapN[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    this.heapD[0] = this.heapD[last]!;
    this.heapS[0] = this.heapS[last]!;
    this.heapN[0] = this.heapN[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const m = r < last && this.less(r, l) ? r : l;
      if (!this.less(m, i)) break;
      this.swap(i, m);
      i = m;
    }
  }
}
