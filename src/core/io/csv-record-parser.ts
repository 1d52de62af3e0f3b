import Papa from 'papaparse';

/** Delimiters tried when the file does not say (papaparse picks the one giving consistent field counts). */
const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Re-reading after a broken quote costs a pass over the rest of the text; past this many passes over the
 * whole text (a file with a stray quote on every line) the rest is read one line at a time, so the work
 * stays linear in the bytes given.
 */
const REPARSE_BUDGET = 8;

/**
 * Text gathered before the first parse: papaparse guesses the line break from the first 1 MiB of its
 * input (guessLineEndings) and the delimiter from its first 10 records, so text given in pieces is
 * guessed as the whole text would be once this much is in hand (or the text has ended).
 */
const GUESS_CHARS = 1 << 20;

/** One record as read: its cells, where it starts, and why it cannot be trusted (null when it can). */
export interface CsvRecord {
  cells: string[];
  /** Character offset of the record's first character in the text. */
  start: number;
  /** Line (1-based, counted in the file's line breaks) of the record's first character. */
  line: number;
  /** What is wrong with the record's quotes [en, zh]; its first line is then all that is taken from it. */
  broken: readonly [string, string] | null;
}

/** How the text was read, known once the first record has been. */
export interface CsvLayout {
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

/** A record papaparse gave, before it is known to be complete (more text could still extend it). */
interface Step {
  cells: string[];
  start: number;
  end: number;
  errors: Papa.ParseError[];
}

/**
 * Splits CSV/TSV text given in pieces into records with papaparse, never letting a broken quote swallow
 * the rows after it: the record holding a malformed or unclosed quote (or a quoted value that runs over
 * lines that look like rows) is marked broken, and reading starts again on the line after the one it
 * began on. So every line after the header belongs to exactly one record, or sits inside a quoted value
 * of one. The records are the same, with the same offsets, however the text is cut into pieces: a record
 * is taken only once text after it shows where it ends, and the unfinished rest waits for the next piece.
 * @example
 * const parser = new CsvRecordParser((r) => records.push(r), { textLength: text.length });
 * parser.push(text.slice(0, 10)); parser.push(text.slice(10)); parser.end();
 */
export class CsvRecordParser {
  readonly layout: CsvLayout;
  private buffer = '';
  /** Offset in the whole text of buffer[0]. */
  private base = 0;
  /** Where the current pass over the text began (after the last broken record). */
  private segment = 0;
  private budget: number;
  private guessed = false;
  private lineByLine = false;
  private ended = false;
  /** Records given so far. */
  private count = 0;
  private headerWidth = 0;
  /** Line counting: line breaks before `countedTo` have been counted into `line`. */
  private countedTo = 0;
  private line = 1;
  /** Length of the unfinished record kept from the last parse (the next parse waits for as much text). */
  private waiting = 0;
  /** Whether the buffer starts at an unfinished record papaparse gave (not at a re-read's start). */
  private atRecord = false;

  /**
   * @param onRecord receives each record, in order, with its index
   * @param options a forced delimiter (else guessed from `,` tab `;` `|`), the length of the whole
   *   text, which sets the re-reading budget, and the text to gather before guessing (tests)
   */
  constructor(
    private readonly onRecord: (record: CsvRecord, index: number) => void,
    private readonly options: { delimiter?: string | undefined; textLength: number; guessChars?: number },
  ) {
    this.layout = { delimiter: options.delimiter ?? ',', linebreak: '\n', headerIndex: -1 };
    this.budget = REPARSE_BUDGET * Math.max(options.textLength, 1);
  }

  /** Add the next piece of text. */
  push(text: string): void {
    this.buffer += text;
    if (!this.guessed && this.buffer.length < (this.options.guessChars ?? GUESS_CHARS)) return;
    // An unfinished record is parsed again only once the text has doubled, so that a quoted value
    // running over many pieces costs linear work, not a pass per piece.
    if (this.buffer.length < 2 * this.waiting) return;
    this.run();
  }

  /** The text has ended: take the last record. */
  end(): void {
    this.ended = true;
    this.run();
  }

  private lineOf(offset: number): number {
    const linebreak = this.layout.linebreak;
    for (
      let i = this.buffer.indexOf(linebreak, this.countedTo - this.base);
      i >= 0 && i + this.base < offset;
      i = this.buffer.indexOf(linebreak, i + 1)
    )
      this.line++;
    this.countedTo = offset;
    return this.line;
  }

