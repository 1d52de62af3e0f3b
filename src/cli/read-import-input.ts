import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportInput } from '../core';
import { readInputFile } from './input-file';

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
