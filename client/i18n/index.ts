import i18n from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../../shared/i18n/languages.js';

/**
 * i18next over the product's one set of catalogues (`shared/i18n/`), which the server and the exports
 * read too. Adding a language: see README.md, "Adding a language".
 *
 * Dutch, the default and the fallback, is in the first JavaScript; every other language is its own
 * chunk, fetched from this server when it is chosen (about 14 KB gzip less for the participant page,
 * whose first JavaScript has a budget: bench/jsBudget.ts). The export texts are never loaded here:
 * the server makes the exports. Each file of a language is picked up by name, so a new catalogue
 * file (`nl.<part>.json` + `en.<part>.json`) needs no registration here.
 */
const DUTCH = import.meta.glob<object>(['../../shared/i18n/nl*.json', '!**/*.export.json'], {
  eager: true,
  import: 'default',
});
const LATER = import.meta.glob<object>(
  ['../../shared/i18n/*.json', '!../../shared/i18n/nl*.json', '!**/*.export.json'],
  {
    import: 'default',
  },
);

function filesOf(lang: Lang, paths: string[]): string[] {
  return paths.filter((p) => {
    const name = p.slice(p.lastIndexOf('/') + 1);
    return name === `${lang}.json` || name.startsWith(`${lang}.`);
  });
}

function merged(parts: object[]): Record<string, unknown> {
  return Object.assign({}, ...parts) as Record<string, unknown>;
}

const loading = new Map<Lang, Promise<void>>();

/** Makes sure the texts of `lang` are in i18next (Dutch always is); resolves once they are. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === DEFAULT_LANG || i18n.hasResourceBundle(lang, 'translation')) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = Promise.all(filesOf(lang, Object.keys(LATER)).map((p) => LATER[p]())).then((parts) => {
      i18n.addResourceBundle(lang, 'translation', merged(parts), true, true);
    });
    // A failed fetch (server gone for a moment) may be tried again on the next choice.
    pending.catch(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}
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

/**
 * Synchronous init with Dutch, which is bundled, so the first render has its strings; another language
 * is switched to as soon as its texts have arrived (a moment on the local network).
 */
export function initI18n(lang: Lang = storedLang()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {
        [DEFAULT_LANG]: { translation: merged(filesOf(DEFAULT_LANG, Object.keys(DUTCH)).map((p) => DUTCH[p])) },
      },
      lng: DEFAULT_LANG,
      fallbackLng: DEFAULT_LANG,
      supportedLngs: [...LANGS],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  if (i18n.language !== lang) void switchTo(lang);
  else {
    choose(lang);
    applyDocumentLang(lang);
  }
  return i18n;
}

/**
 * The language the user chose last, known at once, while its texts may still be on their way. A
 * choice is something the user acts on right away (the language select shows it, the demo is made in
 * it), so it must not wait for the texts: that race opened a Dutch demo after choosing English.
 */
let chosen: Lang = DEFAULT_LANG;
const chosenListeners = new Set<() => void>();
function choose(lang: Lang): void {
  if (chosen === lang) return;
  chosen = lang;
  for (const listener of chosenListeners) listener();
}
const subscribeChosen = (listener: () => void) => {
  chosenListeners.add(listener);
  return () => chosenListeners.delete(listener);
};
/** The language the user chose, at once (texts may follow a moment later: see `useLang`). */
export function useChosenLang(): Lang {
  return useSyncExternalStore(subscribeChosen, () => chosen);
}

/** Loads the language, then switches; the page's `lang` follows only once its texts are shown. */
async function switchTo(lang: Lang): Promise<void> {
  choose(lang);
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
  applyDocumentLang(lang);
}

/** The user's choice: kept in this browser, then switched to (resolves once the texts are shown). */
export function setLanguage(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page.
  }
  return switchTo(lang);
}

/** The current UI language, narrowed to the product's languages. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return isLang(instance.language) ? instance.language : DEFAULT_LANG;
}
