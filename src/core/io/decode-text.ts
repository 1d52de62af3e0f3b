import type { TextEncodingName } from './import-types';

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

/**
 * UTF-8 of CJK text (lead bytes E4–E9) decoded as Windows-1252 gives “å”…“é” followed by two characters
 * of the 0x80–0xBF range (or the cp1252 punctuation that replaces part of it).
 */
const MOJIBAKE =
  /[\u00e4-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{2}/;

/** Whether bytes[from, to) is valid UTF-8, and whether it holds a 3-byte sequence (CJK text). */
function utf8Kind(bytes: Uint8Array, from: number, to: number): { valid: boolean; wide: boolean } {
  let wide = false;
  for (let i = from; i < to;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= to) return { valid: false, wide };
    const b1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return { valid: false, wide };
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { valid: false, wide };
    if (n === 2) wide = true;
    i += n + 1;
  }
  return { valid: true, wide };
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
 * A file that is not valid UTF-8 as a whole, read line by line: a line that is valid UTF-8 is UTF-8, a
 * line valid in GB18030 is GB18030, and the file's encoding is the one most of its non-ASCII lines need
 * (UTF-8 when it has a BOM); lines of the other encoding are listed. A line valid in neither is read in
 * the file's encoding with U+FFFD for the bad bytes, and listed too.
 */
function decodeMixed(bytes: Uint8Array, bom: boolean): DecodedText {
  const strictGb = new TextDecoder('gb18030', { fatal: true });
  const lines: { utf8: boolean; wide: boolean; gb: string | null; start: number; end: number }[] = [];
  let utf8 = 0;
  let gb = 0;
  for (let start = 0; start <= bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const kind = utf8Kind(bytes, start, end);
    let text: string | null = null;
    if (!kind.valid) {
      try {
        text = strictGb.decode(bytes.subarray(start, end));
        gb++;
      } catch {
        text = null;
      }
    } else if (kind.wide) utf8++;
    lines.push({ utf8: kind.valid, wide: kind.wide, gb: text, start, end });
    start = end + 1;
  }
  const encoding: TextEncodingName = bom ? 'utf-8-bom' : utf8 >= gb ? 'utf-8' : 'gb18030';
  const isUtf8File = encoding !== 'gb18030';
  const lenient = new TextDecoder(isUtf8File ? 'utf-8' : 'gb18030');
  const utf8Decoder = new TextDecoder('utf-8');
  const otherLines: number[] = [];
  const replacement: number[] = [];
  const parts = lines.map((line, i) => {
    const raw = bytes.subarray(line.start, line.end);
    if (line.utf8 && (isUtf8File || line.wide)) {
      if (!isUtf8File) otherLines.push(i + 1);
      return utf8Decoder.decode(raw);
    }
    if (line.gb !== null) {
      if (isUtf8File) otherLines.push(i + 1);
      return line.gb;
    }
    if (line.utf8) return lenient.decode(raw);
    replacement.push(i + 1);
    return lenient.decode(raw);
  });
  const text = parts.join('\n');
  const misdecoded = MOJIBAKE.test(text) ? linesMatching(text, (l) => MOJIBAKE.test(l)) : [];
  const otherEncoding = otherLines.length
    ? { encoding: isUtf8File ? ('gb18030' as const) : ('utf-8' as const), lines: otherLines }
    : null;
  const suspect =
    otherEncoding || replacement.length || misdecoded.length
      ? { encoding, otherEncoding, replacement, misdecoded }
      : null;
  return { text, encoding, suspect };
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
