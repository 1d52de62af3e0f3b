import type { Geometry } from 'geojson';
import type { CrsId } from '../crs/crs-id';
import type { LngLat } from '../geo/units';
import type { ImportError, ImportHint, ImportWarning } from '../model/diagnostics';
import { rowError, showValue, warning, type MessageContext } from './diagnostic';
import type { SourceRecord } from './import-types';
import { readLocation } from './read-location';
import { cellText, parseNumber } from './parse-number';
import { parseNumberList } from './parse-number-list';
import { setOwn } from './set-own';

interface Problem {
  field: string | null;
  code: string;
  en: string;
  zh: string;
  hint?: ImportHint;
}

/** What a number field must be, for messages: e.g. ['number of households', '户数']. */
export type What = readonly [en: string, zh: string];

/**
 * Reads one source row's cells by canonical field, converting and checking them, and collects the
 * row's problems. One instance serves every row of a file (`load` re-points it), so the hot loop
 * allocates nothing per row beyond the item it builds.
 */
export class RowReader<F extends string> {
  record!: SourceRecord;
  private problems: Problem[] = [];
  private doubts: Problem[] = [];

  constructor(
    readonly ctx: MessageContext,
    readonly mapping: Record<F, string | null>,
    readonly column: Record<F, number>,
    readonly crs: CrsId,
    /** Whether the file has coordinates at all (geometries or coordinate columns). */
    readonly hasCoordinates: boolean,
  ) {}

