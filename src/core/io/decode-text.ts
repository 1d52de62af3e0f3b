import type { TextEncodingName } from './import-types';

/** The decoded text and how it was read. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decode a text file as planners export it: UTF-8 with or without BOM, UTF-16 with BOM, or — when the
 * bytes are not valid UTF-8 — GBK / GB18030 (Excel's “CSV” on a Chinese Windows). GB18030 is a superset
 * of GBK and GB2312, so one decoder reads all three. Valid UTF-8 is almost never produced by chance from
 * GBK text with Chinese characters (GBK lead bytes 0x81–0xFE followed by 0x40–0xFE rarely form UTF-8
 * sequences), so a strict UTF-8 decode that fails is the test.
 * @param bytes the file's contents
 * @returns the text and the encoding used
 * @example decodeText(new Uint8Array([0xd0, 0xa1, 0xc7, 0xf8])) // { text: '小区', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
