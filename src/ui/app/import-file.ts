/** What a dropped file is, and how to read it (worker for most, main thread for KML: workers have no DOMParser). */
import type {
  CrsId,
  CrsSuggestion,
  EstateImport,
  FacilityImport,
  FacilityKind,
  ImportError,
  Estate,
} from '../../core';
import type { Bounds } from '../../store/types';
import { CANCEL_GRACE_MS, LONG_TASK_MS, type AnalysisRunner } from './runner';
import type { Table } from './exports';
import { plannerMessages, type Translate } from './import-hints';

export type ImportTarget = 'estates' | 'facilities' | 'network' | 'scenario';

/**
 * Guesses what a file holds from its name (and, for JSON, whether it is a LifeCircle scenario).
 * @param fileName the user's file name
 * @param head the first bytes of the file as text
 */
export function guessTarget(fileName: string, head: string): ImportTarget {
  const name = fileName.toLowerCase();
  if (/\.(osm|osm\.gz|osm\.pbf|pbf)$/.test(name)) return 'network';
  if (/\.(geo)?json$/.test(name) && head.includes('"lifecircle"') && head.includes('lifecircle-scenario'))
    return 'scenario';
  if (/facilit|设施|托育|养老|幼儿园/.test(name)) return 'facilities';
  return 'estates';
}

export interface ImportRequest {
  file: File;
  target: 'estates' | 'facilities';
  crs: CrsId | null;
  fieldMap: Record<string, string>;
  /** Facilities: the kind given to rows without a kind column or cell (siting candidates). */
  defaultKind?: FacilityKind;
  /** An Excel workbook's sheet to read (default: the first with a header row). */
  sheet?: string;
}

/**
 * Reads estates or facilities from a file with the given CRS and field mapping.
 * @param runner the analysis runner (its worker does the parsing)
 * @param req file, target, CRS (null: the file's own), mapping overrides
 */
export async function readItems(
  runner: AnalysisRunner,
  req: ImportRequest,
): Promise<EstateImport | FacilityImport> {
  const { file, target } = req;
  const options = {
    fileName: file.name,
    ...(req.crs ? { crs: req.crs } : {}),
    fieldMap: req.fieldMap,
    ...(req.sheet ? { sheet: req.sheet } : {}),
    ...(target === 'facilities' && req.defaultKind ? { defaultKind: req.defaultKind } : {}),
  };
  if (/\.kml$/i.test(file.name)) {
    const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
    // Loaded on first use: the KML reader (and the CRS conversions behind it) stays out of the start-up bundle.
    const [{ importKml }, text] = await Promise.all([
      import('../../core/io/import-shapefile-zip'),
      file.text(),
    ]);
    return target === 'estates'
      ? importKml(text, { ...options, target }, parse)
      : importKml(text, { ...options, target }, parse);
  }
  const data = new Uint8Array(await file.arrayBuffer());
  return runner.exclusive(() =>
    runner.jobs.run<EstateImport | FacilityImport>('jobs.import', (signal, onProgress) =>
      target === 'estates'
        ? runner.client.send(
            'import/estates',
            { data, ...options },
            { signal, onProgress, cancelGraceMs: CANCEL_GRACE_MS, timeoutMs: LONG_TASK_MS },
          )
        : runner.client.send(
            'import/facilities',
            { data, ...options },
            { signal, onProgress, cancelGraceMs: CANCEL_GRACE_MS, timeoutMs: LONG_TASK_MS },
          ),
    ),
  );
}

/**
 * Share of located estates outside the street network's extent (then they cannot reach a facility on
 * foot: usually a wrong CRS or a file from another city).
 * @returns 0–1, or null when there is no network or no located estate
 */
export function shareOutside(
  estates: readonly Pick<Estate, 'location'>[],
  bounds: Bounds | null,
): number | null {
  if (!bounds) return null;
  const located = estates.filter((e) => e.location);
  if (located.length === 0) return null;
  const [w, s, e, n] = bounds;
  const outside = located.filter(
    ({ location }) => location![0] < w || location![0] > e || location![1] < s || location![1] > n,
  );
  return outside.length / located.length;
}

