/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/**
 * Estates beyond which `check` refuses table output (one line per estate and rule: a terminal is no place
 * for more; CSV and JSON stream any size).
 */
export const MAX_TABLE_ESTATES = 100_000;

/**
 * Text made harmless for a terminal: control characters (ESC starting colour or OSC title sequences,
 * BEL, backspace, carriage return, C1 controls such as CSI) are shown as `\x1b`-style escapes instead of
 * being obeyed. Line breaks are kept only where `keepNewlines` says so.
 * @param text text from a user's file
 * @param keepNewlines whether `\n` stays a line break
 * @returns the text with control characters escaped
 * @example terminalSafe('\u001b]0;pwned\u0007') // '\\x1b]0;pwned\\x07'
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (!control || (keepNewlines && code === 0x0a)) continue;
    out += text.slice(from, i) + `\\x${code.toString(16).padStart(2, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Lays rows out as aligned columns for a terminal, padding by display width so Chinese text lines up.
 * @param header column titles
 * @param rows cell texts
 * @param numeric which columns are right-aligned
 * @returns the table as lines of text
 */
export function textTable(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const safeHeader = header.map((h) => terminalSafe(h));
  const safeRows = rows.map((r) => r.map((cell) => terminalSafe(cell)));
  // A loop, not Math.max(...spread): a spread of 40,000 widths overflows the call stack.
  const widths = safeHeader.map((h) => displayWidth(h));
  for (const r of safeRows)
    for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c] ?? 0, displayWidth(r[c] ?? ''));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - displayWidth(cell));
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(safeHeader), rule, ...safeRows.map(line)].join('\n');
}
