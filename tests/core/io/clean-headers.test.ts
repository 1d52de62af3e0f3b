import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/io/read-csv';
import { readSheetTable } from '../../../src/core/io/read-sheet-table';

describe('table headers (CSV and workbooks alike)', () => {
  const expected = ['名称', '房屋总数', '名称 (2)', 'column 4'];

  it('makes a CSV header unique and warns once about the repeated title', () => {
    const table = readCsv('名称,房屋总数,名称,\nA,100,B,x\n', { file: 'a.csv', format: 'csv' }, 'utf-8');
    expect(table.headers).toEqual(expected);
    const repeated = table.warnings.filter((w) => w.code === 'duplicate-header');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]?.message).toContain('repeated headers "名称"');
  });

  it('does the same for a sheet of a workbook, and keeps its values in the right columns', () => {
    const table = readSheetTable(
      {
        sheets: [
          {
            name: '小区',
            rows: [
              ['名称', '房屋总数', '名称', null],
              ['A', 100, 'B', 'x'],
            ],
          },
        ],
      },
      undefined,
      { file: 'a.xlsx', format: 'xlsx' },
    );
    expect(table.headers).toEqual(expected);
    expect(table.warnings.filter((w) => w.code === 'duplicate-header')).toHaveLength(1);
    expect(table.rowErrors).toEqual([]);
    expect(table.records).toHaveLength(1);
  });
});
