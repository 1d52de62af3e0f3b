import { DOMParser } from '@xmldom/xmldom';
import {
  importEstateChunks,
  importEstateStream,
  isStreamableCsv,
  prepareImport,
  type ChunkedImport,
  type Estate,
  type EstateField,
  type ImportInput,
} from '../core';
import { readInputChunks, readInputFile } from './input-file';

/** KML needs a DOM parser; the browser has DOMParser, Node gets @xmldom/xmldom's. */
const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

/**
 * Reads an estates or facilities file given on the command line into an import input, ready for
 * importEstates / importFacilities: the bytes, an XML parser for KML, and for an `.xlsx` workbook
 * the sheet read (prepareImport).
 * @param path the file's path
 * @param what what the file is, for messages ("estates file")
 * @param options CRS, field mapping and sheet (`--sheet name|index`)
 * @returns the prepared input
 * @example importEstates(await readImportInput('estates.xlsx', 'estates file', { sheet: '小区' }))
 */
export async function readImportInput(
  path: string,
  what: string,
  options: Pick<ImportInput, 'crs' | 'fieldMap'> & { sheet?: string | undefined },
): Promise<ImportInput> {
  const sheet = options.sheet;
  return prepareImport({
    data: await readInputFile(path, what),
    fileName: path,
    parseXml,
    ...(options.crs === undefined ? {} : { crs: options.crs }),
    ...(options.fieldMap === undefined ? {} : { fieldMap: options.fieldMap }),
    ...(sheet === undefined ? {} : { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet }),
  });
}

/**
 * The estates of a file given on the command line, a chunk at a time: a CSV/TSV file is read in pieces
 * (importEstateStream: its size then costs no memory), any other format whole, as readImportInput.
 * @param path the file's path
 * @param options CRS, field mapping and sheet, as readImportInput
 * @param chunkRows estates per chunk
 * @param rowsFirst whether the row count is needed before the first chunk (JSON's `input.rows`)
 * @returns the report so far and the chunks
 * @example const { report, chunks } = await readEstateChunks('a.csv', {}, 100, true);
 */
export async function readEstateChunks(
  path: string,
  options: Pick<ImportInput, 'crs' | 'fieldMap'> & { sheet?: string | undefined },
  chunkRows: number,
  rowsFirst: boolean,
): Promise<ChunkedImport<EstateField, Estate>> {
  const { head, chunks } = readInputChunks(path, 'estates file');
  if (!isStreamableCsv(head, path))
    return importEstateChunks(await readImportInput(path, 'estates file', options), chunkRows);
  return importEstateStream(
    {
      chunks,
      fileName: path,
      rowsFirst,
      ...(options.crs === undefined ? {} : { crs: options.crs }),
      ...(options.fieldMap === undefined ? {} : { fieldMap: options.fieldMap }),
    },
    chunkRows,
  );
}
