import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILES, CATALOGUES } from './catalogues.js';
import { EXPORT_CATALOGUES } from './exportCatalogues.js';
import { DEFAULT_LANG, LANGS } from './languages.js';
import { translate } from './translate.js';

type Tree = { [key: string]: string | Tree } | string[];

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Every file of a language, the export texts included.
const flat = Object.fromEntries(
  LANGS.map((lang) => [lang, flatten({ ...CATALOGUES[lang], ...EXPORT_CATALOGUES[lang] } as unknown as Tree)]),
);
const others = LANGS.filter((lang) => lang !== DEFAULT_LANG);
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  it('[I1] the export texts and the rest are one catalogue per language (no key in both)', () => {
    for (const lang of LANGS) {
      expect(Object.keys(EXPORT_CATALOGUES[lang]).filter((k) => k in CATALOGUES[lang])).toEqual([]);
    }
  });

  it('[I1] files of one language never define the same top-level key twice', () => {
    for (const lang of LANGS) {
      const keys = [...CATALOGUE_FILES[lang], EXPORT_CATALOGUES[lang]].flatMap((f) => Object.keys(f));
      expect(keys.length, lang).toBe(new Set(keys).size);
    }
  });

  it.each(others)(
    '[I1] %s has exactly the keys of the Dutch catalogue (lists of prompts have the same length)',
    (lang) => {
      expect([...flat[lang].keys()].sort()).toEqual([...flat[DEFAULT_LANG].keys()].sort());
    },
  );

  it.each(LANGS)('[I1] %s has no empty values', (lang) => {
    const empty = [...flat[lang]].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(others)('[I1] %s uses the same interpolation variables as Dutch', (lang) => {
    for (const [key, value] of flat[DEFAULT_LANG]) {
      expect({ key, vars: vars(flat[lang].get(key) ?? '') }).toEqual({ key, vars: vars(value) });
    }
  });
});

describe('translate', () => {
  it('[I2] reads the same catalogue as the client, with i18next interpolation and plurals', () => {
    expect(translate('nl', 'map.step', { n: 2 })).toBe('Stap 2');
    expect(translate('en', 'map.step', { n: 2 })).toBe('Step 2');
    expect(translate('nl', 'method.columns.values.label')).toBe('Waarden');
    expect(translate('nl', 'projector.support', { count: 1 })).toBe('1 steunt dit');
    expect(translate('nl', 'projector.support', { count: 4 })).toBe('4 steunen dit');
  });

  it('[I2] leaves an unknown variable visible and falls back to the key when a text is missing', () => {
    expect(translate('en', 'joinCode.howTo', {})).toBe('Scan the QR code, or go to {{url}} and enter the code.');
    expect(translate('en', 'no.such.key' as never)).toBe('no.such.key');
  });
});
