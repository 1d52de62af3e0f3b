import type { ImportInput } from './import-types';
import { isWorkbookInput } from './read-source';
import { readWorkbook, WorkbookReadError } from './read-workbook';

/**
 * Does the asynchronous part of an import: an `.xlsx` workbook is unzipped and read into rows
 * (readWorkbook) and attached as `workbook`; any other input is returned as it is. Call it before
 * importEstates / importFacilities, which are synchronous.
 * @param input the import input
 * @returns the same input, with `workbook` for a workbook; a workbook that cannot be read is left
 *   without one, and the import then reports it (file-level error, never a stack trace)
 * @example importEstates(await prepareImport({ data: bytes, fileName: 'estates.xlsx', sheet: 1 }))
 */
export async function prepareImport<T extends ImportInput>(input: T): Promise<T> {
  if (input.workbook || typeof input.data === 'string' || !isWorkbookInput(input)) return input;
  try {
    return { ...input, workbook: await readWorkbook(input.data) };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ...input, workbookError: error.message };
    throw error;
  }
}
