import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberList } from '../../../src/core/io';

const ok = (value: number) => ({ kind: 'ok', value });

describe('parseNumber', () => {
  it('reads plain numbers, JSON numbers and signs', () => {
    expect(parseNumber('1200')).toEqual(ok(1200));
    expect(parseNumber(' 35.5 ')).toEqual(ok(35.5));
    expect(parseNumber(-3)).toEqual(ok(-3));
    expect(parseNumber('-3')).toEqual(ok(-3));
  });

  it('accepts thousands separators, full-width digits and units', () => {
    expect(parseNumber('1,200')).toEqual(ok(1200));
    expect(parseNumber('12,345.5')).toEqual(ok(12345.5));
    expect(parseNumber('１２００')).toEqual(ok(1200));
    expect(parseNumber('350㎡')).toEqual(ok(350));
    expect(parseNumber('350 m²')).toEqual(ok(350));
    expect(parseNumber('350平方米')).toEqual(ok(350));
    expect(parseNumber('1200户')).toEqual(ok(1200));
    expect(parseNumber('40 个')).toEqual(ok(40));
  });

  it('reads empty cells and "unknown" words as missing, never as 0', () => {
    for (const v of ['', '  ', null, undefined, '-', '暂无', 'N/A', '未知'])
      expect(parseNumber(v)).toEqual({ kind: 'missing' });
  });

  it('refuses ambiguous values: 无 (none or unknown?) and decimal commas', () => {
    expect(parseNumber('无')).toMatchObject({ kind: 'bad', reason: 'ambiguous' });
    expect(parseNumber('1,2')).toMatchObject({ kind: 'bad', reason: 'ambiguous' });
    expect(parseNumber('12,00')).toMatchObject({ kind: 'bad', reason: 'ambiguous' });
  });

  it('refuses words and non-finite numbers', () => {
    expect(parseNumber('abc')).toMatchObject({ kind: 'bad', reason: 'not-a-number', found: 'abc' });
    expect(parseNumber('约300')).toMatchObject({ kind: 'bad' });
    expect(parseNumber(NaN)).toMatchObject({ kind: 'bad' });
    expect(parseNumber({ a: 1 })).toMatchObject({ kind: 'bad' });
  });
});

describe('parseNumberList', () => {
  it('splits on ; ； 、 and |', () => {
    for (const text of ['350;300', '350；300', '350、300', '350 | 300'])
      expect(parseNumberList(text)).toEqual({ kind: 'ok', value: [350, 300] });
  });
  it('reads JSON arrays (GeoJSON) and a JSON array in a cell', () => {
    expect(parseNumberList([350, '300㎡'])).toEqual({ kind: 'ok', value: [350, 300] });
    expect(parseNumberList('[350, 300]')).toEqual({ kind: 'ok', value: [350, 300] });
    expect(parseNumberList(400)).toEqual({ kind: 'ok', value: [400] });
  });
  it('reads empty as missing and refuses a comma as ambiguous', () => {
    expect(parseNumberList('')).toEqual({ kind: 'missing' });
    expect(parseNumberList([])).toEqual({ kind: 'missing' });
    expect(parseNumberList('350,300')).toMatchObject({ kind: 'bad', reason: 'ambiguous' });
    expect(parseNumberList('350;abc')).toMatchObject({ kind: 'bad', reason: 'not-a-number' });
  });
});
