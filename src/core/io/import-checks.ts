import type { ImportError, ImportWarning } from '../model/diagnostics';
import { rowError, warning, type MessageContext } from './diagnostic';
import type { ImportInput, SourceTable } from './import-types';
import type { QualityItem } from './quality-warnings';
import type { ResolvedMapping } from './resolve-mapping';
import type { ImportSpec } from './run-import';

/**
 * The file-level checks of an import, made before any row is mapped: the columns it needs, the CRS its
 * file declares against the one given.
 */

/** The fields every spec has: coordinates are read the same way for estates and facilities. */
export type LocatedField = 'lng' | 'lat' | 'coordinates';

function columnProblem<F extends string>(
  spec: Pick<ImportSpec<F, QualityItem>, 'requiredColumns' | 'needsCoordinates'>,
  resolved: ResolvedMapping<F>,
  table: SourceTable,
  ctx: MessageContext,
): ImportError | null {
  const headers = table.headers.length ? table.headers.map((h) => `"${h}"`).join(', ') : '(none)';
  const mapping = resolved.mapping as unknown as Record<LocatedField, string | null>;
  if ((mapping.lng === null) !== (mapping.lat === null)) {
    const [has, lacks] =
      mapping.lng !== null
        ? [`longitude column "${mapping.lng}"`, 'lat']
        : [`latitude column "${mapping.lat}"`, 'lng'];
    const en = `found a ${has} but no ${lacks === 'lat' ? 'latitude' : 'longitude'} column; headers: ${headers}`;
    return rowError(ctx, 0, null, 'missing-column', en, `只找到一个坐标列；现有表头：${headers}`, {
      kind: 'map-field',
      field: lacks,
    });
  }
  for (const [field, what] of Object.entries(spec.requiredColumns) as [F, readonly [string, string]][]) {
    if (resolved.column[field] >= 0) continue;
    const en = `no column for ${what[0]} (${field}); headers: ${headers}`;
    const zh = `没有${what[1]}列（${field}）；现有表头：${headers}`;
    return rowError(ctx, 0, null, 'missing-column', en, zh, { kind: 'map-field', field });
  }
  const hasColumns = mapping.lng !== null || mapping.coordinates !== null;
  if (spec.needsCoordinates && !table.hasGeometry && !hasColumns) {
    const en = `no coordinates: expected geometries or longitude/latitude columns (经度/纬度); headers: ${headers}`;
    return rowError(
      ctx,
      0,
      null,
      'missing-column',
      en,
      `缺少坐标：应有几何或经度/纬度列；现有表头：${headers}`,
    );
  }
  return null;
}

/**
 * In a file with geometries, a property that merely looks like one coordinate (a GeoJSON Point whose
 * properties hold an `x`) is not a half coordinate pair: the geometry gives the location, so the alias
 * mapping is undone and the property kept as it is. An explicit --map of one coordinate still fails.
 */
export function dropHalfCoordinatePair<F extends string>(
  resolved: ResolvedMapping<F>,
  fieldMap: Record<string, string> | undefined,
): void {
  const mapping = resolved.mapping as unknown as Record<LocatedField, string | null>;
  const column = resolved.column as unknown as Record<LocatedField, number>;
  if ((mapping.lng === null) === (mapping.lat === null)) return;
  const field: LocatedField = mapping.lng !== null ? 'lng' : 'lat';
  if (fieldMap && Object.hasOwn(fieldMap, field)) return;
  mapping[field] = null;
  column[field] = -1;
}

/** A problem that makes the whole file unusable (unreadable, unknown .prj, a missing column), or null. */
export function fileProblem<F extends string>(
  input: Pick<ImportInput, 'crs'>,
  spec: Pick<ImportSpec<F, QualityItem>, 'requiredColumns' | 'needsCoordinates'>,
  table: SourceTable,
  resolved: ResolvedMapping<F>,
  ctx: MessageContext,
): ImportError | null {
  let fatal = table.fatal ?? resolved.fatal;
  if (!fatal && table.unknownCrs && !input.crs) {
    const en = `the .prj names the coordinate system "${table.unknownCrs}", which cannot be converted exactly`;
    fatal = rowError(ctx, 0, '.prj', 'unknown-prj', en, `.prj 中的坐标系“${table.unknownCrs}”无法准确转换`, {
      kind: 'crs',
      crs: [],
    });
  }
  // A file whose every feature was refused has no headers: its row errors say why, not a missing column.
  if (!fatal && table.rowCount > 0 && (table.records.length > 0 || table.headers.length > 0))
    fatal = columnProblem(spec, resolved, table, ctx);
  return fatal;
}

/** Warnings when the CRS given overrides the one the file declares. */
export function crsWarnings(
  input: Pick<ImportInput, 'crs'>,
  table: SourceTable,
  ctx: MessageContext,
): ImportWarning[] {
  const out: ImportWarning[] = [];
  if (input.crs && table.unknownCrs) {
    const en = `the file declares "${table.unknownCrs}"; reading it as ${input.crs} as given`;
    out.push(
      warning(
        ctx,
        [],
        'crs-override',
        en,
        `文件声明坐标系为“${table.unknownCrs}”，按指定的 ${input.crs} 读取`,
      ),
    );
  }
  if (input.crs && table.declaredCrs && input.crs !== table.declaredCrs) {
    const en = `the file declares ${table.declaredCrs} but ${input.crs} was given; using ${input.crs}`;
    out.push(
      warning(
        ctx,
        [],
        'crs-override',
        en,
        `文件声明坐标系为 ${table.declaredCrs}，按指定的 ${input.crs} 读取`,
      ),
    );
  }
  return out;
}
