import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, isColumnId } from '../../../shared/columns.js';
import { LANGS } from '../../../shared/i18n/languages.js';
import { DEFAULTS } from '../../config.js';
import { readSampleWorkshop, type SampleCard, type SampleWorkshop } from '../sampleWorkshop.js';

const demos = Object.fromEntries(
  LANGS.map((lang) => [lang, readSampleWorkshop(DEFAULTS.demoFixturePath, lang)]),
) as Record<string, SampleWorkshop | null>;

/** Everything of a card except its words, to compare the languages. */
const shape = (c: SampleCard) => ({
  column: c.column,
  status: c.status ?? 'open',
  author: c.author,
  hasWho: Boolean(c.who),
  hasWhen: Boolean(c.when),
  origins: c.origins ?? [],
  supporters: c.supporters ?? [],
  arguments: (c.arguments ?? []).map((a) => [a.kind, a.by]),
});

describe('the built-in demo workshop', () => {
  it.each(LANGS)('[A7] exists in %s and reads as a partners-first workshop of four partners', (lang) => {
    const demo = demos[lang];
    expect(demo).not.toBeNull();
    expect(demo!.flow).toBe('partners-first');
    expect(demo!.partners).toHaveLength(4);
    expect(Object.keys(demo!.partnerMaps).sort()).toEqual(demo!.partners.map((p) => p.id).sort());
  });

  it('[A7] is the same workshop in every language: only the words differ', () => {
    const [first, ...rest] = LANGS.map((lang) => demos[lang]!);
    for (const other of rest) {
      expect(other.partners.map((p) => p.id)).toEqual(first.partners.map((p) => p.id));
      expect(other.participants).toEqual(first.participants);
      expect(other.jointMap.map(shape)).toEqual(first.jointMap.map(shape));
      for (const id of Object.keys(first.partnerMaps))
        expect(other.partnerMaps[id].map(shape)).toEqual(first.partnerMaps[id].map(shape));
      expect(other.title).not.toBe(first.title);
    }
  });

  it.each(LANGS)(
    '[A7] %s: every card is valid for the product (columns, people, partners, agreed actions complete)',
    (lang) => {
      const demo = demos[lang]!;
      const people = new Set(demo.participants.map((p) => p.id));
      const partners = new Set(demo.partners.map((p) => p.id));
      expect(demo.participants.every((p) => partners.has(p.partner))).toBe(true);
      const all = [...demo.jointMap, ...Object.values(demo.partnerMaps).flat()];
      for (const card of all) {
        expect(isColumnId(card.column), card.text).toBe(true);
        expect(card.text.trim(), card.text).not.toBe('');
        expect(card.author && people.has(card.author), card.text).toBe(true);
        for (const s of card.supporters ?? []) expect(people.has(s)).toBe(true);
        for (const a of card.arguments ?? [])
          expect(a.by && people.has(a.by) && (a.text ?? '').length <= 280).toBe(true);
        for (const o of card.origins ?? []) expect(partners.has(o)).toBe(true);
        if (card.column === 'steps' && card.status === 'agreed')
          expect(Boolean(card.who && card.when), card.text).toBe(true);
      }
      for (const column of COLUMN_IDS)
        expect(
          demo.jointMap.some((c) => c.column === column),
          column,
        ).toBe(true);
      for (const [id, cards] of Object.entries(demo.partnerMaps)) {
        const own = new Set(demo.participants.filter((p) => p.partner === id).map((p) => p.id));
        expect(
          cards.every((c) => own.has(c.author!)),
          id,
        ).toBe(true);
      }
    },
  );
});
