import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/io';

// GBK codes from the GB2312/GBK code chart: 小 D0A1, 区 C7F8, 名 C3FB, 称 B3C6.
const GBK_XIAOQU_MINGCHENG = [0xd0, 0xa1, 0xc7, 0xf8, 0xc3, 0xfb, 0xb3, 0xc6];
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8('小区名称,户数'))).toEqual({
      text: '小区名称,户数',
      encoding: 'utf-8',
      suspect: null,
    });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('小区名称')]);
    expect(decodeText(bytes)).toEqual({ text: '小区名称', encoding: 'utf-8-bom', suspect: null });
  });

  it('falls back to GB18030 when the bytes are not UTF-8 (GBK from Excel)', () => {
    const bytes = new Uint8Array([...GBK_XIAOQU_MINGCHENG, 0x2c, 0x31, 0x32]);
    expect(decodeText(bytes)).toEqual({ text: '小区名称,12', encoding: 'gb18030', suspect: null });
  });

  it('reads UTF-16 with either BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x0f, 0x5c, 0x3a, 0x53]); // 小 U+5C0F, 区 U+533A
    const be = new Uint8Array([0xfe, 0xff, 0x5c, 0x0f, 0x53, 0x3a]);
    expect(decodeText(le)).toEqual({ text: '小区', encoding: 'utf-16le', suspect: null });
    expect(decodeText(be)).toEqual({ text: '小区', encoding: 'utf-16be', suspect: null });
  });

  it('reads plain ASCII as UTF-8 and empty input as empty text', () => {
    expect(decodeText(utf8('name,households'))).toEqual({
      text: 'name,households',
      encoding: 'utf-8',
      suspect: null,
    });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', suspect: null });
  });

  // Issue #13: GBK rows after a UTF-8 BOM gave mojibake with no warning.
  it('reads GBK lines in a UTF-8 file (BOM or not) as GBK and names them', () => {
    const head = utf8('名称,户数\nA,1\n');
    const gbkLine = [...GBK_XIAOQU_MINGCHENG, 0x2c, 0x32, 0x0a];
    const tail = utf8('乙,3\n');
    for (const bom of [[0xef, 0xbb, 0xbf], []]) {
      const decoded = decodeText(new Uint8Array([...bom, ...head, ...gbkLine, ...tail]));
      expect(decoded.text).toBe('名称,户数\nA,1\n小区名称,2\n乙,3\n');
      expect(decoded.encoding).toBe(bom.length ? 'utf-8-bom' : 'utf-8');
      expect(decoded.suspect).toEqual({
        encoding: decoded.encoding,
        otherEncoding: { encoding: 'gb18030', lines: [3] },
        replacement: [],
        misdecoded: [],
      });
    }
  });

  it('reads a UTF-8 line in a GBK file as UTF-8 and names it', () => {
    const gbk = [...GBK_XIAOQU_MINGCHENG, 0x2c, 0x31, 0x0a, ...GBK_XIAOQU_MINGCHENG, 0x2c, 0x32, 0x0a];
    const decoded = decodeText(new Uint8Array([...gbk, ...utf8('小区名称,3')]));
    expect(decoded.text).toBe('小区名称,1\n小区名称,2\n小区名称,3');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.suspect?.otherEncoding).toEqual({ encoding: 'utf-8', lines: [3] });
  });

  it('names lines with bytes valid in neither encoding, and replacement characters already there', () => {
    // 0xff is never a byte of UTF-8 and never a GB18030 lead byte.
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('名称\nA\n'), 0x42, 0xff, 0x0a, ...utf8('C')]);
    expect(decodeText(bad).suspect).toMatchObject({ replacement: [3], otherEncoding: null });
    expect(decodeText(bad).text).toBe('名称\nA\nB\uFFFD\nC');
    expect(decodeText(utf8('名称\nA\uFFFDB\n')).suspect?.replacement).toEqual([2]);
  });

  it('names lines that look like UTF-8 read as Windows-1252 and saved again', () => {
    // 小区 in UTF-8 is E5 B0 8F E5 8C BA; as Windows-1252: å ° U+008F å Œ º.
    const decoded = decodeText(utf8('名称,户数\nå°\u008fåŒº,1\nB,2'));
    expect(decoded.suspect).toMatchObject({ misdecoded: [2], replacement: [] });
  });
});
