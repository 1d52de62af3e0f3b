/** GeoJSON problems are said in Chinese too (the planner's import review shows messageZh, #12). */
import { describe, expect, it } from 'vitest';
import { importEstates } from '../../../src/core';
import { geojsonTraceZh } from '../../../src/core/io/geojson-trace-zh';

const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const props = { 名称: '甲', 户数: 100 };
/** Chinese text with no run of English words left in it (codes and member names are allowed). */
const noEnglishSentence = /[a-z]+ [a-z]+ [a-z]+/i;

describe('GeoJSON validation messages in Chinese', () => {
  it('translates each kind of validator message, and the array position of a nested one', () => {
    expect(geojsonTraceZh('Position must be at least two elements')).toBe(
      '坐标位置至少应有两个数值（经度、纬度）',
    );
    expect(geojsonTraceZh('must have a member with the name "geometry"')).toBe('缺少成员“geometry”');
    expect(geojsonTraceZh('type must be "Point"')).toBe('type 应为“Point”');
    expect(geojsonTraceZh('at 2: Position must be an array')).toBe('第 2 项（从 0 起）：坐标位置应为数组');
    expect(geojsonTraceZh('Position must only contain numbers. Item "x" at index 1 is invalid.')).toBe(
      '坐标位置只能包含数字：第 1 项（从 0 起）“"x"”无效',
    );
    // Unknown (a later version's wording): kept, not dropped.
    expect(geojsonTraceZh('something new')).toBe('something new');
  });

  it('says a bad feature’s problems in Chinese in the import result', () => {
    const data = collection([
      { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [117.3] } },
      { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: ['a', 31.8] } },
      { type: 'Feature', properties: props },
      { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [117.3, 31.8] } },
    ]);
    const result = importEstates({ data, fileName: 'x.geojson' });
    expect(result.estates).toHaveLength(1);
    expect(result.errors.map((e) => e.code)).toEqual(['bad-feature', 'bad-feature', 'bad-feature']);
    const zh = result.errors.map((e) => e.messageZh);
    expect(zh[0]).toContain('坐标位置至少应有两个数值');
    expect(zh[1]).toContain('坐标位置只能包含数字');
    expect(zh[2]).toContain('缺少成员“geometry”');
    for (const m of zh) expect(m, m).not.toMatch(noEnglishSentence);
    // The English stays the validator's own.
    expect(result.errors[0]!.message).toContain('Position must be at least two elements');
  });

  it('says what a non-GeoJSON file is, in Chinese', () => {
    const array = importEstates({ data: '[1,2]', fileName: 'x.geojson' });
    expect(array.errors[0]!.messageZh).toContain('JSON 数组');
    const typed = importEstates({ data: '{"type":"Topology"}', fileName: 'x.geojson' });
    expect(typed.errors[0]!.messageZh).toContain('type 为“Topology”');
    expect(typed.errors[0]!.message).toContain('type "Topology"');
  });

  it('says too deep nesting in Chinese', () => {
    const nest = '['.repeat(20_000) + ']'.repeat(20_000);
    const data = `{"type":"Feature","geometry":{"type":"Polygon","coordinates":${nest}},"properties":{"房屋总数":1}}`;
    const result = importEstates({ data, fileName: 'deep.geojson' });
    expect(result.errors[0]!.messageZh).toContain('嵌套过深');
  });
});
