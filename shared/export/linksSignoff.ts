import type { Lang } from '../columns.js';
import { EXPORT_CATALOGUES } from '../i18n/exportCatalogues.js';
import { interpolate, translate } from '../i18n/translate.js';
import { cardCodes, linkGraph } from '../links.js';
import type { CardSnapshot, MapSnapshot } from '../readModel.js';
import type { SignoffRow } from '../signoff.js';
import type { ConvenantBlock } from './convenantTypes.js';
import { formatExportDate } from './exportInput.js';

/**
 * What the exports print of issue 14: "Draagt bij aan: W2 Thuis wonen" under a card that serves
 * others ([L6]), with the codes of the map (shared/links.ts `cardCodes`), and the sign-off table per
 * partner in the convenant ([N3]). The strings are in `*.export.json` (`linksExport`) and `*.links.json`.
 */
export interface LinkNotes {
  /** The code of a card ("W2"), or '' for a card not on the map. */
  code(id: string): string;
  /** "Draagt bij aan: W2 Thuis wonen; R1 Korte lijnen", or null for a card that serves nothing. */
  note(card: Pick<CardSnapshot, 'id'>): string | null;
  /** Only the codes, for tight places (the A3 sheet): "→ W2, R1", or null. */
  short(card: Pick<CardSnapshot, 'id'>): string | null;
  /** Whether a card is served by another (so its code is worth printing). */
  isServed(id: string): boolean;
}

const SHORT_TEXT = 48;
const clip = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > SHORT_TEXT ? `${one.slice(0, SHORT_TEXT - 1).trimEnd()}…` : one;
};

export function linkNotes(map: MapSnapshot, lang: Lang): LinkNotes {
  const graph = linkGraph(map);
  const codes = cardCodes(map, lang);
  const code = (id: string) => codes.get(id) ?? '';
  return {
    code,
    note(card) {
      const served = graph.serves(card.id);
      if (!served.length) return null;
      const list = served.map((c) => `${code(c.id)} ${clip(c.plainText)}`.trim()).join('; ');
      return interpolate(EXPORT_CATALOGUES[lang].linksExport.contributesTo, { list });
    },
    short(card) {
      const served = graph.serves(card.id);
      return served.length ? `→ ${served.map((c) => code(c.id)).join(', ')}` : null;
    },
    isServed: (id) => graph.servedBy(id).length > 0,
  };
}

/** The sign-off section's blocks: a short intro and a table of partner, representatives with mandate, status. */
export function signoffBlocks(rows: readonly SignoffRow[], lang: Lang): ConvenantBlock[] {
  const tr = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate(lang, key, vars);
  const x = EXPORT_CATALOGUES[lang].linksExport;
  const mandate = (m: SignoffRow['people'][number]['mandate']) =>
    !m
      ? tr('mandate.none')
      : m.date
        ? tr('mandate.kindWithDate', { kind: tr(`mandate.kind.${m.kind}`), date: formatExportDate(m.date, lang) })
        : tr(`mandate.kind.${m.kind}`);
  return [
    { kind: 'paragraph', text: x.signoffIntro },
    {
      kind: 'table',
      // Number first, like the action plan: the tagged PDF gives the first column the least room.
      header: ['', tr('mandate.partner'), tr('mandate.status'), tr('mandate.people')],
      rows: rows.map((r, i) => [
        String(i + 1),
        r.partner.name,
        r.at === null
          ? tr(`mandate.signoff.${r.status}`)
          : `${tr(`mandate.signoff.${r.status}`)} (${x.date} ${formatExportDate(r.at, lang)})`,
        r.people.length ? r.people.map((p) => `${p.name}: ${mandate(p.mandate)}`).join('; ') : x.nobody,
      ]),
    },
  ];
}
