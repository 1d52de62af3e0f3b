import writeXlsxFile from 'write-excel-file/node';

/** A cell as write-excel-file takes it; null leaves the cell empty (or covered by a merged cell). */
type Cell = {
  value: string | number | Date;
  type?: unknown;
  columnSpan?: number;
  fontWeight?: 'bold';
} | null;

/**
 * Writes the test workbook the way a housing bureau's list looks: sheet 1 is a cover note, sheet 2
 * (“小区清单”) has a title merged across all columns, a unit line, then the Chinese header and four
 * estates with BD-09 coordinates (Hefei, from ../shared/data/hefei/compounds.csv rows 1–3 and a made-up
 * fourth with no households), numbers as numbers and a date cell. Built in the test, never committed.
 * @returns the .xlsx bytes
 */
export async function estatesWorkbook(): Promise<Uint8Array> {
  const header = [
    '小区名称',
    '区县',
    '房屋总数',
    '状态',
    '养老服务用房面积',
    '托位数',
    '建成日期',
    '经度',
    '纬度',
  ];
  const text = (value: string): Cell => ({ value });
  const rows: Cell[][] = [
    [
      { value: '合肥市既有居住小区养老托育设施统计表', columnSpan: header.length, fontWeight: 'bold' },
      ...Array(header.length - 1).fill(null),
    ],
    [{ value: '单位：户、平方米、个', columnSpan: 3 }, null, null, ...Array(header.length - 3).fill(null)],
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    [
      text('金地国际城'),
      text('包河'),
      { value: 3637 },
      text('已建'),
      { value: 800 },
      { value: 30 },
      { value: new Date(Date.UTC(2006, 5, 1)), format: 'yyyy-mm-dd' },
      { value: 117.30942620912 },
      { value: 31.843043637141 },
    ],
    [
      text('万振逍遥苑四期'),
      text('包河'),
      { value: 3217 },
      text('已建'),
      { value: 400 },
      null,
      null,
      { value: 117.31405931156 },
      { value: 31.839038789218 },
    ],
    Array(header.length).fill(null),
    [
      text('新建示范小区'),
      text('蜀山'),
      { value: 1000 },
      text('新建'),
      { value: 320 },
      { value: 40 },
      null,
      { value: 117.25 },
      { value: 31.85 },
    ],
    [
      text('缺户数小区'),
      text('瑶海'),
      null,
      null,
      { value: 100 },
      null,
      null,
      { value: 117.33 },
      { value: 31.87 },
    ],
  ];
  const cover: Cell[][] = [[text('说明：本表由某区住建局填报（测试数据）')]];
  const buffer = await writeXlsxFile([
    { data: cover, sheet: '说明' },
    { data: rows, sheet: '小区清单' },
  ] as never).toBuffer();
  return new Uint8Array(buffer);
}
