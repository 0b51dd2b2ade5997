import { CATALOGUES, type Catalogue } from './catalogues.js';
import { DEFAULT_LANG, type Lang } from './languages.js';

/** Dotted paths to the strings of a catalogue (`"exportText.page"`); lists are read whole, not by key. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends readonly unknown[] ? never : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

type PluralBase<K> = K extends `${infer Base}_one` ? Base : never;

/** A key of the catalogue; a plural entry (`x_one`, `x_other`) is also reachable as `x` with a `count`. */
export type MessageKey = Leaves<Catalogue> | PluralBase<Leaves<Catalogue>>;

export type Vars = Record<string, string | number>;

function lookup(lang: Lang, key: string): string | undefined {
  let node: unknown = CATALOGUES[lang];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralKey(lang: Lang, key: string, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return `${key}_${rules.select(count)}`;
}

/**
 * The text of `key` in `lang`, with `{{name}}` replaced by `vars.name`: the same catalogues and the
 * same syntax as the client's i18next, for code without React (server, exports, the domain tables).
 * A missing key falls back to Dutch, then to the key itself, as i18next does.
 */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const count = vars?.count;
  const text =
    (typeof count === 'number'
      ? (lookup(lang, pluralKey(lang, key, count)) ?? lookup(lang, `${key}_other`))
      : undefined) ??
    lookup(lang, key) ??
    lookup(DEFAULT_LANG, key) ??
    key;
  return vars ? interpolate(text, vars) : text;
}

/** Replaces `{{name}}` by `vars.name`; an unknown name stays visible, as in i18next. */
export function interpolate(text: string, vars: Vars): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
