import { byteLines, chunksAfter, headOf, type ByteChunks } from './byte-chunks';
import type { TextEncodingName } from './import-types';
import { lineDecoders, mixedEncoding, mixedLineText, strictGbText, utf8Kind } from './text-lines';

/** How a file read in pieces is decoded: decided over all its bytes, before any text is used. */
export interface TextSurvey {
  encoding: TextEncodingName;
  /** `whole`: one decoder over the body (valid UTF-8, UTF-16); `lines`: line by line (a mixed file). */
  mode: 'whole' | 'lines';
  /** Bytes of byte-order mark before the body. */
  bom: number;
  /** Length of the decoded text (what decodeText's `text.length` would be). */
  length: number;
}

function wholeLength(chunks: ByteChunks, skip: number, label: string, fatal: boolean): number | null {
  const decoder = new TextDecoder(label, { fatal });
  let length = 0;
  try {
    for (const chunk of chunksAfter(chunks, skip)) length += decoder.decode(chunk, { stream: true }).length;
    return length + decoder.decode().length;
  } catch {
    return null;
  }
}

/** A file that is not valid UTF-8: count the lines each encoding needs, and the text's length in each. */
function surveyLines(chunks: ByteChunks, bom: boolean): TextSurvey {
  const decoders = lineDecoders();
  let utf8 = 0;
  let gb = 0;
  let lines = 0;
  // Most lines read the same whichever encoding the file turns out to have; the rest are measured both ways.
  let same = 0;
  let asUtf8 = 0;
  let asGb = 0;
  for (const raw of byteLines(chunksAfter(chunks, bom ? 3 : 0))) {
    lines++;
    const kind = utf8Kind(raw, 0, raw.length);
    const text = strictGbText(raw, kind, decoders);
    if (text !== null) {
      gb++;
      same += text.length;
    } else if (kind.ascii) same += raw.length;
    else if (kind.valid && kind.wide) {
      utf8++;
      same += mixedLineText(raw, kind, null, true, decoders).text.length;
    } else {
      asUtf8 += mixedLineText(raw, kind, null, true, decoders).text.length;
      asGb += mixedLineText(raw, kind, null, false, decoders).text.length;
    }
  }
  const encoding = mixedEncoding(bom, utf8, gb);
  const length = same + (encoding === 'gb18030' ? asGb : asUtf8) + Math.max(lines - 1, 0);
  return { encoding, mode: 'lines', bom: bom ? 3 : 0, length };
}

/**
 * Decide, as decodeText does on the whole bytes, how a file given in pieces is to be decoded: UTF-16 by
 * its byte-order mark, UTF-8 (with or without BOM) when every byte is valid UTF-8, else line by line
 * with the encoding most of its lines need. A pass over the bytes that keeps none of them; the length
 * of the text is measured too (the CSV reader's re-reading budget is set from it).
 * @param chunks the file's bytes in pieces
 * @returns the encoding, the way to decode and the text's length
 * @example surveyTextChunks(() => [bytes]).encoding // 'utf-8'
 */
export function surveyTextChunks(chunks: ByteChunks): TextSurvey {
  const [b0, b1, b2] = headOf(chunks, 3);
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null;
  if (utf16 !== null)
    return { encoding: utf16, mode: 'whole', bom: 2, length: wholeLength(chunks, 2, utf16, false) ?? 0 };
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const length = wholeLength(chunks, bom ? 3 : 0, 'utf-8', true);
  if (length !== null)
    return { encoding: bom ? 'utf-8-bom' : 'utf-8', mode: 'whole', bom: bom ? 3 : 0, length };
  return surveyLines(chunks, bom);
}
