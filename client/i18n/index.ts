import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/columns.js';
import enCompare from './en.compare.json';
import enConsole from './en.console.json';
import en from './en.json';
import enSession from './en.session.json';
import nlCompare from './nl.compare.json';
import nlConsole from './nl.console.json';
import nl from './nl.json';
import nlSession from './nl.session.json';

/**
 * One catalogue per language, kept in several files by feature so that work on one feature does not
 * touch another's strings: `*.json` (app, start, join, map), `*.session.json` (guided session on the
 * map, card dialogue), `*.console.json` (facilitator console, projector, join code, versions),
 * `*.compare.json` (partners first: flow choice, comparing the maps, the partner maps tab).
 * Each file holds its own top-level keys; no key appears in two files.
 */
export const CATALOGUES = {
  nl: { ...nl, ...nlSession, ...nlConsole, ...nlCompare },
  en: { ...en, ...enSession, ...enConsole, ...enCompare },
};

export const LANG_STORAGE_KEY = 'pkl.lang';
export const DEFAULT_LANG: Lang = 'nl';

function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

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
      resources: { nl: { translation: CATALOGUES.nl }, en: { translation: CATALOGUES.en } },
      lng: lang,
      fallbackLng: DEFAULT_LANG,
      supportedLngs: ['nl', 'en'],
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

/** The current UI language, narrowed to the languages the domain texts (COLUMNS) exist in. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return isLang(instance.language) ? instance.language : DEFAULT_LANG;
}
