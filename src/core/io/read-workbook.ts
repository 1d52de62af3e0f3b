import readXlsxFile from 'read-excel-file/universal';

/** A cell as the importer sees it: text, a number, or nothing (dates become `YYYY-MM-DD` text). */
export type WorkbookCell = string | number | null;

/** One sheet of a workbook: its name and its rows as the sheet holds them (row 1 first). */
export interface WorkbookSheet {
  name: string;
  rows: WorkbookCell[][];
}

/** An `.xlsx` workbook read into plain rows, ready for importEstates / importFacilities (`workbook`). */
export interface Workbook {
  sheets: WorkbookSheet[];
}

/** A workbook that could not be read: not an .xlsx, damaged, or protected. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/**
 * Reads every sheet of an `.xlsx` workbook with read-excel-file's universal entry (the same code in
 * Node, the browser and a worker; it takes an ArrayBuffer, so the caller passes the bytes in). Cells
 * keep their types: numbers stay numbers, text is trimmed, booleans become text, dates become
 * `YYYY-MM-DD`. A merged cell's value sits in its top-left cell; the others are empty.
 * @param bytes the file's bytes
 * @returns the sheets in workbook order
 * @throws WorkbookReadError when the bytes are not a readable .xlsx
 * @example const workbook = await readWorkbook(new Uint8Array(await file.arrayBuffer()));
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    throw new WorkbookReadError(error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(sheets)) throw new WorkbookReadError('the workbook holds no readable sheets');
  return {
    sheets: sheets.map((s, i) => {
      const name = typeof s.sheet === 'string' ? s.sheet : `sheet ${i + 1}`;
      // A damaged workbook (a relationship naming no part) can come back without rows.
      if (!Array.isArray(s.data) || !s.data.every(Array.isArray))
        throw new WorkbookReadError(`the sheet "${name}" could not be read (damaged workbook)`);
      return { name, rows: s.data.map((row) => row.map(cellOf)) };
    }),
  };
}

function cellOf(value: unknown): WorkbookCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return text === '' ? null : text;
}
