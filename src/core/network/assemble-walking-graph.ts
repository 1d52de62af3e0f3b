import type { NetworkBuildReport, WalkingGraph } from '../model/network';
import { csrFromPairs, MAX_PAIR_NODES, uniqueEdgePairs } from './edge-pairs';
import type { OsmCollector } from './osm-collector';
import { OsmReadError } from './osm-read-error';

/** Nodes sorted by OSM id, repeated ids removed (the first occurrence is kept). */
function sortNodes(osm: OsmCollector): { ids: Float64Array; coords: Float64Array; duplicates: number } {
  const n = osm.nodeCount;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && (osm.nodeIds[i] as number) < (osm.nodeIds[i - 1] as number)) sorted = false;
  }
  // A stable sort keeps the first of repeated ids first.
  if (!sorted) order.sort((a, b) => (osm.nodeIds[a] as number) - (osm.nodeIds[b] as number) || a - b);
  const ids = new Float64Array(n);
  const coords = new Float64Array(2 * n);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const id = osm.nodeIds[i] as number;
    if (count > 0 && ids[count - 1] === id) continue;
    ids[count] = id;
    coords[2 * count] = osm.nodeCoords[2 * i] as number;
    coords[2 * count + 1] = osm.nodeCoords[2 * i + 1] as number;
    count++;
  }
  return { ids: ids.subarray(0, count), coords: coords.subarray(0, 2 * count), duplicates: n - count };
}

function findNode(ids: Float64Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = ids[mid] as number;
    if (value < id) low = mid + 1;
    else if (value > id) high = mid - 1;
    else return mid;
  }
  return -1;
}

function root(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const up = parent[parent[x] as number] as number;
    parent[x] = up;
    x = up;
  }
  return x;
}

/** Progress steps of the assembly: sorted nodes, unique edges, components, CSR. */
const BUILD_STEPS = 4;

/** What buildWalkingGraph reports: the common report plus what the OSM input itself lacked. */
export interface OsmBuildReport extends NetworkBuildReport {
  /** The minComponent threshold that was applied. */
  minComponent: number;
  /** References from walkable ways to nodes absent from the file (each occurrence counted). */
  missingNodeRefs: number;
  /** Consecutive node pairs skipped because one of the two nodes is absent. */
  skippedEdges: number;
  /** Consecutive pairs of the same node, dropped. */
  selfLoops: number;
  /** Node pairs already seen in this or another way, merged into one edge. */
  duplicateEdges: number;
  /** Edges inside the dropped components. */
  droppedEdges: number;
  /** Nodes listed more than once in the file (the first position is used). */
  duplicateNodeIds: number;
}

/**
 * Turns the collected nodes and walkable ways into the walking graph of issue #3: consecutive refs
 * become undirected edges, self-loops and repeats are dropped, components smaller than
 * `minComponent` nodes are dropped, and the remaining nodes are indexed in ascending OSM id order.
 * @param osm nodes and walkable ways read from XML or PBF
 * @param minComponent smallest component (in nodes) that is kept
 * @param onStep called before and after each of the BUILD_STEPS steps with (steps done, BUILD_STEPS)
 * @returns the CSR graph and what was kept and dropped
 */
export function assembleWalkingGraph(
  osm: OsmCollector,
  minComponent: number,
  onStep?: (done: number, total: number) => void,
): { graph: WalkingGraph; report: OsmBuildReport } {
  onStep?.(0, BUILD_STEPS);
  const nodes = sortNodes(osm);
  onStep?.(1, BUILD_STEPS);
  const n = nodes.ids.length;
  if (n > MAX_PAIR_NODES)
    throw new OsmReadError(`OSM: ${n} nodes is more than the ${MAX_PAIR_NODES} supported`);
  const keys = new Float64Array(Math.max(0, osm.refCount - 1));
  let keyCount = 0;
  let missingNodeRefs = 0;
  let skippedEdges = 0;
  let selfLoops = 0;
  let wayStart = 0;
  for (let w = 0; w < osm.waysUsed; w++) {
    const wayEnd = osm.wayEnds[w] as number;
    let previous = -1;
    for (let r = wayStart; r < wayEnd; r++) {
      const current = findNode(nodes.ids, osm.refs[r] as number);
      if (current < 0) missingNodeRefs++;
      if (r > wayStart) {
        if (current < 0 || previous < 0) skippedEdges++;
        else if (current === previous) selfLoops++;
        else keys[keyCount++] = current < previous ? current * n + previous : previous * n + current;
      }
      previous = current;
    }
    wayStart = wayEnd;
  }
  const pairs = uniqueEdgePairs(keys, keyCount, n);
  onStep?.(2, BUILD_STEPS);

  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const used = new Uint8Array(n);
  for (let e = 0; e < pairs.count; e++) {
    const a = pairs.lo[e] as number;
    const b = pairs.hi[e] as number;
    used[a] = 1;
    used[b] = 1;
    const ra = root(parent, a);
    const rb = root(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const size = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (!used[i]) continue;
    const r = root(parent, i);
    size[r] = (size[r] as number) + 1;
  }

  const componentSizes: number[] = [];
  let droppedNodes = 0;
  let droppedComponents = 0;
  for (let i = 0; i < n; i++) {
    const s = size[i] as number;
    if (s === 0) continue;
    if (s >= minComponent) componentSizes.push(s);
    else {
      droppedNodes += s;
      droppedComponents++;
    }
  }
  componentSizes.sort((a, b) => b - a);
  onStep?.(3, BUILD_STEPS);

  const newIndex = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (used[i] && (size[root(parent, i)] as number) >= minComponent) newIndex[i] = kept++;
  }
  const coords = new Float64Array(2 * kept);
  const osmIds = new Float64Array(kept);
  for (let i = 0; i < n; i++) {
    const k = newIndex[i] as number;
    if (k < 0) continue;
    osmIds[k] = nodes.ids[i] as number;
    coords[2 * k] = nodes.coords[2 * i] as number;
    coords[2 * k + 1] = nodes.coords[2 * i + 1] as number;
  }
  // Renumbering is monotone, so the kept pairs stay sorted by (lo, hi).
  let keptEdges = 0;
  for (let e = 0; e < pairs.count; e++) {
    const a = newIndex[pairs.lo[e] as number] as number;
    if (a < 0) continue;
    pairs.lo[keptEdges] = a;
    pairs.hi[keptEdges] = newIndex[pairs.hi[e] as number] as number;
    keptEdges++;
  }
  const csr = csrFromPairs(kept, { lo: pairs.lo, hi: pairs.hi, count: keptEdges }, coords);
  onStep?.(4, BUILD_STEPS);
  const graph: WalkingGraph = { nodeCount: kept, coords, osmIds, ...csr };
  const report: OsmBuildReport = {
    nodes: kept,
    edges: keptEdges,
    droppedNodes,
    droppedComponents,
    componentSizes,
    waysRead: osm.waysRead,
    waysUsed: osm.waysUsed,
    minComponent,
    missingNodeRefs,
    skippedEdges,
    selfLoops,
    duplicateEdges: pairs.duplicates,
    droppedEdges: pairs.count - keptEdges,
    duplicateNodeIds: nodes.duplicates,
  };
  return { graph, report };
}
