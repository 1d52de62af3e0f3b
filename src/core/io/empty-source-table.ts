import type { ImportError } from '../model/diagnostics';
import type { ImportFormat, SourceTable, TextEncodingName } from './import-types';

/**
 * A table with no rows yet: the starting point of every reader, and the whole answer when the file is
 * unusable (`fatal`).
 * @param format the file's format
 * @param encoding how its bytes were decoded, if they were
 * @param fatal the file-level error that makes it unusable, if any
 * @returns an empty SourceTable
 */
export function emptySourceTable(
  format: ImportFormat,
  encoding: TextEncodingName | null,
  fatal: ImportError | null = null,
): SourceTable {
  return {
    format,
    encoding,
    headers: [],
    records: [],
    rowErrors: [],
    rowCount: 0,
    hasGeometry: false,
    declaredCrs: null,
    fatal,
    warnings: [],
  };
}
