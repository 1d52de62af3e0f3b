import type { TextEncodingName } from './import-types';
import {
  lineDecoders,
  mixedEncoding,
  mixedLineText,
  mixedSuspect,
  MOJIBAKE,
  strictGbText,
  utf8Kind,
  type LineKind,
} from './text-lines';

/** Lines (1-based, split at line feeds) whose decoding is doubtful. */
export interface SuspectLines {
  /** The file's own encoding, as reported. */
  encoding: TextEncodingName;
  /** Lines written in the other of UTF-8 and GB18030 (a mixed file), read in that other encoding. */
  otherEncoding: { encoding: TextEncodingName; lines: number[] } | null;
  /** Lines holding U+FFFD: bytes valid in neither encoding, or text damaged before it was saved. */
  replacement: number[];
  /** Lines that look like UTF-8 once read as Windows-1252 and saved again (“å°åŒº” for 小区). */
  misdecoded: number[];
}

/** The decoded text and how it was read. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** Lines to warn about, null when every line decoded cleanly. */
  suspect: SuspectLines | null;
}

function linesMatching(text: string, test: (line: string) => boolean): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (test(line)) out.push(i + 1);
  });
  return out;
}

/** Look for replacement characters and Windows-1252 mojibake in text that decoded without error. */
function scan(text: string, encoding: TextEncodingName): DecodedText {
  const hasReplacement = text.includes('\uFFFD');
  const hasMojibake = MOJIBAKE.test(text);
  if (!hasReplacement && !hasMojibake) return { text, encoding, suspect: null };
  const replacement = hasReplacement ? linesMatching(text, (l) => l.includes('\uFFFD')) : [];
  const misdecoded = hasMojibake ? linesMatching(text, (l) => MOJIBAKE.test(l)) : [];
  return { text, encoding, suspect: { encoding, otherEncoding: null, replacement, misdecoded } };
}

/**
 * A file that is not valid UTF-8 as a whole, read line by line (mixedLineText): the file's encoding is
 * the one most of its non-ASCII lines need (UTF-8 when it has a BOM); lines of the other encoding are
 * listed, and so are lines valid in neither.
 */
function decodeMixed(bytes: Uint8Array, bom: boolean): DecodedText {
  const decoders = lineDecoders();
  const lines: { kind: LineKind; gb: string | null; start: number; end: number }[] = [];
  let utf8 = 0;
  let gb = 0;
  for (let start = 0; start <= bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const kind = utf8Kind(bytes, start, end);
    const text = strictGbText(bytes.subarray(start, end), kind, decoders);
    if (text !== null) gb++;
    else if (kind.valid && kind.wide) utf8++;
    lines.push({ kind, gb: text, start, end });
    start = end + 1;
  }
  const encoding = mixedEncoding(bom, utf8, gb);
  const isUtf8File = encoding !== 'gb18030';
  const otherLines: number[] = [];
  const replacement: number[] = [];
  const parts = lines.map((line, i) => {
    const read = mixedLineText(
      bytes.subarray(line.start, line.end),
      line.kind,
      line.gb,
      isUtf8File,
      decoders,
    );
    if (read.how === 'other') otherLines.push(i + 1);
    else if (read.how === 'replacement') replacement.push(i + 1);
    return read.text;
  });
  const text = parts.join('\n');
  const misdecoded = MOJIBAKE.test(text) ? linesMatching(text, (l) => MOJIBAKE.test(l)) : [];
  return { text, encoding, suspect: mixedSuspect(encoding, otherLines, replacement, misdecoded) };
}

/**
 * Decode a text file as planners export it: UTF-8 with or without BOM, UTF-16 with BOM, or — when the
 * bytes are not valid UTF-8 — GBK / GB18030 (Excel's “CSV” on a Chinese Windows). GB18030 is a superset
 * of GBK and GB2312, so one decoder reads all three. Valid UTF-8 is almost never produced by chance from
 * GBK text with Chinese characters (GBK lead bytes 0x81–0xFE followed by 0x40–0xFE rarely form UTF-8
 * sequences), so a strict UTF-8 decode that fails is the test. A file that mixes the two (GBK rows
 * pasted below a UTF-8 BOM) is read line by line, each line in its own encoding, and those lines are
 * listed in `suspect`, as are lines with replacement characters or Windows-1252 mojibake.
 * @param bytes the file's contents
 * @returns the text, the encoding used and the doubtful lines
 * @example decodeText(new Uint8Array([0xd0, 0xa1, 0xc7, 0xf8])) // { text: '小区', encoding: 'gb18030', suspect: null }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe)
    return scan(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff)
    return scan(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return scan(new TextDecoder('utf-8', { fatal: true }).decode(body), bom ? 'utf-8-bom' : 'utf-8');
  } catch {
    return decodeMixed(body, bom);
  }
}
