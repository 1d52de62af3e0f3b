import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/io';

// GBK codes from the GB2312/GBK code chart: 小 D0A1, 区 C7F8, 名 C3FB, 称 B3C6.
const GBK_XIAOQU_MINGCHENG = [0xd0, 0xa1, 0xc7, 0xf8, 0xc3, 0xfb, 0xb3, 0xc6];
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8('小区名称,户数'))).toEqual({ text: '小区名称,户数', encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('小区名称')]);
    expect(decodeText(bytes)).toEqual({ text: '小区名称', encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8 (GBK from Excel)', () => {
    const bytes = new Uint8Array([...GBK_XIAOQU_MINGCHENG, 0x2c, 0x31, 0x32]);
    expect(decodeText(bytes)).toEqual({ text: '小区名称,12', encoding: 'gb18030' });
  });

  it('reads UTF-16 with either BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x0f, 0x5c, 0x3a, 0x53]); // 小 U+5C0F, 区 U+533A
    const be = new Uint8Array([0xfe, 0xff, 0x5c, 0x0f, 0x53, 0x3a]);
    expect(decodeText(le)).toEqual({ text: '小区', encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: '小区', encoding: 'utf-16be' });
  });

  it('reads plain ASCII as UTF-8 and empty input as empty text', () => {
    expect(decodeText(utf8('name,households'))).toEqual({ text: 'name,households', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
