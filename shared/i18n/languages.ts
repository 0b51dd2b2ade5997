/**
 * The languages of the product. To add one, see "Adding a language" in README.md: its catalogue files
 * go next to these in `shared/i18n/`, and its code goes here.
 */
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Dutch first: the method, its users and its sheet are Dutch. */
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
