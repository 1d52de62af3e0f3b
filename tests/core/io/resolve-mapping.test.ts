import { describe, expect, it } from 'vitest';
import { ESTATE_ALIASES, normaliseHeader, resolveMapping } from '../../../src/core/io';

const ctx = { file: 'f.csv', format: 'csv' as const };

describe('normaliseHeader', () => {
  it('ignores case, spaces, underscores, full-width forms and a unit in brackets', () => {
    expect(normaliseHeader(' Households ')).toBe('households');
    expect(normaliseHeader('房屋总数（户）')).toBe('房屋总数');
    expect(normaliseHeader('养老服务用房面积(㎡)')).toBe('养老服务用房面积');
    expect(normaliseHeader('Nursery_Places')).toBe('nurseryplaces');
    expect(normaliseHeader('\uFEFF小区名称')).toBe('小区名称');
  });
});

describe('resolveMapping', () => {
  it('maps the real compound file headers by alias', () => {
    const headers = ['小区名称', '区县', '地址', '楼栋总数', '房屋总数', '建筑年代', '经度', '纬度'];
    const { mapping, column, fatal } = resolveMapping(headers, ESTATE_ALIASES, undefined, ctx);
    expect(fatal).toBeNull();
    expect(mapping).toMatchObject({
      name: '小区名称',
      district: '区县',
      households: '房屋总数',
      buildYear: '建筑年代',
      lng: '经度',
      lat: '纬度',
      residents: null,
      id: null,
    });
    expect(column.households).toBe(4);
  });

  it('prefers the earlier alias and uses each header once', () => {
    const { mapping } = resolveMapping(
      ['名称', '小区名称', 'x', 'y', '经度', '纬度'],
      ESTATE_ALIASES,
      undefined,
      ctx,
    );
    expect(mapping.name).toBe('小区名称');
    expect(mapping.lng).toBe('经度');
    expect(mapping.lat).toBe('纬度');
  });

  it('lets an explicit map override the aliases, and an empty one switch a field off', () => {
    const { mapping } = resolveMapping(
      ['户数', '总户数', '经度', '纬度'],
      ESTATE_ALIASES,
      { households: '户数', lng: '' },
      ctx,
    );
    expect(mapping.households).toBe('户数');
    expect(mapping.lng).toBeNull();
  });

  it('makes a mapping to a missing header a file-level error naming the headers', () => {
    const { fatal } = resolveMapping(['小区名称', '房屋总数'], ESTATE_ALIASES, { households: '户数' }, ctx);
    expect(fatal).toMatchObject({ row: 0, code: 'missing-header', field: '户数' });
    expect(fatal?.message).toContain('"小区名称", "房屋总数"');
  });

  it('makes an unknown canonical field a file-level error', () => {
    const { fatal } = resolveMapping(['a'], ESTATE_ALIASES, { household: 'a' }, ctx);
    expect(fatal).toMatchObject({ row: 0, code: 'unknown-field' });
    expect(fatal?.message).toContain('households');
  });
});
