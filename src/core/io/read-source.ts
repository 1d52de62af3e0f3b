import { decodeText, type SuspectLines } from './decode-text';
import { encodingWarnings } from './encoding-warnings';
import { emptySourceTable } from './empty-source-table';
import { rowError, type MessageContext } from './diagnostic';
import type { ImportFormat, ImportInput, SourceTable, TextEncodingName } from './import-types';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { readKml } from './read-kml';
import { readShapefileZip } from './read-shapefile-zip';
import { binaryKind } from './binary-kind';
import { readSheetTable } from './read-sheet-table';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  geojson: 'geojson',
  json: 'geojson',
  zip: 'shapefile',
  kml: 'kml',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

const extension = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** Guess the format from the first bytes: `PK` is a zip, `{`/`[` JSON, `<` XML (KML). */
function sniff(data: Uint8Array | string): ImportFormat {
  if (typeof data !== 'string' && data[0] === 0x50 && data[1] === 0x4b)
    return isXlsxZip(data) ? 'xlsx' : 'shapefile';
  const head = (
    typeof data === 'string' ? data.slice(0, 64) : new TextDecoder('utf-8').decode(data.subarray(0, 64))
  )
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  return 'csv';
}

/** An .xlsx is a zip whose first entry is `[Content_Types].xml` (or that holds an `xl/` folder). */
function isXlsxZip(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 2048));
  return head.includes('[Content_Types].xml') || head.includes('xl/');
}

/**
 * Whether an input is an `.xlsx` workbook (by format, extension or first bytes), so that
 * prepareImport reads it before the synchronous import.
 * @param input the import input
 * @returns true for a workbook
 */
export function isWorkbookInput(input: ImportInput): boolean {
  return (input.format ?? BY_EXTENSION[extension(input.fileName)] ?? sniff(input.data)) === 'xlsx';
}

/**
 * Whether a file can be read in pieces (importEstateStream): CSV/TSV text by its extension or first
 * bytes, and not a binary file under a text name (a picture renamed `.csv`, an old `.xls`), which the
 * whole-file path names as such.
 * @param head the file's first bytes (64 are enough for the sniffing, 2048 for a zip's first entry)
 * @param fileName the user's file name
 * @returns true when readCsvChunks may read it
 * @example isStreamableCsv(firstBytes, 'estates.csv') // true
 */
export function isStreamableCsv(head: Uint8Array, fileName: string): boolean {
  const ext = extension(fileName);
  if (ext === 'xls' || binaryKind(head)) return false;
  return (BY_EXTENSION[ext] ?? sniff(head)) === 'csv';
}

function fatalTable(ctx: MessageContext, code: string, en: string, zh: string): SourceTable {
  return emptySourceTable(ctx.format, null, rowError(ctx, 0, null, code, en, zh));
}

/**
 * Read an input file into rows, whatever its format: the format is the one given, else the file
 * extension's, else sniffed from the first bytes; text is decoded with decodeText.
 * @param input the import input (data, fileName, format, parseXml)
 * @returns the rows and the message context (file, format)
 * @example readSource({ data: bytes, fileName: 'compounds.csv' }).table.rowCount
 */
export function readSource(input: ImportInput): { table: SourceTable; ctx: MessageContext } {
  const ext = extension(input.fileName);
  const format = input.format ?? BY_EXTENSION[ext] ?? sniff(input.data);
  const ctx: MessageContext = { file: input.fileName, format };
  const kind = binaryKind(input.data);
  if (kind?.ole || ext === 'xls') {
    const en =
      'this is an old Excel workbook (.xls), which cannot be read: open it in Excel or WPS and save it as .xlsx';
    const zh = '这是旧版 Excel 工作簿（.xls），无法读取：请用 Excel 或 WPS 打开并另存为 .xlsx';
    return { table: fatalTable(ctx, 'xls-unsupported', en, zh), ctx };
  }
  if (kind) {
    const en = `this file is ${kind.en}, not a table of estates or facilities (expected CSV, Excel .xlsx, GeoJSON, a zipped shapefile or KML)`;
    const zh = `该文件是${kind.zh}，不是小区或设施表格（应为 CSV、Excel .xlsx、GeoJSON、Shapefile 压缩包或 KML）`;
    return { table: fatalTable(ctx, 'wrong-kind', en, zh), ctx };
  }
  if (format === 'xlsx') {
    if (!input.workbook) {
      const why = input.workbookError ?? 'the workbook was not read first (prepareImport)';
      const en = `cannot read the Excel workbook: ${why}; expected an .xlsx file`;
      return {
        table: fatalTable(ctx, 'bad-workbook', en, `无法读取 Excel 工作簿：${why}；应为 .xlsx 文件`),
        ctx,
      };
    }
    return { table: readSheetTable(input.workbook, input.sheet, ctx), ctx };
  }
  if (format === 'shapefile') {
    if (typeof input.data === 'string') {
      const en = 'a shapefile must be given as the bytes of a .zip (with .shp, .dbf, .prj, .cpg)';
      return { table: fatalTable(ctx, 'unsupported-input', en, 'Shapefile 须以 .zip 文件字节提供'), ctx };
    }
    return { table: readShapefileZip(input.data, ctx), ctx };
  }
  let text: string;
  let encoding: TextEncodingName | null = null;
  let suspect: SuspectLines | null = null;
  if (typeof input.data === 'string') text = input.data;
  else ({ text, encoding, suspect } = decodeText(input.data));
  if (format === 'kml') {
    if (!input.parseXml) {
      const en = 'reading KML needs an XML parser (parseXml), which this caller did not provide';
      return { table: fatalTable(ctx, 'needs-xml-parser', en, '读取 KML 需要 XML 解析器（parseXml）'), ctx };
    }
    const table = readKml(text, ctx, input.parseXml);
    table.encoding = encoding;
    if (suspect) table.warnings.push(...encodingWarnings(suspect, ctx));
    return { table, ctx };
  }
  if (format === 'geojson') {
    const table = readGeoJson(text, ctx, encoding);
    if (suspect) table.warnings.push(...encodingWarnings(suspect, ctx));
    return { table, ctx };
  }
  const delimiter = extension(input.fileName) === 'tsv' ? '\t' : undefined;
  return { table: readCsv(text, ctx, encoding, delimiter, suspect), ctx };
}
