import type { WalkingGraph } from '../model/network';
import {
  createSearchResult,
  multiSourceSearch,
  scratchSearchResult,
  type SearchResult,
  type SearchSeed,
} from '../network/multi-source-search';
import { resumeSearch } from '../network/resume-search';
import type { EstatePlacements } from './estate-placements';
import type { Catchment, FacilitySlot, IndexSet, ReachEngine } from './reach-engine';

const edgeKey = (a: number, b: number, n: number): number => a * n + b;

/** Per-graph list of the nodes an edit's repair settles (five kinds' sessions never search at once). */
const settledScratch = new WeakMap<WalkingGraph, Uint32Array>();
function settledOf(graph: WalkingGraph): Uint32Array {
  let s = settledScratch.get(graph);
  if (!s) {
    s = new Uint32Array(graph.nodeCount);
    settledScratch.set(graph, s);
  }
  return s;
}

/**
 * Network distances, all from the network module's one search (multiSourceSearch / resumeSearch, exact
 * (distance, source) order, so a label field is the unique fixpoint of its sources whatever order they
 * were added in). The nearest-facility field is ONE multi-source search over all facilities (seeded
 * with their access legs, so the nearest facility already accounts for them). A what-if edit repairs the
 * field locally: removing a facility clears its Voronoi cell (the nodes it labels, found by a walk from
 * its seeds — every labelled node's shortest-path parent carries the same label) and re-grows the
 * neighbours into it; adding one continues the search from its seeds, settling only nodes it improves.
 * Both cost about the size of one cell, not the graph. A catchment is one bounded search.
 *
 * Distances between an estate and a facility on the same edge go straight along that edge, not through
 * its end nodes; the edge → facilities index handles that case.
 */
export class NetworkReach implements ReachEngine {
  readonly nearestSlot: Int32Array;
  readonly nearestM: Float64Array;
  readonly nearestNetworkM: Float64Array;
  private readonly field: SearchResult;
  private readonly local: SearchResult;
  /** Nodes whose nearest label changed in the current edit (cleared or settled again). */
  private changed: Uint32Array;
  private changedCount = 0;
  private readonly settled: Uint32Array;
  private readonly seedsAt = new Map<number, number[]>();
  private readonly onEdge = new Map<number, number[]>();
  private readonly scratch: Float64Array;

  constructor(
    private readonly graph: WalkingGraph,
    private readonly estates: EstatePlacements,
    private readonly slots: readonly FacilitySlot[],
  ) {
    const e = estates.count;
    this.nearestSlot = new Int32Array(e).fill(-1);
    this.nearestM = new Float64Array(e).fill(Infinity);
    this.nearestNetworkM = new Float64Array(e).fill(Infinity);
    this.field = createSearchResult(graph.nodeCount);
    // Scratch of one call at a time, shared by the sessions of every kind on this graph.
    this.local = scratchSearchResult(graph);
    this.settled = settledOf(graph);
    this.changed = new Uint32Array(Math.min(graph.nodeCount, 4096));
    this.scratch = new Float64Array(e).fill(Infinity);
  }

  /** Seeds every live slot and runs the single multi-source pass, then labels every estate. */
  build(): void {
    const seeds: SearchSeed[] = [];
    for (let k = 0; k < this.slots.length; k++) {
      if (this.register(k)) this.seed(seeds, k, Infinity);
    }
    multiSourceSearch(this.graph, seeds, Infinity, this.field);
    for (let i = 0; i < this.estates.count; i++) this.label(i);
  }

  add(slot: number, affected: IndexSet): void {
    if (!this.register(slot)) return;
    const seeds: SearchSeed[] = [];
    this.seed(seeds, slot, Infinity);
    this.resume(seeds);
    this.collect(slot, affected);
  }