/** Where the imported points landed: rows in the sea and rows off the street network (issue #4). */
export interface ImportPlacement {
  /** Located items checked. */
  total: number;
  /** Rows more than toleranceM from land, and the CRS that would put them on land; null: not checked. */
  sea: { rows: number[]; toleranceM: number; suggestion: CrsSuggestion | null } | null;
  /**
   * Rows farther than maxSnapM from the network; null when no network is loaded. `outsideExtent`: those
   * of them outside the network's extent, while other points lie within it (the network covers part of
   * the file's area; their coordinates are not in doubt). Empty when every point is outside: then the
   * file is from elsewhere or in another CRS.
   */
  offNetwork: { rows: number[]; maxSnapM: number; outsideExtent: number[] } | null;
}

/**
 * Which points lie outside the network's extent, when some lie inside it.
 * @param points WGS-84 locations
 * @param indexes the points to test (those off the network)
 * @param extent the network's [west, south, east, north], or null when unknown
 * @returns the indexes outside the extent; none when the extent is unknown or no point is inside it
 * @example outsideExtent([[117.3, 31.8], [121.5, 31.2]], [1], [117, 31, 118, 32]) // [1]
 */
export function outsideExtent(
  points: readonly (readonly [number, number])[],
  indexes: Iterable<number>,
  extent: Bounds | null,
): number[] {
  if (!extent) return [];
  const [w, s, e, n] = extent;
  const outside = (i: number) => {
    const [x, y] = points[i]!;
    return x < w || x > e || y < s || y > n;
  };
  if (points.every((_, i) => outside(i))) return [];
  return Array.from(indexes).filter(outside);
}

/**
 * Farther than this from the street network a point cannot be placed on it: coverage's default
 * maximum snap (issue #3: `--max-snap`, default 500 m), which the planner's coverage runs with.
 */
export const IMPORT_MAX_SNAP_M = 500;

/**
 * Asks the worker where the imported points lie: in the sea (land mask, loaded on first use) and off
 * the loaded street network. The answer names source rows, for the review's warnings.
 * @param runner the analysis runner
 * @param result the import as read
 * @param extent the loaded network's extent (null: unknown), to tell points beyond its end
 * @returns the rows at sea and off the network
 */
export async function checkPlacement(
  runner: AnalysisRunner,
  result: EstateImport | FacilityImport,
  extent: Bounds | null = null,
): Promise<ImportPlacement> {
  const items: readonly { row: number; location: readonly [number, number] | null }[] =
    'estates' in result ? result.estates : result.facilities;
  const located = items.filter((i) => i.location !== null);
  const points = new Float64Array(located.length * 2);
  located.forEach((item, k) => points.set(item.location!, 2 * k));
  const rowsOf = (indexes: Uint32Array) => Array.from(indexes, (i) => located[i]!.row);
  const { sea, offNetwork } = await runner.client.send('import/check', {
    points,
    crs: result.crs,
    maxSnapM: IMPORT_MAX_SNAP_M,
  });
  return {
    total: located.length,
    sea: sea && { rows: rowsOf(sea.atSea), toleranceM: sea.toleranceM, suggestion: sea.suggestion },
    offNetwork: offNetwork && {
      rows: rowsOf(offNetwork),
      maxSnapM: IMPORT_MAX_SNAP_M,
      // From the items, not `points`: those were transferred to the worker (empty here now).
      outsideExtent: outsideExtent(
        located.map((i) => i.location!),
        offNetwork,
        extent,
      ).map((i) => located[i]!.row),
    },
  };
}

/** Rejected rows as a table for download: row, field, reason (both languages, hints in the planner's words). */
export function rejectedTable(errors: readonly ImportError[], t: { en: Translate; zh: Translate }): Table {
  return {
    header: ['row', 'field', 'code', 'message', 'messageZh'],
    rows: errors.map((e) => {
      const { message, messageZh } = plannerMessages(e, t);
      return [e.row, e.field, e.code, message, messageZh];
    }),
  };
}
