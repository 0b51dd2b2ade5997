import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = { nl: flatten(nl as Tree), en: flatten(en as Tree) };

describe('i18n catalogues', () => {
  it('have identical key sets', () => {
    const nlKeys = [...catalogues.nl.keys()].sort();
    const enKeys = [...catalogues.en.keys()].sort();
    expect(enKeys).toEqual(nlKeys);
  });

  it.each(Object.entries(catalogues))('%s has no empty values', (_lang, entries) => {
    const empty = [...entries].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of catalogues.nl) {
      expect({ key, vars: vars(catalogues.en.get(key) ?? '') }).toEqual({ key, vars: vars(value) });
    }
  });
});
