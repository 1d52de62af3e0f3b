import { isWalkableWay } from './osm-tags';

function grow<T extends Float64Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * What the OSM readers (XML and PBF) hand to the graph builder: every node's id and position, and
 * the node references of the walkable ways only, in flat growable typed arrays (no object per node
 * or way). Refs of a way are appended as they are read and cut off again if its tags reject it.
 */
export class OsmCollector {
  nodeCount = 0;
  nodeIds = new Float64Array(1024);
  /** [lon0, lat0, lon1, lat1, …] in reading order. */
  nodeCoords = new Float64Array(2048);
  refCount = 0;
  /** Node ids referenced by walkable ways, way after way. */
  refs = new Float64Array(4096);
  /** End (exclusive) in `refs` of each walkable way. */
  wayEnds = new Uint32Array(256);
  waysRead = 0;
  waysUsed = 0;
  private wayStart = 0;

  addNode(id: number, lon: number, lat: number): void {
    const i = this.nodeCount++;
    this.nodeIds = grow(this.nodeIds, i + 1);
    this.nodeCoords = grow(this.nodeCoords, 2 * i + 2);
    this.nodeIds[i] = id;
    this.nodeCoords[2 * i] = lon;
    this.nodeCoords[2 * i + 1] = lat;
  }

  beginWay(): void {
    this.wayStart = this.refCount;
  }

  addRef(ref: number): void {
    this.refs = grow(this.refs, this.refCount + 1);
    this.refs[this.refCount++] = ref;
  }

  /** Closes the current way: keeps its refs when its tags pass the walking filter. */
  endWay(highway: string | null, foot: string | null, access: string | null): void {
    this.waysRead++;
    if (!isWalkableWay(highway, foot, access)) {
      this.refCount = this.wayStart;
      return;
    }
    this.wayEnds = grow(this.wayEnds, this.waysUsed + 1);
    this.wayEnds[this.waysUsed++] = this.refCount;
  }
}
