/** Types for the two dependencies that ship none, limited to what the importer uses. */
declare module 'shpjs' {
  /** Geometries of a .shp (null for null shapes), reprojected only when `prj` is given. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): unknown[];
  /** Records of a .dbf, text decoded with the encoding label (`cpg`). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}

declare module 'geojson-validation' {
  /** With trace = true: the list of problems (empty when valid). */
  export function isFeature(feature: unknown, trace: true): string[];
  const gjv: { isFeature(feature: unknown, trace: true): string[] };
  export default gjv;
}
