import type { ImportWarning } from '../model/diagnostics';
import type { SuspectLines } from './decode-text';
import { warning, type MessageContext } from './diagnostic';

const NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

const listLines = (lines: readonly number[]): string =>
  lines.length > 12 ? `${lines.slice(0, 12).join(', ')}, …` : lines.join(', ');

/**
 * The warnings for lines whose decoding is doubtful (see decodeText): each names the lines, and the
 * rows holding them when the reader can tell (CSV).
 * @param suspect the doubtful lines
 * @param ctx file and format, for messages
 * @param rowOfLine the data row holding a line, when the format has rows of lines
 * @returns one warning per kind of doubt
 * @example encodingWarnings(decodeText(bytes).suspect, ctx)
 */
export function encodingWarnings(
  suspect: SuspectLines,
  ctx: MessageContext,
  rowOfLine?: (line: number) => number | null,
): ImportWarning[] {
  const rows = (lines: readonly number[]): number[] => {
    if (!rowOfLine) return [];
    const out = new Set<number>();
    for (const line of lines) {
      const row = rowOfLine(line);
      if (row !== null) out.add(row);
    }
    return [...out];
  };
  const out: ImportWarning[] = [];
  const file = NAMES[suspect.encoding] ?? suspect.encoding;
  const other = suspect.otherEncoding;
  if (other) {
    const name = NAMES[other.encoding] ?? other.encoding;
    const where = `line${other.lines.length > 1 ? 's' : ''} ${listLines(other.lines)}`;
    out.push(
      warning(
        ctx,
        rows(other.lines),
        'mixed-encoding',
        `the file is ${file} but ${where} ${other.lines.length > 1 ? 'are' : 'is'} ${name}; read as ${name}: check their text and save the file in one encoding`,
        `文件为 ${file} 编码，但第 ${listLines(other.lines)} 行为 ${name} 编码，已按 ${name} 读取；请核对这些行并以统一编码保存文件`,
      ),
    );
  }
  if (suspect.replacement.length) {
    const lines = suspect.replacement;
    out.push(
      warning(
        ctx,
        rows(lines),
        'replacement-character',
        `line${lines.length > 1 ? 's' : ''} ${listLines(lines)} hold bytes that are neither UTF-8 nor GBK (shown as �); expected text in one encoding: check those values`,
        `第 ${listLines(lines)} 行含有既非 UTF-8 也非 GBK 的字节（显示为 �）；请核对这些值`,
      ),
    );
  }
  if (suspect.misdecoded.length) {
    const lines = suspect.misdecoded;
    out.push(
      warning(
        ctx,
        rows(lines),
        'mis-decoded',
        `line${lines.length > 1 ? 's' : ''} ${listLines(lines)} look like UTF-8 text that was once read in another encoding and saved again (such as "å°åŒº" for 小区); expected readable text: re-export the file as UTF-8`,
        `第 ${listLines(lines)} 行像是被错误编码读取后又保存的文本（如“å°åŒº”应为“小区”）；请重新以 UTF-8 导出文件`,
      ),
    );
  }
  return out;
}
