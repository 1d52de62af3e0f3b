/** i18next set-up: zh-CN by default, English on request. All UI strings live in zh.json / en.json. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../store/types';
import en from './en.json';
import zh from './zh.json';

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  fallbackLng: 'zh',
  initAsync: false,
  // React escapes text itself; names from imported files are never inserted as HTML.
  interpolation: { escapeValue: false },
});

/** Switches the UI language and the document's lang attribute. */
export function setLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export default i18n;
