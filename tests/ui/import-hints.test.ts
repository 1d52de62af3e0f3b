/** The planner words the core's import hints as its own controls, never as command-line flags (#12). */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { importEstates } from '../../src/core';
import { rejectedTable } from '../../src/ui/app/import-file';
import { hintText, plannerMessages } from '../../src/ui/app/import-hints';
import en from '../../src/ui/i18n/en.json';
import zh from '../../src/ui/i18n/zh.json';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const t = { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh') };

describe('import hints in the planner', () => {
  it('asks for the missing column in the field mapping, by the field’s own name', () => {
    const result = importEstates({ data: '名称,人数\nA,3\n', fileName: 'x.csv' });
    const said = plannerMessages(result.errors[0]!, t);
    expect(said.messageZh).toContain('字段对应');
    expect(said.messageZh).toContain('户数'); // fields.households in zh.json
    expect(said.message).toContain('field mapping');
    expect(said.message).toContain('“households”'); // fields.households in en.json
    expect(`${said.message} ${said.messageZh}`).not.toMatch(/--map|--crs/);
    // The core's own text stays in front.
    expect(said.messageZh.startsWith(result.errors[0]!.messageZh)).toBe(true);
  });

  it('names the coordinate systems to try under the CRS list', () => {
    const result = importEstates({ data: '名称,户数,经度,纬度\nA,3,39512345,3530000\n', fileName: 'x.csv' });
    const said = plannerMessages(result.errors[0]!, t);
    expect(said.messageZh).toMatch(/坐标系.*EPSG:4527/);
    expect(said.message).toMatch(/EPSG:4527 under Coordinate system/);
    expect(hintText({ kind: 'crs', crs: ['wgs84', 'bd09'] }, t.zh)).toContain('wgs84 或 bd09');
    expect(hintText({ kind: 'crs', crs: [] }, t.en)).toMatch(/equivalent/);
  });

  it('leaves a message without hints as it is, and words the rejected-rows download the same way', () => {
    const plain = { message: 'bad', messageZh: '坏' };
    expect(plannerMessages(plain, t)).toEqual(plain);
    const result = importEstates({ data: '名称,户数,经度,纬度\nA,3,39512345,3530000\n', fileName: 'x.csv' });
    const [row] = rejectedTable(result.errors, t).rows;
    expect(String(row![4])).toContain('EPSG:4527');
    expect(String(row![3]) + String(row![4])).not.toMatch(/--/);
  });
});
