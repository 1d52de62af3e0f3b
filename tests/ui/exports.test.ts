/** Compliance table and CSV: one row per estate and rule with its citation; formulas in names neutralised. */
import { describe, expect, it } from 'vitest';
import { complianceTable, csvCell, toCsv } from '../../src/ui/app/exports';
import { getProfile } from '../../src/profiles';
import { duplicateProfile } from '../../src/ui/app/profile-file';
import type { EvaluationView } from '../../src/store/types';

const source = {
  document: '001_82989894b6aaeb46.txt',
  line: '207',
  quote: '每百戶不得低於20平方米',
  confidence: 'verified' as const,
};
const evaluation = {
  estates: [
    {
      id: 'e1',
      row: 1,
      name: '=HYPERLINK("http://x")',
      households: 1000,
      residents: 2520,
      residentsDerived: true,
      status: 'existing',
      statusDefaulted: false,
      overall: 'fail',
      verdicts: [
        {
          rule: 'hefei.elderly-area-existing',
          status: 'fail',
          required: 200,
          provided: 150,
          shortfall: 50,
          unit: 'm²',
          source,
        },
        {
          rule: 'hefei.nursery-existing',
          status: 'insufficient-data',
          required: 21,
          provided: null,
          shortfall: null,
          unit: 'places',
          source,
        },
      ],
    },
  ],
  summary: {
    estates: 1,
    overall: { pass: 0, fail: 1, 'not-applicable': 0, 'insufficient-data': 0 },
    rules: [],
  },
  parameters: {},
  parameterErrors: [],
} as unknown as EvaluationView;

describe('compliance export', () => {
  it('has one row per verdict with figures, document, line and quote', () => {
    const table = complianceTable(evaluation, getProfile('hefei'), 'zh');
    expect(table.rows).toHaveLength(2);
    expect(table.header).toContain('原文');
    const [first] = table.rows;
    expect(first).toContain('hefei.elderly-area-existing');
    expect(first).toEqual(
      expect.arrayContaining([200, 150, 50, '001_82989894b6aaeb46.txt', '207', '每百戶不得低於20平方米']),
    );
    expect(table.rows[1]![table.header.indexOf('缺口')]).toBeNull();
  });

  it('writes verdicts, estate status and confidence in words, the rule id as an id', () => {
    const raw = ['pass', 'fail', 'insufficient-data', 'not-applicable', 'new', 'existing'];
    const rawConfidence = ['verified', 'secondary', 'to-verify'];
    const zh = complianceTable(evaluation, getProfile('hefei'), 'zh');
    const zhCells = zh.rows.flat();
    for (const id of [...raw, ...rawConfidence]) expect(zhCells).not.toContain(id);
    const col = (name: string) => zh.rows.map((r) => r[zh.header.indexOf(name)]);
    expect(col('结论')).toEqual(['不达标', '数据不足']);
    expect(col('总体结论')).toEqual(['不达标', '不达标']);
    expect(col('状态')).toEqual(['已建', '已建']);
    expect(col('可信度')).toEqual(['已核对原文', '已核对原文']);
    expect(col('规则')).toEqual(['hefei.elderly-area-existing', 'hefei.nursery-existing']);

    const en = complianceTable(evaluation, getProfile('hefei'), 'en');
    const enCol = (name: string) => en.rows.map((r) => r[en.header.indexOf(name)]);
    expect(enCol('verdict')).toEqual(['Fail', 'Insufficient data']);
    expect(enCol('rule')).toEqual(['hefei.elderly-area-existing', 'hefei.nursery-existing']);
  });

  it('names the profile on every row, a user profile marked as one', () => {
    const builtin = complianceTable(evaluation, getProfile('hefei'), 'zh');
    const zhCol = builtin.rows.map((r) => r[builtin.header.indexOf('规则配置')]);
    expect(zhCol).toEqual(Array(2).fill(`${getProfile('hefei')!.name.zh} (hefei)`));
    const user = duplicateProfile(getProfile('hefei')!, []);
    for (const lang of ['zh', 'en'] as const) {
      const table = complianceTable(evaluation, user, lang, true);
      const cells = table.rows.map((r) => r[table.header.length - 1]);
      const mark = lang === 'zh' ? '用户自定义规则配置（非内置）' : 'user profile (not built in)';
      expect(cells).toEqual(Array(2).fill(`${user.name[lang]} (hefeiuser), ${mark}`));
      expect(table.header.at(-1)).toBe(lang === 'zh' ? '规则配置' : 'profile');
      expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
    }
    expect(String(zhCol[0])).not.toContain('自定义');
  });

  it('neutralises spreadsheet formulas and quotes commas, quotes and line breaks', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('两行\n文本')).toBe('"两行\n文本"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('writes CSV with a BOM and CRLF so Excel on Chinese Windows reads UTF-8', () => {
    const csv = toCsv({ header: ['名称'], rows: [['小区']] });
    expect(csv).toBe('\ufeff名称\r\n小区\r\n');
  });
});
