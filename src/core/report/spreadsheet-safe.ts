/** Characters that make a spreadsheet read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe, so Excel, LibreOffice and WPS show it as text instead of running it
 * (OWASP “CSV injection”). Names in imported files are data, never formulas. Numbers are not text cells
 * and are left alone (a negative number stays a number).
 * @param value the cell
 * @returns the cell, neutralised when it is text a spreadsheet would evaluate
 * @example spreadsheetSafe("=cmd|' /C calc'!A0") // "'=cmd|' /C calc'!A0"
 */
export function spreadsheetSafe<T extends string | number | boolean | null | undefined>(value: T): T {
  return (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value) as T;
}
