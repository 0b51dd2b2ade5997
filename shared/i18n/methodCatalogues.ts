import enMethod from './en.method.json';
import type { Lang } from './languages.js';
import nlMethod from './nl.method.json';

/**
 * The method's own texts in every language (`*.method.json`: columns, questions, prompts, dialogue
 * rules, the facilitator's questions), apart from `catalogues.ts` because the domain tables that hold
 * every language at once (COLUMNS, DIALOGUE_RULES) are on every page: importing all catalogues there
 * would put every language of every screen in the participant page's first JavaScript.
 */
export type MethodCatalogue = typeof nlMethod;

// Typed as MethodCatalogue, so a key missing from the English file is a type error.
export const METHOD_CATALOGUES: Readonly<Record<Lang, MethodCatalogue>> = {
  nl: nlMethod,
  en: enMethod satisfies MethodCatalogue,
};

/** The same method text in every language, for tables that hold all languages at once. */
export function inEveryLang(pick: (catalogue: MethodCatalogue, lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(
    (Object.keys(METHOD_CATALOGUES) as Lang[]).map((lang) => [lang, pick(METHOD_CATALOGUES[lang], lang)]),
  ) as Record<Lang, string>;
}
