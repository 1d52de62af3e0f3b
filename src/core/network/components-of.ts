import type { WalkingGraph } from '../model/network';

/** Connected components of a walking graph. */
export interface GraphComponents {
  count: number;
  /** Component of each node; components are numbered in order of their lowest node index. */
  component: Uint32Array;
  /** Node count of each component. */
  sizes: Uint32Array;
}

/**
 * Labels the connected components (breadth-first over the CSR rows). Two points whose snapped
 * nodes carry different labels never reach each other on foot: in the Shanghai extract
 * (../shared/data) Puxi and Pudong are two such components, as no walkable way crosses the river.
 * @param graph the walking graph
 * @returns the label of every node and the size of every component
 * @example componentsOf(graph).component[a] === componentsOf(graph).component[b] // same side of the river
 */
export function componentsOf(graph: WalkingGraph): GraphComponents {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const component = new Uint32Array(n);
  const seen = new Uint8Array(n);
  const queue = new Uint32Array(n);
  const sizes: number[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const label = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const u = queue[head++] as number;
      component[u] = label;
      for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
        const v = targets[e] as number;
        if (!seen[v]) {
          seen[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  return { count: sizes.length, component, sizes: Uint32Array.from(sizes) };
}
