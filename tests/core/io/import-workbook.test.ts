import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importEstates, prepareImport, readWorkbook } from '../../../src/core';
import { estatesWorkbook } from './estates-workbook';

describe('importEstates on an .xlsx workbook', () => {
  it('reads typed cells of every sheet, the merged title in its first cell', async () => {
    const workbook = await readWorkbook(await estatesWorkbook());
    expect(workbook.sheets.map((s) => s.name)).toEqual(['说明', '小区清单']);
    const rows = workbook.sheets[1]?.rows ?? [];
    expect(rows[0]?.[0]).toBe('合肥市既有居住小区养老托育设施统计表');
    expect(rows[0]?.[1]).toBeNull();
    expect(rows[3]?.[2]).toBe(3637);
    expect(rows[3]?.[6]).toBe('2006-06-01');
  });

  it('finds the header under the title rows, maps the Chinese headers and counts rows as a CSV does', async () => {
    const input = await prepareImport({
      data: await estatesWorkbook(),
      fileName: 'estates.xlsx',
      crs: 'bd09',
      sheet: '小区清单',
    });
    const result = importEstates(input);
    expect(result.format).toBe('xlsx');
    expect(result.workbook).toEqual({ sheets: ['说明', '小区清单'], sheet: '小区清单', headerRow: 3 });
    expect(result.mapping.households).toBe('房屋总数');
    expect(result.mapping.elderlyCareFloorArea).toBe('养老服务用房面积');
    // Four data rows (the blank one skipped but keeping the numbering): three estates and one error.
    expect(result.rowCount).toBe(4);
    expect(result.estates.map((e) => [e.row, e.name, e.households, e.status])).toEqual([
      [1, '金地国际城', 3637, 'existing'],
      [2, '万振逍遥苑四期', 3217, 'existing'],
      [4, '新建示范小区', 1000, 'new'],
    ]);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [5, '房屋总数', 'missing-households'],
    ]);
    expect(result.errors[0]?.message).toMatch(/^estates\.xlsx, row 5, 房屋总数: /);
    // BD-09 converted to WGS-84: about 1 km south-west of the raw figures in Hefei.
    const [lng, lat] = result.estates[0]?.location ?? [0, 0];
    expect(lng).toBeCloseTo(117.2976, 3);
    expect(lat).toBeCloseTo(31.8397, 3);
  });

  it('picks a sheet by position, defaults to the first sheet with data and names the sheets when one is missing', async () => {
    const data = await estatesWorkbook();
    const byIndex = importEstates(await prepareImport({ data, fileName: 'e.xlsx', sheet: 2, crs: 'bd09' }));
    expect(byIndex.estates).toHaveLength(3);
    // The cover sheet has no header row, so the first sheet with one is read.
    const first = importEstates(await prepareImport({ data, fileName: 'e.xlsx', crs: 'bd09' }));
    expect(first.workbook?.sheet).toBe('小区清单');
    expect(first.estates).toHaveLength(3);
    const cover = importEstates(await prepareImport({ data, fileName: 'e.xlsx', sheet: '说明' }));
    expect([cover.fatal, cover.errors[0]?.code, cover.workbook?.sheets]).toEqual([
      true,
      'empty-file',
      ['说明', '小区清单'],
    ]);
    const missing = importEstates(await prepareImport({ data, fileName: 'e.xlsx', sheet: '汇总' }));
    expect(missing.errors[0]?.code).toBe('no-such-sheet');
    expect(missing.errors[0]?.message).toContain('"说明", "小区清单"');
  });

  it('says plainly when a file is an .xls, a picture, or a damaged workbook', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const asCsv = importEstates({ data: png, fileName: 'estates.csv' });
    expect(asCsv.errors[0]?.code).toBe('wrong-kind');
    expect(asCsv.errors[0]?.message).toContain('a PNG image');
    expect(asCsv.errors[0]?.messageZh).toContain('PNG 图片');
    const xls = importEstates({
      data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      fileName: 'a.xls',
    });
    expect(xls.errors[0]?.message).toContain('save it as .xlsx');
    const broken = importEstates(
      await prepareImport({ data: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), fileName: 'b.xlsx' }),
    );
    expect([broken.fatal, broken.errors[0]?.code]).toEqual([true, 'bad-workbook']);
  });

  // Found by tests/core/io/fuzz-readers.test.ts (issue #13): a relationship id naming no sheet made
  // read-excel-file return a sheet without rows, and the import crashed with a TypeError.
  it('refuses a workbook whose relationships name no sheet part, naming the sheet', async () => {
    const parts = unzipSync(await estatesWorkbook());
    const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
    const damaged = zipSync({
      ...parts,
      'xl/_rels/workbook.xml.rels': new TextEncoder().encode(rels.replace('Id="rId2"', 'Id="rIdX"')),
    });
    const result = importEstates(await prepareImport({ data: damaged, fileName: 'd.xlsx' }));
    expect([result.fatal, result.errors[0]?.code]).toEqual([true, 'bad-workbook']);
    expect(result.errors[0]?.message).toMatch(/the sheet "小区清单" could not be read/);
  });
});
