/** Numbers and units for the current language (zh-CN grouping by default). */
import type { Bilingual } from '../core';
import type { Lang } from '../store/types';

const formats = new Map<string, Intl.NumberFormat>();

/** The locale used for numbers. */
export const localeOf = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * Formats a number; null/undefined → “—”.
 * @param value the number
 * @param lang UI language
 * @param digits maximum fraction digits (default 0)
 * @example formatNumber(12345.6, 'zh') // '12,346'
 */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formats.set(key, f);
  }
  return f.format(value);
}

/** A percentage from a 0–100 number. */
export const formatPct = (value: number | null | undefined, lang: Lang): string =>
  value === null || value === undefined ? '—' : `${formatNumber(value, lang, 1)}%`;

/** The text of a bilingual field in the UI language. */
export const pickLang = (text: Bilingual | undefined, lang: Lang): string => (text ? text[lang] : '');

/** Unit symbols as planners write them. */
export function formatUnit(unit: string, lang: Lang): string {
  const zh: Record<string, string> = {
    m2: 'm²',
    'm²': 'm²',
    places: '个托位',
    beds: '张床位',
    min: '分钟',
    m: '米',
    households: '户',
    persons: '人',
  };
  const en: Record<string, string> = {
    m2: 'm²',
    'm²': 'm²',
    places: 'places',
    beds: 'beds',
    min: 'min',
    m: 'm',
    households: 'households',
    persons: 'persons',
  };
  return (lang === 'zh' ? zh : en)[unit] ?? unit;
}
