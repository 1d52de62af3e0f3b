import { byteLines, chunksAfter, type ByteChunks } from './byte-chunks';
import type { SuspectLines } from './decode-text';
import type { TextSurvey } from './survey-text-chunks';
import { lineDecoders, mixedLineText, mixedSuspect, MOJIBAKE, strictGbText, utf8Kind } from './text-lines';

/** Text handed on at a time when a mixed file is read line by line (lines are gathered up to this). */
const PIECE_CHARS = 1 << 16;

/** The decoded text in pieces, and its doubtful lines once the pieces are done. */
export interface DecodedChunks {
  pieces: Generator<string, void>;
  /** As decodeText's `suspect`; complete once `pieces` is done. */
  suspect(): SuspectLines | null;
}

/** Lines (split at line feeds) holding U+FFFD or mojibake, found piece by piece. */
function lineScanner() {
  const replacement: number[] = [];
  const misdecoded: number[] = [];
  let carry = '';
  let line = 1;
  const test = (text: string, first: number) => {
    if (!text.includes('\uFFFD') && !MOJIBAKE.test(text)) return;
    text.split('\n').forEach((l, i) => {
      if (l.includes('\uFFFD')) replacement.push(first + i);
      if (MOJIBAKE.test(l)) misdecoded.push(first + i);
    });
  };
  return {
    add(piece: string): void {
      const text = carry + piece;
      const last = text.lastIndexOf('\n');
      if (last < 0) {
        carry = text;
        return;
      }
      const complete = text.slice(0, last);
      test(complete, line);
      for (let i = complete.indexOf('\n'); i >= 0; i = complete.indexOf('\n', i + 1)) line++;
      line++;
      carry = text.slice(last + 1);
    },
    end(): { replacement: number[]; misdecoded: number[] } {
      test(carry, line);
      carry = '';
      return { replacement, misdecoded };
    },
  };
}

/**
 * Decode a file given in pieces exactly as decodeText decodes its whole bytes, holding no more than a
 * piece and a line at a time: one streaming TextDecoder for a file that is valid UTF-8 (a character cut
 * between two pieces is joined again) or UTF-16, and line by line (mixedLineText, as decodeText) for a
 * file that mixes UTF-8 and GBK/GB18030. The encoding is the survey's, decided over the whole file
 * first, so no line is read one way and then another.
 * @param chunks the file's bytes in pieces (a new pass from the first byte)
 * @param survey surveyTextChunks(chunks)
 * @returns the text in pieces (their concatenation is decodeText's text) and the doubtful lines
 * @example const { pieces } = decodeTextChunks(chunks, surveyTextChunks(chunks)); for (const t of pieces) use(t);
 */
export function decodeTextChunks(chunks: ByteChunks, survey: TextSurvey): DecodedChunks {
  const { encoding } = survey;
  let suspect: SuspectLines | null = null;
  function* whole(): Generator<string, void> {
    const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
    const decoder = new TextDecoder(label);
    const scan = lineScanner();
    for (const chunk of chunksAfter(chunks, survey.bom)) {
      const text = decoder.decode(chunk, { stream: true });
      scan.add(text);
      if (text) yield text;
    }
    const rest = decoder.decode();
    scan.add(rest);
    if (rest) yield rest;
    const { replacement, misdecoded } = scan.end();
    if (replacement.length || misdecoded.length)
      suspect = { encoding, otherEncoding: null, replacement, misdecoded };
  }
  function* lines(): Generator<string, void> {
    const decoders = lineDecoders();
    const isUtf8File = encoding !== 'gb18030';
    const other: number[] = [];
    const replacement: number[] = [];
    const misdecoded: number[] = [];
    let piece = '';
    let line = 0;
    for (const raw of byteLines(chunksAfter(chunks, survey.bom))) {
      line++;
      const kind = utf8Kind(raw, 0, raw.length);
      const read = mixedLineText(raw, kind, strictGbText(raw, kind, decoders), isUtf8File, decoders);
      if (read.how === 'other') other.push(line);
      else if (read.how === 'replacement') replacement.push(line);
      if (MOJIBAKE.test(read.text)) misdecoded.push(line);
      piece += line === 1 ? read.text : `\n${read.text}`;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
    suspect = mixedSuspect(encoding, other, replacement, misdecoded);
  }
  return { pieces: survey.mode === 'whole' ? whole() : lines(), suspect: () => suspect };
}
