/** Field mapping in the import review: “none” un-maps a detected column and stays so on the next read. */
import { describe, expect, it } from 'vitest';
import { ESTATE_ALIASES, resolveMapping } from '../../src/core/io';
import { shownHeader, withOverride } from '../../src/ui/app/field-overrides';

const ctx = { file: 'f.csv', format: 'csv' as const };
const headers = ['小区名称', '房屋总数', '人口', '经度', '纬度'];

describe('field overrides', () => {
  it('shows the detected header until the user picks something', () => {
    expect(shownHeader({}, 'residents', '人口')).toBe('人口');
    expect(shownHeader({}, 'residents', null)).toBe('');
    expect(shownHeader({ residents: '房屋总数' }, 'residents', '人口')).toBe('房屋总数');
  });

  it('keeps “none” as an explicit empty header, shown as none over the detected one', () => {
    const overrides = withOverride({ households: '房屋总数' }, 'residents', '');
    expect(overrides).toEqual({ households: '房屋总数', residents: '' });
    expect(shownHeader(overrides, 'residents', '人口')).toBe('');
  });

  it('does not change the overrides it is given', () => {
    const before = { residents: '人口' };
    withOverride(before, 'residents', '');
    expect(before).toEqual({ residents: '人口' });
  });

  it('leaves an un-mapped field unmapped when the file is read again', () => {
    expect(resolveMapping(headers, ESTATE_ALIASES, {}, ctx).mapping.residents).toBe('人口');
    const overrides = withOverride({}, 'residents', '');
    const again = resolveMapping(headers, ESTATE_ALIASES, overrides, ctx);
    expect(again.fatal).toBeNull();
    expect(again.mapping.residents).toBeNull();
    expect(again.column.residents).toBe(-1);
    expect(again.mapping.households).toBe('房屋总数');
  });
});
