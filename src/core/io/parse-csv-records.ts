import { CsvRecordParser, type CsvLayout, type CsvRecord } from './csv-record-parser';

export type { CsvRecord } from './csv-record-parser';

export interface ParsedCsv extends CsvLayout {
  records: CsvRecord[];
}

/**
 * Split CSV/TSV text into records with papaparse, never letting a broken quote swallow the rows after
 * it: the record holding a malformed or unclosed quote (or a quoted value that runs over lines that
 * look like rows) is marked broken, and reading starts again on the line after the one it began on.
 * So every line after the header belongs to exactly one record, or sits inside a quoted value of one.
 * The whole text at once through CsvRecordParser, which also reads text given in pieces.
 * @param text decoded text, without BOM
 * @param delimiter force a delimiter; else guessed from `,` tab `;` `|`
 * @returns the records with their start offsets and lines, the delimiter and line break used, the header's index
 * @example parseCsvRecords('a,b\n"x,1\ny,2').records.map((r) => r.broken !== null) // [false, true, false]
 */
export function parseCsvRecords(text: string, delimiter?: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const parser = new CsvRecordParser((record) => records.push(record), {
    delimiter,
    textLength: text.length,
  });
  parser.push(text);
  parser.end();
  return { records, ...parser.layout };
}
