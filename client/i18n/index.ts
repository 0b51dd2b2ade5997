import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { CATALOGUES } from '../../shared/i18n/catalogues.js';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../../shared/i18n/languages.js';

/**
 * i18next over the product's one set of catalogues (`shared/i18n/`), which the server and the exports
 * read too. Adding a language: see README.md, "Adding a language".
 */
export const LANG_STORAGE_KEY = 'pkl.lang';
export { DEFAULT_LANG };

function storedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    // Storage can be blocked (private mode, strict settings); Dutch is the safe default.
    return DEFAULT_LANG;
  }
}

function applyDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Synchronous init: the catalogues are bundled, so the first render already has its strings. */
export function initI18n(lang: Lang = storedLang()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: Object.fromEntries(LANGS.map((l) => [l, { translation: CATALOGUES[l] }])),
      lng: lang,
      fallbackLng: DEFAULT_LANG,
      supportedLngs: [...LANGS],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  } else if (i18n.language !== lang) {
    void i18n.changeLanguage(lang);
  }
  applyDocumentLang(lang);
  return i18n;
}

export function setLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page.
  }
  void i18n.changeLanguage(lang);
  applyDocumentLang(lang);
}

/** The current UI language, narrowed to the product's languages. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return isLang(instance.language) ? instance.language : DEFAULT_LANG;
}
