import { decodeText } from './decode-text';
import { emptySourceTable } from './empty-source-table';
import { rowError, type MessageContext } from './diagnostic';
import type { ImportFormat, ImportInput, SourceTable, TextEncodingName } from './import-types';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { readKml } from './read-kml';
import { readShapefileZip } from './read-shapefile-zip';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  geojson: 'geojson',
  json: 'geojson',
  zip: 'shapefile',
  kml: 'kml',
};

const extension = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** Guess the format from the first bytes: `PK` is a zip, `{`/`[` JSON, `<` XML (KML). */
function sniff(data: Uint8Array | string): ImportFormat {
  if (typeof data !== 'string' && data[0] === 0x50 && data[1] === 0x4b) return 'shapefile';
  const head = (
    typeof data === 'string' ? data.slice(0, 64) : new TextDecoder('utf-8').decode(data.subarray(0, 64))
  )
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  return 'csv';
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
  const format = input.format ?? BY_EXTENSION[extension(input.fileName)] ?? sniff(input.data);
  const ctx: MessageContext = { file: input.fileName, format };
  if (format === 'shapefile') {
    if (typeof input.data === 'string') {
      const en = 'a shapefile must be given as the bytes of a .zip (with .shp, .dbf, .prj, .cpg)';
      return { table: fatalTable(ctx, 'unsupported-input', en, 'Shapefile 须以 .zip 文件字节提供'), ctx };
    }
    return { table: readShapefileZip(input.data, ctx), ctx };
  }
  let text: string;
  let encoding: TextEncodingName | null = null;
  if (typeof input.data === 'string') text = input.data;
  else ({ text, encoding } = decodeText(input.data));
  if (format === 'kml') {
    if (!input.parseXml) {
      const en = 'reading KML needs an XML parser (parseXml), which this caller did not provide';
      return { table: fatalTable(ctx, 'needs-xml-parser', en, '读取 KML 需要 XML 解析器（parseXml）'), ctx };
    }
    const table = readKml(text, ctx, input.parseXml);
    table.encoding = encoding;
    return { table, ctx };
  }
  if (format === 'geojson') return { table: readGeoJson(text, ctx, encoding), ctx };
  return { table: readCsv(text, ctx, encoding, extension(input.fileName) === 'tsv' ? '\t' : undefined), ctx };
}