  /** Drop the text before `offset` (a record's or a line's start). */
  private cut(offset: number): void {
    this.lineOf(offset);
    this.buffer = this.buffer.slice(offset - this.base);
    this.base = offset;
  }

  private emit(cells: string[], start: number, broken: readonly [string, string] | null): void {
    const index = this.count++;
    if (this.layout.headerIndex < 0 && (broken || !isBlank(cells))) {
      this.layout.headerIndex = index;
      this.headerWidth = cells.length;
    }
    this.onRecord({ cells, start, line: this.lineOf(start), broken }, index);
  }

  /** Take a complete record; false when it is broken (reading then starts again after its first line). */
  private take(step: Step): boolean {
    const width = this.layout.headerIndex < 0 ? 0 : this.headerWidth;
    const broken = quoteProblem(step.errors) ?? swallowed(step.cells, width, this.layout.delimiter);
    this.emit(step.cells, step.start, broken);
    if (!broken) return true;
    this.budget -= step.end - this.segment;
    const at = this.buffer.indexOf(this.layout.linebreak, step.start - this.base);
    const next = at < 0 ? this.base + this.buffer.length : this.base + at + this.layout.linebreak.length;
    this.cut(next);
    this.segment = next;
    if (this.budget <= 0) this.lineByLine = true;
    return false;
  }

  private run(): void {
    this.waiting = 0;
    for (;;) {
      if (this.lineByLine) return this.parseLines();
      if (this.buffer.length === 0 && !this.atRecord) return;
      if (!this.parseBuffer()) return;
    }
  }

  /** Parse the buffer; true when a broken record asks for the rest to be read again. */
  private parseBuffer(): boolean {
    const first = !this.guessed;
    const base = this.base;
    let scanned = 0;
    let pending: Step | null = null;
    let again = false;
    const result = Papa.parse<string[]>(this.buffer, {
      header: false,
      skipEmptyLines: false,
      delimiter: first ? (this.options.delimiter ?? '') : this.layout.delimiter,
      ...(first ? { delimitersToGuess: DELIMITERS } : { newline: this.layout.linebreak as '\n' }),
      step: (step, parser) => {
        const start = base + scanned;
        scanned = step.meta.cursor;
        if (first && this.count === 0 && pending === null) {
          this.layout.delimiter = step.meta.delimiter;
          this.layout.linebreak = step.meta.linebreak;
        }
        // The record before this one is complete: this one starts after its line break.
        if (pending && !this.take(pending)) {
          again = true;
          pending = null;
          parser.abort();
          return;
        }
        pending = { cells: step.data, start, end: base + step.meta.cursor, errors: step.errors };
      },
    });
    if (first) {
      if (this.count === 0 && pending === null && !again) {
        this.layout.delimiter = result.meta.delimiter;
        this.layout.linebreak = result.meta.linebreak;
      }
      this.guessed = true;
    }
    this.atRecord = false;
    if (again) return true;
    const last = pending as Step | null;
    if (last === null) {
      // The text ended with a line break: papaparse gives the empty record after it.
      if (this.ended && this.buffer.length === 0 && this.count > 0) this.emit([''], base, null);
      this.cut(base + this.buffer.length);
      return false;
    }
    if (this.ended) return !this.take(last) && this.buffer.length > 0;
    this.cut(last.start);
    this.waiting = this.buffer.length;
    this.atRecord = true;
    return false;
  }

  /** Read the rest one line at a time: a broken quote then costs its own line only. */
  private parseLines(): void {
    const linebreak = this.layout.linebreak;
    for (;;) {
      if (this.buffer.length === 0) return;
      const at = this.buffer.indexOf(linebreak);
      if (at < 0 && !this.ended) return;
      const start = this.base;
      const line = at < 0 ? this.buffer : this.buffer.slice(0, at);
      const result = Papa.parse<string[]>(line, { header: false, delimiter: this.layout.delimiter });
      this.emit(result.data[0] ?? [''], start, quoteProblem(result.errors));
      this.cut(at < 0 ? start + this.buffer.length : start + at + linebreak.length);
    }
  }
}
