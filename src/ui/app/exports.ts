/**
 * Files the planner downloads: the compliance table (CSV, XLSX), underserved zones and service
 * areas (GeoJSON), rejected import rows (CSV), the scenario (GeoJSON).
 */
import type { FeatureCollection } from 'geojson';
import type { SheetData } from 'write-excel-file/browser';
import { spreadsheetSafe, type RuleProfile } from '../../core';
import type { EvaluationView, Lang } from '../../store/types';
import enWords from '../i18n/en.json';
import zhWords from '../i18n/zh.json';

export type CellValue = string | number | null;
export interface Table {
  header: string[];
  rows: CellValue[][];
}

/**
 * One row per estate and rule: the verdict, its figures and its citation, and last the profile used —
 * a user profile marked as one (the table may travel without the page that made it).
 * @param evaluation compliance results
 * @param profile the profile (rule titles)
 * @param lang language of titles, headers and of verdict, status and confidence words (as on screen)
 * @param userProfile true when the profile is the user's own (imported or edited in the planner)
 */
export function complianceTable(
  evaluation: EvaluationView,
  profile: RuleProfile | undefined,
  lang: Lang,
  userProfile = false,
): Table {
  const zh = lang === 'zh';
  const header = zh
    ? [
        '编号',
        '行号',
        '小区名称',
        '户数',
        '人口',
        '状态',
        '总体结论',
        '规则',
        '规则名称',
        '结论',
        '要求',
        '提供',
        '缺口',
        '单位',
        '依据文件',
        '行/条款',
        '原文',
        '可信度',
        zhWords.profiles.column,
      ]
    : [
        'id',
        'row',
        'name',
        'households',
        'residents',
        'status',
        'overall',
        'rule',
        'rule title',
        'verdict',
        'required',
        'provided',
        'shortfall',
        'unit',
        'document',
        'line / clause',
        'quote',
        'confidence',
        enWords.profiles.column,
      ];
  // Verdicts, estate status and confidence in the words the screen uses (the rule id stays an id).
  const words = zh ? zhWords : enWords;
  const profileCell = profile
    ? `${profile.name[lang]} (${profile.id})${userProfile ? `, ${words.profiles.userMark}` : ''}`
    : (evaluation.profileId ?? null);
  const rows: CellValue[][] = [];
  for (const e of evaluation.estates) {
    const base: CellValue[] = [
      e.id,
      e.row,
      e.name,
      e.households,
      e.residents,
      e.status ? words.estateStatus[e.status] : null,
      words.status[e.overall],
    ];
    if (e.verdicts.length === 0) rows.push([...base, ...Array<CellValue>(11).fill(null), profileCell]);
    for (const v of e.verdicts) {
      const title = profile?.rules.find((r) => r.id === v.rule)?.title;
      rows.push([
        ...base,
        v.rule,
        title ? title[lang] : null,
        words.status[v.status],
        v.required,
        v.provided,
        v.shortfall,
        v.unit,
        v.source.document,
        [v.source.line, v.source.clause].filter(Boolean).join('; ') || null,
        v.source.quote,
        words.confidence[v.source.confidence],
        profileCell,
      ]);
    }
  }
  return { header, rows };
}

/**
 * A cell as CSV text. Text that a spreadsheet would run as a formula (= + - @ tab CR at the start) gets
 * a leading apostrophe (the core's spreadsheetSafe): names in imported files are data, never formulas.
 */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = spreadsheetSafe(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 BOM (Excel on Chinese Windows reads it as UTF-8 then) and CRLF line ends. */
export function toCsv(table: Table): string {
  return `\ufeff${[table.header, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The same table as an .xlsx file (write-excel-file). */
export async function toXlsx(table: Table, sheet: string): Promise<Blob> {
  // Neutralised as in CSV: a spreadsheet may re-evaluate a text cell that looks like a formula on edit.
  const cell = (v: CellValue) =>
    v === null ? null : { value: spreadsheetSafe(v), type: typeof v === 'number' ? Number : String };
  const data = [
    table.header.map((h) => ({ value: spreadsheetSafe(h), fontWeight: 'bold' as const })),
    ...table.rows.map((r) => r.map(cell)),
  ];
  // Loaded on first export: the XLSX writer stays out of the start-up bundle.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(data as unknown as SheetData, { sheet }).toBlob();
}

/** Saves a blob as a file through a temporary link. */
export function download(content: Blob | string, fileName: string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** GeoJSON as a downloadable string. */
export const geoJsonText = (fc: FeatureCollection | object): string => `${JSON.stringify(fc)}\n`;
