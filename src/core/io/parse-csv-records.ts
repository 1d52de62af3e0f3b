import Papa from 'papaparse';

/** Delimiters tried when the file does not say (papaparse picks the one giving consistent field counts). */
const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Re-reading after a broken quote costs a pass over the rest of the text; past this many passes over the
 * whole text (a file with a stray quote on every line) the rest is read one line at a time, so the work
 * stays linear in the bytes given.
 */
const REPARSE_BUDGET = 8;

/** One record as read: its cells, where it starts, and why it cannot be trusted (null when it can). */
export interface CsvRecord {
  cells: string[];
  /** Character offset of the record's first character in the text. */
  start: number;
  /** What is wrong with the record's quotes [en, zh]; its first line is then all that is taken from it. */
  broken: readonly [string, string] | null;
}

export interface ParsedCsv {
  records: CsvRecord[];
  delimiter: string;
  linebreak: string;
  /** Index of the header record (the first non-blank or broken one), -1 when there is none. */
  headerIndex: number;
}

const hasBreak = (cell: string): boolean => cell.includes('\n') || cell.includes('\r');
const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

function quoteProblem(errors: readonly Papa.ParseError[]): readonly [string, string] | null {
  const quote = errors.find((e) => e.type === 'Quotes');
  if (!quote) return null;
  return quote.code === 'MissingQuotes'
    ? [
        'a quoted value opened on this line never closes; expected a closing quote (") before the end of the line',
        '本行的引号值没有结束引号；应在行尾前以 " 结束',
      ]
    : [
        'a closing quote (") is followed by more text; expected a delimiter or the end of the line after it',
        '结束引号 " 后还有字符；其后应为分隔符或行尾',
      ];
}

/**
 * A record that spans several lines is a quoted value holding line breaks. That is legal CSV (an address
 * on two lines), but when the value also holds the delimiter, or the record has more cells than the
 * header, a stray quote has swallowed the rows below it.
 */
function swallowed(
  cells: readonly string[],
  width: number,
  delimiter: string,
): readonly [string, string] | null {
  const multi = cells.filter(hasBreak);
  if (multi.length === 0) return null;
  const fits = width === 0 || cells.length <= width;
  if (fits && !multi.some((c) => c.includes(delimiter))) return null;
  return [
    'a quoted value runs over the next lines, which look like rows of their own; expected its closing quote (") on this line',
    '引号值跨到下面几行，而这些行看起来是独立的数据行；应在本行内以 " 结束',
  ];
}

/** Read one segment of the text from `from`, stopping at the first broken record. */
function parseSegment(
  text: string,
  from: number,
  out: ParsedCsv,
  width: () => number,
  forced: string | undefined,
): { stop: number | null; scanned: number } {
  let stop: number | null = null;
  let scanned = 0;
  const segment = from === 0 ? text : text.slice(from);
  const result = Papa.parse<string[]>(segment, {
    header: false,
    skipEmptyLines: false,
    delimiter: from === 0 ? (forced ?? '') : out.delimiter,
    ...(from === 0 ? { delimitersToGuess: DELIMITERS } : { newline: out.linebreak as '\n' }),
    step: (step, parser) => {
      const cells = step.data;
      const start = from + scanned;
      scanned = step.meta.cursor;
      if (from === 0 && out.records.length === 0) {
        out.delimiter = step.meta.delimiter;
        out.linebreak = step.meta.linebreak;
      }
      const broken = quoteProblem(step.errors) ?? swallowed(cells, width(), out.delimiter);
      out.records.push({ cells, start, broken });
      // A broken first record is the header, reported as such (not an empty file).
      if (out.headerIndex < 0 && (broken || !isBlank(cells))) out.headerIndex = out.records.length - 1;
      if (broken) {
        stop = start;
        parser.abort();
      }
    },
  });
  if (from === 0 && out.records.length === 0) {
    out.delimiter = result.meta.delimiter;
    out.linebreak = result.meta.linebreak;
  }
  return { stop, scanned };
}

/** The offset just after the line break that ends the line holding `offset`, or text.length. */
function nextLine(text: string, offset: number, linebreak: string): number {
  const at = text.indexOf(linebreak, offset);
  return at < 0 ? text.length : at + linebreak.length;
}

/** Read the rest one line at a time: a broken quote then costs its own line only. */
function parseLines(text: string, from: number, out: ParsedCsv): void {
  for (let start = from; start < text.length;) {
    const at = text.indexOf(out.linebreak, start);
    const line = text.slice(start, at < 0 ? text.length : at);
    const result = Papa.parse<string[]>(line, { header: false, delimiter: out.delimiter });
    out.records.push({ cells: result.data[0] ?? [''], start, broken: quoteProblem(result.errors) });
    start = at < 0 ? text.length : at + out.linebreak.length;
  }
}

/**
 * Split CSV/TSV text into records with papaparse, never letting a broken quote swallow the rows after
 * it: the record holding a malformed or unclosed quote (or a quoted value that runs over lines that
 * look like rows) is marked broken, and reading starts again on the line after the one it began on.
 * So every line after the header belongs to exactly one record, or sits inside a quoted value of one.
 * @param text decoded text, without BOM
 * @param delimiter force a delimiter; else guessed from `,` tab `;` `|`
 * @returns the records with their start offsets, the delimiter and line break used, the header's index
 * @example parseCsvRecords('a,b\n"x,1\ny,2').records.map((r) => r.broken !== null) // [false, true, false]
 */
export function parseCsvRecords(text: string, delimiter?: string): ParsedCsv {
  const out: ParsedCsv = { records: [], delimiter: delimiter ?? ',', linebreak: '\n', headerIndex: -1 };
  const width = (): number => out.records[out.headerIndex]?.cells.length ?? 0;
  let budget = REPARSE_BUDGET * Math.max(text.length, 1);
  let from = 0;
  for (;;) {
    const { stop, scanned } = parseSegment(text, from, out, width, delimiter);
    budget -= scanned;
    if (stop === null) return out;
    from = nextLine(text, stop, out.linebreak);
    if (from >= text.length) return out;
    if (budget <= 0) {
      parseLines(text, from, out);
      return out;
    }
  }
}