  remove(slot: number, affected: IndexSet): void {
    const p = this.slots[slot]!.place;
    if (p === null || p.offNetwork) return;
    this.unregister(slot);
    const { dist, source } = this.field;
    const { offsets, targets, lengths } = this.graph;
    // The cell: walk from the seeds through nodes labelled `slot`; the changed list doubles as the queue.
    const clear = (v: number): void => {
      dist[v] = Infinity;
      source[v] = -1;
      this.markChanged(v);
    };
    for (const v of p.nodeA === p.nodeB ? [p.nodeA] : [p.nodeA, p.nodeB]) if (source[v] === slot) clear(v);
    for (let q = 0; q < this.changedCount; q++) {
      const v = this.changed[q]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++)
        if (source[targets[e]!] === slot) clear(targets[e]!);
    }
    // Re-grow the cell from its border and from other facilities seeded inside it.
    const seeds: SearchSeed[] = [];
    const cellSize = this.changedCount;
    for (let q = 0; q < cellSize; q++) {
      const v = this.changed[q]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!;
        if (source[w]! >= 0) seeds.push({ node: v, distance: dist[w]! + lengths[e]!, source: source[w]! });
      }
      for (const k of this.seedsAt.get(v) ?? []) this.seedNode(seeds, k, v, Infinity);
    }
    this.resume(seeds);
    this.collect(slot, affected);
  }

  catchment(slot: number, limitM: number): Catchment {
    const p = this.slots[slot]!.place;
    if (p === null || p.offNetwork) return { estates: new Int32Array(0), distanceM: new Float64Array(0) };
    const seeds: SearchSeed[] = [];
    this.seed(seeds, slot, limitM);
    const f = multiSourceSearch(this.graph, seeds, limitM, this.local);
    const { nodeA, nodeB, offA, offB, accessM, atStart, atNode } = this.estates;
    const best = this.scratch;
    const seen: number[] = [];
    for (let q = 0; q < f.reachedCount; q++) {
      const u = f.reached[q]!;
      const du = f.dist[u]!;
      for (let x = atStart[u]!; x < atStart[u + 1]!; x++) {
        const i = atNode[x]!;
        const d = du + (nodeA[i] === u ? offA[i]! : offB[i]!);
        if (best[i] === Infinity) seen.push(i);
        if (d < best[i]!) best[i] = d;
      }
    }
    if (p.nodeA !== p.nodeB) {
      for (let x = atStart[p.nodeA]!; x < atStart[p.nodeA + 1]!; x++) {
        const i = atNode[x]!;
        if (nodeB[i] !== p.nodeB || nodeA[i] !== p.nodeA) continue;
        const d = p.accessM + Math.abs(offA[i]! - p.offsetA);
        if (best[i] === Infinity) seen.push(i);
        if (d < best[i]!) best[i] = d;
      }
    }
    seen.sort((a, b) => a - b);
    const estates: number[] = [];
    const distances: number[] = [];
    for (const i of seen) {
      const total = best[i]! + accessM[i]!;
      best[i] = Infinity;
      if (total > limitM) continue;
      estates.push(i);
      distances.push(total);
    }
    return { estates: Int32Array.from(estates), distanceM: Float64Array.from(distances) };
  }

  /** Records the slot in the node and edge indexes; false when it is not on the network. */
  private register(slot: number): boolean {
    const s = this.slots[slot]!;
    const p = s.place;
    if (!s.alive || p === null || p.offNetwork) return false;
    for (const v of p.nodeA === p.nodeB ? [p.nodeA] : [p.nodeA, p.nodeB]) pushSorted(this.seedsAt, v, slot);
    if (p.nodeA !== p.nodeB) pushSorted(this.onEdge, edgeKey(p.nodeA, p.nodeB, this.graph.nodeCount), slot);
    return true;
  }

  private unregister(slot: number): void {
    const p = this.slots[slot]!.place!;
    for (const v of [p.nodeA, p.nodeB]) dropFrom(this.seedsAt, v, slot);
    dropFrom(this.onEdge, edgeKey(p.nodeA, p.nodeB, this.graph.nodeCount), slot);
  }

  private seed(seeds: SearchSeed[], slot: number, limitM: number): void {
    const p = this.slots[slot]!.place!;
    this.seedNode(seeds, slot, p.nodeA, limitM);
    if (p.nodeB !== p.nodeA) this.seedNode(seeds, slot, p.nodeB, limitM);
  }

  private seedNode(seeds: SearchSeed[], slot: number, node: number, limitM: number): void {
    const p = this.slots[slot]!.place!;
    const distance = p.accessM + (node === p.nodeA ? p.offsetA : p.offsetB);
    if (distance <= limitM) seeds.push({ node, distance, source: slot });
  }

  /** Continues the nearest field from the seeds; the nodes settled again join the changed list. */
  private resume(seeds: SearchSeed[]): void {
    const count = resumeSearch(this.graph, this.field, seeds, Infinity, this.settled);
    for (let q = 0; q < count; q++) this.markChanged(this.settled[q]!);
  }

  private markChanged(v: number): void {
    if (this.changedCount === this.changed.length) {
      const grown = new Uint32Array(Math.min(this.graph.nodeCount * 2, this.changed.length * 2));
      grown.set(this.changed);
      this.changed = grown;
    }
    this.changed[this.changedCount++] = v;
  }

  /** Relabels (and reports) the estates at changed nodes or on the slot's own edge. */
  private collect(slot: number, affected: IndexSet): void {
    const { atStart, atNode, nodeA, nodeB } = this.estates;
    const mark = (u: number): void => {
      for (let x = atStart[u]!; x < atStart[u + 1]!; x++) {
        affected.add(atNode[x]!);
        this.label(atNode[x]!);
      }
    };
    for (let q = 0; q < this.changedCount; q++) mark(this.changed[q]!);
    this.changedCount = 0;
    const p = this.slots[slot]!.place!;
    for (let x = atStart[p.nodeA]!; x < atStart[p.nodeA + 1]!; x++) {
      const i = atNode[x]!;
      if (nodeA[i] !== p.nodeA || nodeB[i] !== p.nodeB) continue;
      affected.add(i);
      this.label(i);
    }
  }

  /** Relabels estate i from its end nodes and from facilities on its own edge (lowest slot on ties). */
  label(i: number): void {
    const { nodeA, nodeB, offA, offB, accessM } = this.estates;
    const { dist, source } = this.field;
    const a = nodeA[i]!;
    const b = nodeB[i]!;
    let best = Infinity;
    let bestSlot = -1;
    if (a >= 0) {
      const sa = source[a]!;
      if (sa >= 0) {
        best = dist[a]! + offA[i]!;
        bestSlot = sa;
      }
      if (b !== a) {
        const sb = source[b]!;
        const db = dist[b]! + offB[i]!;
        if (sb >= 0 && (db < best || (db === best && sb < bestSlot))) {
          best = db;
          bestSlot = sb;
        }
        const onEdge =
          this.onEdge.size === 0 ? undefined : this.onEdge.get(edgeKey(a, b, this.graph.nodeCount));
        if (onEdge !== undefined) {
          for (const k of onEdge) {
            const d = this.slots[k]!.place!.accessM + Math.abs(offA[i]! - this.slots[k]!.place!.offsetA);
            if (d < best || (d === best && k < bestSlot)) {
              best = d;
              bestSlot = k;
            }
          }
        }
      }
    }
    this.nearestSlot[i] = bestSlot;
    const facilityAccess = bestSlot >= 0 ? this.slots[bestSlot]!.place!.accessM : 0;
    this.nearestNetworkM[i] = bestSlot >= 0 ? best - facilityAccess : Infinity;
    this.nearestM[i] = bestSlot >= 0 ? best + accessM[i]! : Infinity;
  }
}

function pushSorted(map: Map<number, number[]>, key: number, slot: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [slot]);
  else if (!list.includes(slot)) {
    list.push(slot);
    list.sort((a, b) => a - b);
  }
}

function dropFrom(map: Map<number, number[]>, key: number, slot: number): void {
  const list = map.get(key);
  if (list === undefined) return;
  const at = list.indexOf(slot);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}
