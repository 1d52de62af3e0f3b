/**
 * The line-level pieces of text decoding, shared by decodeText (whole bytes) and decodeTextChunks
 * (bytes in pieces), so that both read every line alike.
 */
import type { SuspectLines } from './decode-text';
import type { TextEncodingName } from './import-types';

/**
 * UTF-8 of CJK text (lead bytes E4–E9) decoded as Windows-1252 gives “å”…“é” followed by two characters
 * of the 0x80–0xBF range (or the cp1252 punctuation that replaces part of it).
 */
export const MOJIBAKE =
  /[\u00e4-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{2}/;

/** How one line's bytes read: valid UTF-8, holding a 3-byte sequence (CJK text), only ASCII. */
export interface LineKind {
  valid: boolean;
  wide: boolean;
  ascii: boolean;
}

/** Whether bytes[from, to) is valid UTF-8, and whether it holds a 3-byte sequence (CJK text). */
export function utf8Kind(bytes: Uint8Array, from: number, to: number): LineKind {
  let wide = false;
  let ascii = true;
  for (let i = from; i < to;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= to) return { valid: false, wide, ascii };
    const b1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return { valid: false, wide, ascii };
    for (let k = 1; k <= n; k++)
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { valid: false, wide, ascii };
    if (n === 2) wide = true;
    i += n + 1;
  }
  return { valid: true, wide, ascii };
}

/** The decoders a mixed file's lines are read with (one set per file: TextDecoder is not free). */
export interface LineDecoders {
  strictGb: TextDecoder;
  utf8: TextDecoder;
  lenientUtf8: TextDecoder;
  lenientGb: TextDecoder;
}

/** A fresh set of line decoders. */
export const lineDecoders = (): LineDecoders => ({
  strictGb: new TextDecoder('gb18030', { fatal: true }),
  utf8: new TextDecoder('utf-8'),
  lenientUtf8: new TextDecoder('utf-8'),
  lenientGb: new TextDecoder('gb18030'),
});

/** The line read strictly as GB18030 when it is not UTF-8, else null (valid UTF-8, or valid in neither). */
export function strictGbText(raw: Uint8Array, kind: LineKind, decoders: LineDecoders): string | null {
  if (kind.valid) return null;
  try {
    return decoders.strictGb.decode(raw);
  } catch {
    return null;
  }
}

/** How a line of a mixed file is read, once the file's encoding is chosen. */
export type MixedLine = 'own' | 'other' | 'replacement';

/**
 * One line of a file that is not valid UTF-8 as a whole: a line valid in UTF-8 is UTF-8 (in a GB18030
 * file only when it holds CJK text), a line valid in GB18030 is GB18030, and a line valid in neither is
 * read in the file's encoding with U+FFFD for the bad bytes.
 * @returns the text and whether it is in the file's encoding, the other one, or neither
 */
export function mixedLineText(
  raw: Uint8Array,
  kind: LineKind,
  gb: string | null,
  isUtf8File: boolean,
  decoders: LineDecoders,
): { text: string; how: MixedLine } {
  if (kind.valid && (isUtf8File || kind.wide))
    return { text: decoders.utf8.decode(raw), how: isUtf8File ? 'own' : 'other' };
  if (gb !== null) return { text: gb, how: isUtf8File ? 'other' : 'own' };
  const lenient = isUtf8File ? decoders.lenientUtf8 : decoders.lenientGb;
  return { text: lenient.decode(raw), how: kind.valid ? 'own' : 'replacement' };
}

/**
 * The encoding of a file that is not valid UTF-8: UTF-8 with a BOM, else the one most of its non-ASCII
 * lines need.
 * @param bom whether the file starts with a UTF-8 byte-order mark
 * @param utf8 lines valid in UTF-8 that hold CJK text
 * @param gb lines valid in GB18030 and not in UTF-8
 * @returns the file's encoding
 */
export function mixedEncoding(bom: boolean, utf8: number, gb: number): TextEncodingName {
  return bom ? 'utf-8-bom' : utf8 >= gb ? 'utf-8' : 'gb18030';
}

/**
 * The doubtful lines of a mixed file, null when there are none.
 * @param encoding the file's encoding
 * @param otherLines lines read in the other encoding
 * @param replacement lines valid in neither
 * @param misdecoded lines that look like Windows-1252 mojibake
 * @returns the suspect lines
 */
export function mixedSuspect(
  encoding: TextEncodingName,
  otherLines: number[],
  replacement: number[],
  misdecoded: number[],
): SuspectLines | null {
  const otherEncoding = otherLines.length
    ? { encoding: encoding !== 'gb18030' ? ('gb18030' as const) : ('utf-8' as const), lines: otherLines }
    : null;
  return otherEncoding || replacement.length || misdecoded.length
    ? { encoding, otherEncoding, replacement, misdecoded }
    : null;
}
