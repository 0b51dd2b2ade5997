import { describe, expect, it } from 'vitest';
import en from './en.json';
import enConsole from './en.console.json';
import enSession from './en.session.json';
import { CATALOGUES } from './index.js';
import nl from './nl.json';
import nlConsole from './nl.console.json';
import nlSession from './nl.session.json';
import nlCompare from './nl.compare.json';
import enCompare from './en.compare.json';

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

const catalogues = { nl: flatten(CATALOGUES.nl as Tree), en: flatten(CATALOGUES.en as Tree) };

describe('i18n catalogues', () => {
  it('feature files never define the same top-level key twice', () => {
    for (const files of [[nl, nlSession, nlConsole, nlCompare], [en, enSession, enConsole, enCompare]]) {
      const keys = files.flatMap((f) => Object.keys(f));
      expect(keys.length).toBe(new Set(keys).size);
    }
  });

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
