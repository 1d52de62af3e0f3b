/**
 * The planner's words for the core's import hints (ImportHint): a column to name is chosen in the
 * review's field mapping, another coordinate system in the import's coordinate-system list. The core's
 * messages name no command-line flag and no control; the CLI words the same hints as its flags
 * (src/cli/flag-hints.ts).
 */
import type { ImportError, ImportHint } from '../../core';

/** A translation function of one language (i18next's getFixedT). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * One hint in the planner's words.
 * @param hint the core's hint
 * @param t translations of the language wanted
 * @returns the sentence, e.g. “在“字段对应”中为 纬度 选择列”
 */
export function hintText(hint: ImportHint, t: Translate): string {
  if (hint.kind === 'map-field')
    return t('import.hints.mapField', { field: t(`fields.${hint.field}`, { defaultValue: hint.field }) });
  if (hint.crs.length === 0) return t('import.hints.crsEquivalent');
  return t('import.hints.crs', { crs: hint.crs.join(t('import.hints.or')) });
}

/**
 * An import error's messages with its hints (and those of the row's other problems) said the
 * planner's way.
 * @param e the error
 * @param t translations in English and in Chinese
 * @returns both messages
 * @example plannerMessages(error, { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh') }).messageZh
 */
export function plannerMessages(
  e: Pick<ImportError, 'message' | 'messageZh' | 'hint' | 'also'>,
  t: { en: Translate; zh: Translate },
): { message: string; messageZh: string } {
  const hints = [e.hint, ...(e.also ?? []).map((a) => a.hint)].filter((h): h is ImportHint => !!h);
  const unique = [...new Map(hints.map((h) => [JSON.stringify(h), h])).values()];
  if (unique.length === 0) return { message: e.message, messageZh: e.messageZh };
  return {
    message: `${e.message}; ${unique.map((h) => hintText(h, t.en)).join('; ')}`,
    messageZh: `${e.messageZh}；${unique.map((h) => hintText(h, t.zh)).join('；')}`,
  };
}