  /** Point the reader at the next row. */
  load(record: SourceRecord): void {
    this.record = record;
    this.problems = [];
    this.doubts = [];
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** The header used for a field, for messages (the canonical name when unmapped). */
  header(field: F): string {
    return this.mapping[field] ?? field;
  }

  /** The raw cell of a field, undefined when the field is not mapped. */
  cell(field: F): unknown {
    const index = this.column[field];
    return index >= 0 ? this.record.cells[index] : undefined;
  }

  /** Record a problem on this row. */
  fail(field: string | null, code: string, en: string, zh: string, hint?: ImportHint): void {
    this.problems.push({ field, code, en, zh, ...(hint ? { hint } : {}) });
  }

  /** The cell as trimmed text, null when empty or unmapped. */
  text(field: F): string | null {
    return cellText(this.cell(field));
  }

  /**
   * A number ≥ 0 (a whole number when `integer`), null when empty; a bad value is a problem.
   * With `required`, an empty cell is a problem too.
   */
  number(field: F, what: What, options: { integer?: boolean; required?: boolean } = {}): number | null {
    const parsed = parseNumber(this.cell(field));
    if (parsed.kind === 'ok' && parsed.value >= 0 && (!options.integer || Number.isInteger(parsed.value))) {
      return parsed.value;
    }
    if (parsed.kind === 'missing' && !options.required) return null;
    const expected = `${what[0]} (${options.integer ? 'a whole number' : 'a number'} ≥ 0)`;
    const expectedZh = `${what[1]}（${options.integer ? '非负整数' : '非负数'}）`;
    const header = this.header(field);
    if (parsed.kind === 'missing') {
      if (options.required) {
        const found = this.column[field] >= 0 ? 'an empty cell' : 'no value';
        this.fail(
          header,
          `missing-${field}`,
          `found ${found}, expected ${expected}`,
          `值为空，应为${expectedZh}`,
        );
      }
      return null;
    }
    if (parsed.kind === 'bad') {
      const ambiguous = parsed.reason === 'ambiguous';
      const code = ambiguous ? 'ambiguous-number' : 'bad-number';
      const why = ambiguous
        ? ' (ambiguous: write 0 for none, leave empty when unknown, no decimal commas)'
        : '';
      const whyZh = ambiguous ? '（含义不明确：没有请填 0，未知请留空，不用逗号作小数点）' : '';
      this.fail(
        header,
        code,
        `found ${showValue(parsed.found)}${why}, expected ${expected}`,
        `值为${showValue(parsed.found)}${whyZh}，应为${expectedZh}`,
      );
      return null;
    }
    const value = parsed.value;
    if (value < 0 || (options.integer && !Number.isInteger(value))) {
      const code = value < 0 ? 'negative-number' : 'not-integer';
      this.fail(header, code, `found ${value}, expected ${expected}`, `值为 ${value}，应为${expectedZh}`);
      return null;
    }
    return value;
  }

  /** A list of numbers ≥ 0 (each elderly-care facility's area), null when empty. */
  numberList(field: F, what: What): number[] | null {
    const parsed = parseNumberList(this.cell(field));
    if (parsed.kind === 'missing') return null;
    if (parsed.kind === 'ok' && parsed.value.every((v) => v >= 0)) return parsed.value;
    const found = parsed.kind === 'bad' ? parsed.found : parsed.value.join(';');
    const why = parsed.kind === 'bad' && parsed.reason === 'ambiguous' ? ' (ambiguous: a comma)' : '';
    this.fail(
      this.header(field),
      'bad-number-list',
      `found ${showValue(found)}${why}, expected ${what[0]}: numbers ≥ 0 separated by ";" (e.g. 350;300)`,
      `值为${showValue(found)}，应为${what[1]}：以“;”“；”或“、”分隔的非负数（如 350;300）`,
    );
    return null;
  }

  /**
   * The row's location in WGS-84 and its geometry (from the feature's geometry, else the coordinate
   * columns). A row without coordinates is a problem when the file has coordinates at all.
   */
  location(lng: F, lat: F, coordinates: F): { location: LngLat | null; geometry: Geometry | null } {
    const result = readLocation(
      this.record.geometry,
      { header: this.mapping[lng], value: this.cell(lng) },
      { header: this.mapping[lat], value: this.cell(lat) },
      { header: this.mapping[coordinates], value: this.cell(coordinates) },
      this.crs,
    );
    if (result.warning) {
      const w = result.warning;
      this.doubts.push({ field: w.field, code: w.code, en: w.message, zh: w.messageZh });
    }
    if (result.problem) {
      const p = result.problem;
      this.fail(p.field, p.code, p.message, p.messageZh, p.hint);
    } else if (result.location === null && this.hasCoordinates) {
      const field =
        this.mapping[lng] && this.mapping[lat]
          ? `${this.mapping[lng]}/${this.mapping[lat]}`
          : this.mapping[coordinates];
      this.fail(
        field,
        'missing-coordinate',
        'found no coordinates, expected a location',
        '缺少坐标，应提供位置',
      );
    }
    return { location: result.location, geometry: result.geometry };
  }

  /** The cells not mapped to a canonical field, keyed by header: kept untouched on the item. */
  properties(headers: readonly string[], mapped: ReadonlySet<number>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const cells = this.record.cells;
    for (let i = 0; i < headers.length; i++) {
      if (mapped.has(i)) continue;
      const value = cells[i];
      if (value !== undefined) setOwn(out, headers[i] ?? `column ${i + 1}`, value);
    }
    return out;
  }

  /** Doubts about the row that do not stop it from being used (one warning each, naming the row). */
  warnings(): ImportWarning[] {
    return this.doubts.map((d) =>
      warning(
        this.ctx,
        [this.record.row],
        d.code,
        `${d.field ?? 'row'}: ${d.en}`,
        `${d.field ?? '该行'}：${d.zh}`,
      ),
    );
  }

  /** The row's problems as one ImportError (the first problem, the others in `also`), or null. */
  error(): ImportError | null {
    const [first, ...rest] = this.problems;
    if (!first) return null;
    const row = this.record.row;
    const tail = rest.map((p) => `${p.field ?? 'row'}: ${p.en}`).join('; ');
    const tailZh = rest.map((p) => `${p.field ?? '该行'}：${p.zh}`).join('；');
    const error = rowError(
      this.ctx,
      row,
      first.field,
      first.code,
      tail ? `${first.en}; also ${tail}` : first.en,
      tailZh ? `${first.zh}；另：${tailZh}` : first.zh,
      first.hint,
    );
    if (rest.length)
      error.also = rest.map((p) => rowError(this.ctx, row, p.field, p.code, p.en, p.zh, p.hint));
    return error;
  }
}
