import type { Geometry } from 'geojson';
import type { CrsId } from '../crs/crs-id';
import type { ImportError, ImportWarning } from '../model/diagnostics';
import type { Estate } from '../model/estate';
import type { Facility, FacilityKind } from '../model/facility';
import type { ProgressCallback } from '../network/task-progress';
import type { Workbook } from './read-workbook';
import type { ByteChunks } from './byte-chunks';

/** How the bytes of a text file were read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** File formats the importer reads. */
export type ImportFormat = 'csv' | 'geojson' | 'shapefile' | 'kml' | 'xlsx';

/**
 * Something that parses XML text into a DOM-like Document (the browser's DOMParser, @xmldom/xmldom in
 * Node). The core has no DOM, so KML import takes one as a parameter.
 */
export type ParseXml = (text: string) => unknown;

/** What importEstates and importFacilities take. */
export interface ImportInput {
  /** File contents: bytes (encoding detected) or already-decoded text. */
  data: Uint8Array | string;
  /** The user's file name, used for the format (by extension) and in every message. */
  fileName: string;
  /** Format; else by extension (.csv .tsv .txt / .geojson .json / .zip / .kml), else by sniffing. */
  format?: ImportFormat;
  /** Coordinate system of the source; default: the file's own declaration (.prj, GeoJSON `crs`), else wgs84. */
  crs?: CrsId;
  /** Canonical field → source header, overriding the aliases (CLI `--map households=房屋总数`). */
  fieldMap?: Record<string, string>;
  /** XML parser, needed for KML only. */
  parseXml?: ParseXml;
  /** An `.xlsx` file read by readWorkbook (prepareImport does it): needed for workbooks only. */
  workbook?: Workbook;
  /** The workbook's sheet: its name or 1-based position; default the first sheet with a header row. */
  sheet?: string | number;
  /** Why prepareImport could not read the workbook (reported as a file-level error). */
  workbookError?: string;
  /**
   * Called with the share done (0–1, ending with exactly one 1) and the phase: 'read' once the file
   * is parsed, 'rows' while rows are mapped (every 1 % of rows, never per row).
   */
  onProgress?: ProgressCallback;
}

/**
 * A CSV/TSV file given in pieces rather than as bytes (the CLI reads a large file so): each call of
 * `chunks` reads the file again from its first byte.
 */
export interface StreamImportInput extends Pick<ImportInput, 'fileName' | 'crs' | 'fieldMap'> {
  chunks: ByteChunks;
  /** Count the rows in a first pass, so that report.rowCount is known before any chunk is mapped. */
  rowsFirst?: boolean;
}

/** Facility import also takes the kind to give rows without one. */
export interface FacilityImportInput extends ImportInput {
  defaultKind?: FacilityKind;
}

/** Canonical estate fields a source column can be mapped to. */
export type EstateField =
  | 'id'
  | 'name'
  | 'households'
  | 'residents'
  | 'status'
  | 'elderlyCareFloorArea'
  | 'elderlyCareFacilityAreas'
  | 'nurseryPlaces'
  | 'childcareFloorArea'
  | 'district'
  | 'buildYear'
  | 'lng'
  | 'lat'
  | 'coordinates';

/** Canonical facility fields. */
export type FacilityField =
  'id' | 'name' | 'kind' | 'places' | 'beds' | 'floorArea' | 'status' | 'lng' | 'lat' | 'coordinates';

/** What every import returns besides its items. Invariant: items + distinct rows in `errors` (row ≥ 1) = rowCount. */
export interface ImportReport<F extends string> {
  errors: ImportError[];
  warnings: ImportWarning[];
  /** Data rows (CSV, blank lines not counted) or features read. 0 when a file-level error stopped the import. */
  rowCount: number;
  /** Canonical field → the source header used for it (null when none). */
  mapping: Record<F, string | null>;
  /** Source headers / property names in file order, for a mapping dialog. */
  headers: string[];
  /** How the bytes were decoded; null when the input was already a string or binary (shapefile). */
  encoding: TextEncodingName | null;
  format: ImportFormat;
  /** The coordinate system the source was read in. */
  crs: CrsId;
  /** True when a file-level error (row 0) made the file unusable. */
  fatal: boolean;
  /** Workbooks: the sheets it holds, the one read and its header row (1-based sheet row). */
  workbook?: { sheets: string[]; sheet: string; headerRow: number };
}

export interface EstateImport extends ImportReport<EstateField> {
  estates: Estate[];
}

export interface FacilityImport extends ImportReport<FacilityField> {
  facilities: Facility[];
}

/** One data row or feature as read, before mapping. */
export interface SourceRecord {
  /** 1-based data row (header not counted) or feature number. */
  row: number;
  /** Cell values aligned with SourceTable.headers (strings from CSV, any JSON value from GeoJSON). */
  cells: readonly unknown[];
  /** The feature's geometry in the source CRS; null for CSV rows and features without one. */
  geometry: Geometry | null;
  /** GeoJSON feature id, when present. */
  featureId: string | number | null;
}

/** A file read into rows, before mapping to estates or facilities. */
export interface SourceTable {
  format: ImportFormat;
  encoding: TextEncodingName | null;
  headers: string[];
  records: SourceRecord[];
  /** Rows that could not be read at all (malformed feature, too many CSV cells), one error each. */
  rowErrors: ImportError[];
  /** Data rows seen: records.length + rowErrors.length. */
  rowCount: number;
  /** Whether coordinates come from geometries (GeoJSON, shapefile, KML) rather than columns. */
  hasGeometry: boolean;
  /** The CRS the file declares (.prj, GeoJSON `crs` member, KML's WGS-84), if recognised. */
  declaredCrs: CrsId | null;
  /** The name of a CRS the file declares but the importer cannot convert (an unknown .prj), else null. */
  unknownCrs?: string | null;
  /** File-level problem that makes the file unusable, else null. */
  fatal: ImportError | null;
  /** File-level observations (e.g. duplicate headers). */
  warnings: ImportWarning[];
  /** Workbooks: the sheets it holds, the one read and its header row. */
  workbook?: { sheets: string[]; sheet: string; headerRow: number };
}
