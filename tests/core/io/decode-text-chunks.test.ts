/**
 * decodeTextChunks against decodeText (issue #13): a file given in pieces decodes to the same text,
 * encoding and doubtful lines as its whole bytes, wherever the pieces are cut — inside a UTF-8 or GBK
 * character, inside a byte-order mark, between CR and LF. The inputs are seeded (mulberry32).
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/io';
import type { ByteChunks } from '../../../src/core/io/byte-chunks';
import { decodeTextChunks } from '../../../src/core/io/decode-text-chunks';
import { surveyTextChunks } from '../../../src/core/io/survey-text-chunks';
import { mulberry32 } from '../../bench/w1-workload';

// GBK codes from the GB2312/GBK code chart: 小 D0A1, 区 C7F8, 名 C3FB, 称 B3C6.
const GBK = [0xd0, 0xa1, 0xc7, 0xf8, 0xc3, 0xfb, 0xb3, 0xc6];
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const BOM = [0xef, 0xbb, 0xbf];

/** The bytes cut at the given offsets. */
function cutAt(bytes: Uint8Array, cuts: readonly number[]): ByteChunks {
  const at = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  return () => at.slice(1).map((end, i) => bytes.slice(at[i], end));
}

function decodedInPieces(chunks: ByteChunks) {
  const survey = surveyTextChunks(chunks);
  const decoded = decodeTextChunks(chunks, survey);
  const text = [...decoded.pieces].join('');
  return { text, encoding: survey.encoding, suspect: decoded.suspect(), length: survey.length };
}

function expectSame(bytes: Uint8Array, cuts: readonly number[]): void {
  const whole = decodeText(bytes);
  const pieces = decodedInPieces(cutAt(bytes, cuts));
  expect(pieces.text).toBe(whole.text);
  expect(pieces.encoding).toBe(whole.encoding);
  expect(pieces.suspect).toEqual(whole.suspect);
  expect(pieces.length).toBe(whole.text.length);
}

const everyCut = (bytes: Uint8Array) => Array.from({ length: bytes.length + 1 }, (_, i) => i);

describe('decodeTextChunks', () => {
  it('joins a UTF-8 character cut between two pieces, at every cut and in 1-byte pieces', () => {
    const bytes = new Uint8Array([...BOM, ...utf8('小区名称,户数\r\n金地,1\r\n')]);
    for (const cut of everyCut(bytes)) expectSame(bytes, [cut]);
    expectSame(bytes, everyCut(bytes));
    // The 2nd byte of 小 (E5 B0 8F) ends the first piece: the character must not become U+FFFD.
    const cut = decodedInPieces(cutAt(bytes, [4]));
    expect(cut.text.startsWith('小区')).toBe(true);
    expect(cut.suspect).toBeNull();
  });

  it('joins a GBK character cut between two pieces (a GBK file read line by line)', () => {
    const bytes = new Uint8Array([...GBK, 0x2c, 0x31, 0x0a, ...GBK, 0x2c, 0x32, 0x0d, 0x0a]);
    for (const cut of everyCut(bytes)) expectSame(bytes, [cut]);
    expectSame(bytes, everyCut(bytes));
    expect(decodedInPieces(cutAt(bytes, [1, 9])).text).toBe('小区名称,1\n小区名称,2\r\n');
  });

  it('a mixed file: the same encoding, lines of the other encoding and bad lines as decodeText', () => {
    const bytes = new Uint8Array([
      ...BOM,
      ...utf8('名称,户数\n小区,1\n'),
      ...GBK,
      0x2c,
      0x32,
      0x0a,
      0xff,
      0xfe,
      0x2c,
      0x33,
      0x0a,
      ...utf8('\uFFFD,4\nå°åŒº,5\ncafé,6'),
    ]);
    expect(decodeText(bytes).suspect?.otherEncoding?.lines).toEqual([3]);
    for (const cut of everyCut(bytes)) expectSame(bytes, [cut]);
    const gbkFile = new Uint8Array([...GBK, 0x0a, ...GBK, 0x0a, ...utf8('小区,1\ncafé\n'), 0x80]);
    expect(decodeText(gbkFile).encoding).toBe('gb18030');
    for (const cut of everyCut(gbkFile)) expectSame(gbkFile, [cut]);
  });

  it('UTF-16 with either byte-order mark, cut inside a code unit', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x0f, 0x5c, 0x3a, 0x53, 0x0a, 0x00, 0xfd, 0xff]);
    const be = new Uint8Array([0xfe, 0xff, 0x5c, 0x0f, 0x53, 0x3a]);
    for (const bytes of [le, be]) for (const cut of everyCut(bytes)) expectSame(bytes, [cut]);
  });

  it('seeded random files of UTF-8, GBK, BOMs, CR/LF and damaged bytes, cut at random', () => {
    const next = mulberry32(1307);
    const parts: number[][] = [
      BOM,
      utf8('小区'),
      GBK,
      [0x0a],
      [0x0d, 0x0a],
      [0x0d],
      utf8('"a,b"'),
      [0xff],
      [0xe5, 0xb0],
      utf8('\uFFFD'),
      utf8('å°åŒº'),
      utf8('x,1'),
    ];
    for (let n = 0; n < 300; n++) {
      const bytes: number[] = [];
      const count = next() % 30;
      for (let i = 0; i < count; i++) bytes.push(...(parts[next() % parts.length] ?? []));
      const data = new Uint8Array(bytes);
      const cuts = Array.from({ length: next() % 8 }, () => next() % (data.length + 1));
      expectSame(data, cuts);
    }
  });
});
