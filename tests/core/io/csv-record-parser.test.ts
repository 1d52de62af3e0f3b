/**
 * CsvRecordParser given text in pieces against the whole text (parseCsvRecords), issue #13: the same
 * records, offsets, lines and broken quotes wherever the pieces are cut — inside a quoted value, between
 * CR and LF, just after a broken quote. Seeded inputs (mulberry32).
 */
import { describe, expect, it } from 'vitest';
import { CsvRecordParser, type CsvRecord } from '../../../src/core/io/csv-record-parser';
import { parseCsvRecords } from '../../../src/core/io/parse-csv-records';
import { mulberry32 } from '../../bench/w1-workload';

/**
 * The first parse waits for `guessChars` of text, as the real one waits for 1 MiB, so that the line
 * break is guessed from more than a cut-off first line ("a,b\r" alone reads as CR line breaks).
 */
function inPieces(text: string, cuts: readonly number[], delimiter?: string, guessChars = 20) {
  const records: CsvRecord[] = [];
  const parser = new CsvRecordParser((r) => records.push(r), {
    delimiter,
    textLength: text.length,
    guessChars,
  });
  const at = [0, ...cuts.filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  for (let i = 1; i < at.length; i++) parser.push(text.slice(at[i - 1], at[i]));
  parser.end();
  return { records, ...parser.layout };
}

function expectSame(text: string, cuts: readonly number[], delimiter?: string, guessChars = 20): void {
  expect(inPieces(text, cuts, delimiter, guessChars)).toEqual(parseCsvRecords(text, delimiter));
}

const everyCut = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => i);

describe('CsvRecordParser in pieces', () => {
  it('a quoted value holding line breaks, cut anywhere inside it', () => {
    const text = '名称,地址,户数\n"金地","合肥市\n包河区",100\n"B","x ""y""\r\nz",2\nC,w,3';
    for (const cut of everyCut(text)) expectSame(text, [cut]);
    expectSame(text, everyCut(text));
  });

  it('CRLF files cut between CR and LF', () => {
    const text = 'a,b\r\n1,2\r\n3,"4\r\n5"\r\n\r\n6,7\r\n';
    for (const cut of everyCut(text)) expectSame(text, [cut]);
    const cr = text.indexOf('\r', 6);
    expect(inPieces(text, [cr + 1]).records.map((r) => r.cells)).toEqual(
      parseCsvRecords(text).records.map((r) => r.cells),
    );
  });

  it('an unclosed quote: the rows below are read again, wherever the text is cut', () => {
    const text = '名称,户数\n"A,1\nB,2\nC,3\n"D",4\nE,"5\n';
    const whole = parseCsvRecords(text);
    expect(whole.records.filter((r) => r.broken).length).toBeGreaterThan(0);
    for (const cut of everyCut(text)) expectSame(text, [cut]);
    expectSame(text, everyCut(text));
  });

  it('a stray quote on every line past the re-reading budget: read line by line at the same point', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `"x${i},${i}`);
    const text = `a,b\n${lines.join('\n')}\n`;
    const next = mulberry32(7);
    for (let n = 0; n < 20; n++) {
      const cuts = Array.from({ length: 1 + (next() % 50) }, () => next() % text.length);
      expectSame(text, cuts);
    }
  });

  it('seeded random CSV with quotes, delimiters and line breaks, cut at random', () => {
    const next = mulberry32(2026);
    let compared = 0;
    for (const linebreak of ['\n', '\r\n']) {
      const tokens = [
        '"',
        '""',
        ',',
        linebreak,
        'ab',
        '小区',
        ' ',
        `"x${linebreak}y"`,
        '12',
        `,"`,
        `"${linebreak}`,
      ];
      for (let n = 0; n < 400; n++) {
        let text = `名称,户数,经度${linebreak}`;
        const count = next() % 40;
        for (let i = 0; i < count; i++) text += tokens[next() % tokens.length];
        const cuts = Array.from({ length: next() % 10 }, () => next() % (text.length + 1));
        const whole = parseCsvRecords(text, ',');
        const pieces = inPieces(text, cuts, ',');
        // The line break is guessed from the first 20 characters here (1 MiB in use, as papaparse
        // reads on the whole text): a first piece ending in CR, or whose quotes pair otherwise than in
        // the whole text, may guess another; everything else must be the same.
        if (pieces.linebreak !== whole.linebreak) continue;
        compared++;
        expect(pieces).toEqual(whole);
      }
    }
    expect(compared).toBeGreaterThan(700);
  });

  it('guesses the delimiter and line break as on the whole text once enough text is in hand', () => {
    const text = `a\tb\r\n${Array.from({ length: 50 }, (_, i) => `${i}\t"x,${i}"`).join('\r\n')}`;
    const cuts = Array.from({ length: 40 }, (_, i) => i * 7);
    const pieces = inPieces(text, cuts, undefined, 200);
    expect(pieces.delimiter).toBe('\t');
    expect(pieces.linebreak).toBe('\r\n');
    expectSame(text, cuts, undefined, 200);
  });
});
