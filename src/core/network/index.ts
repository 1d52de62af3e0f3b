/** Walking network: OSM → CSR walking graph, binary file, snapping, bounded multi-source search. */
export type { NetworkBuildReport, SnapMode, SnappedPoint, WalkingGraph } from '../model/network';
export type { OsmBuildReport } from './assemble-walking-graph';
export {
  buildWalkingGraph,
  DEFAULT_MIN_COMPONENT,
  sniffOsmFormat,
  type BuildWalkingGraphOptions,
  type OsmFormat,
} from './build-walking-graph';
export { searchScratchBytes } from './bucket-queue';
export {
  boundedMatrix,
  type BoundedMatrix,
  type BoundedMatrixOptions,
  type PlacedPoints,
} from './bounded-matrix';
export { componentsOf, type GraphComponents } from './components-of';
export { createSnapper, type SnapOptions, type Snapper } from './create-snapper';
export { deserializeGraph, deserializeGraphReport, GraphFileError } from './deserialize-graph';
export { graphFromEdges } from './graph-from-edges';
export { isSerializedGraph } from './graph-file-layout';
export { EARTH_RADIUS_M, haversineM } from './haversine';
export {
  createSearchResult,
  multiSourceSearch,
  scratchSearchResult,
  type SearchResult,
  type SearchSeed,
} from './multi-source-search';
export { resumeSearch } from './resume-search';
export { isWalkableWay } from './osm-tags';
export { OsmReadError } from './osm-read-error';
export { distanceToPoint, sameEdgeDistanceM, seedsForPoint } from './point-seeds';
export { serializeGraph } from './serialize-graph';
export {
  PROGRESS_STEP,
  taskProgress,
  type ProgressCallback,
  type ProgressPhase,
  type TaskProgress,
} from './task-progress';
export { shortestPath, type ShortestPathOptions, type WalkingRoute } from './shortest-path';
