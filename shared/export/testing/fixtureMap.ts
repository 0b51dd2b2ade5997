import type { ActionOwner, ActionStatus, AgreedVersion } from '../../card/fields.js';
import type { CardStatus } from '../../cardSchema.js';
import { COLUMN_IDS, type ColumnId } from '../../columns.js';
import type { CardId, ParticipantId, PartnerId } from '../../ids.js';
import type { Partner } from '../../partners.js';
import type { CardSnapshot, MapSnapshot } from '../../readModel.js';
import { blocksToPlainText, type Block } from '../../richText.js';
import type { ExportInput } from '../exportInput.js';

/**
 * Made-up maps for export tests and previews: no Yjs document needed. Texts are deliberately
 * awkward (Dutch diacritics, €, ✓, long compounds, lists) to catch clipping and encoding faults.
 */
export interface CardSpec {
  id: string;
  column: ColumnId;
  text?: string;
  blocks?: Block[];
  status?: CardStatus;
  authorName?: string;
  partner?: string;
  supporters?: number;
  who?: string;
  what?: string;
  when?: string;
  arguments?: { side: 'for' | 'against'; text: string }[];
  agreedVersion?: AgreedVersion;
  /** Ids of the cards it serves ("Hoort bij…"). */
  links?: string[];
  /** Follow-up of an agreed action ([J4]). */
  followUp?: { owner?: ActionOwner; due?: string; status?: ActionStatus; note?: string };
}

export function makeCard(spec: CardSpec, order = 'a0'): CardSnapshot {
  const blocks: Block[] =
    spec.blocks ??
    (spec.text ?? '').split('\n').map((line) => ({ type: 'paragraph' as const, runs: line ? [{ text: line }] : [] }));
  return {
    id: spec.id as CardId,
    column: spec.column,
    order,
    author: 'p1' as ParticipantId,
    authorName: spec.authorName ?? '',
    partner: (spec.partner ?? '') as PartnerId,
    createdAt: 0,
    status: spec.status ?? 'open',
    blocks,
    plainText: blocksToPlainText(blocks),
    supporters: Array.from({ length: spec.supporters ?? 0 }, (_, i) => ({
      id: `s${i}`,
      name: `S${i}`,
      partner: '',
      at: i,
    })),
    arguments: (spec.arguments ?? []).map((a, i) => ({
      id: `a${i}`,
      side: a.side,
      text: a.text,
      author: '',
      authorName: '',
      partner: '',
      at: i,
    })),
    agreedBy: {},
    agreedVersion: spec.agreedVersion ?? null,
    history: [],
    buildsOn: '',
    who: spec.who ?? '',
    what: spec.what ?? '',
    when: spec.when ?? '',
    writtenBy: '',
    writtenByName: '',
    origins: [],
    tag: '',
    removal: null,
    links: Object.fromEntries((spec.links ?? []).map((l) => [l, { by: '', at: 0 }])),
    actionOwner: spec.followUp?.owner ?? null,
    actionDue: spec.followUp?.due ?? '',
    actionStatus: spec.followUp?.status ?? 'planned',
    actionNote: spec.followUp?.note ?? '',
  };
}

export function makeMap(specs: readonly CardSpec[]): MapSnapshot {
  const columns = Object.fromEntries(COLUMN_IDS.map((c) => [c, [] as CardSnapshot[]])) as Record<
    ColumnId,
    CardSnapshot[]
  >;
  specs.forEach((spec, i) => columns[spec.column].push(makeCard(spec, `a${String(i).padStart(4, '0')}`)));
  return { columns, cardCount: specs.length };
}

export const FIXTURE_PARTNERS: Partner[] = [
  { id: 'gemeente' as PartnerId, name: 'Gemeente Zuidërwijk', color: '#1f5fa8' },
  { id: 'zorg' as PartnerId, name: 'Wijkzorg Noëlle', color: '#a3341f' },
  { id: 'welzijn' as PartnerId, name: 'Stichting Welzijn & Coöperatie', color: '#2e6b2e' },
  { id: 'bewoners' as PartnerId, name: 'Bewoners en mantelzorgers', color: '#7a3c8f' },
];

const WORDS = [
  'samenwerking',
  'mantelzorgers',
  'ideeën',
  'café',
  'coöperatie',
  'geëvalueerd',
  'naïef',
  'reünie',
  'financiën',
  'patiënt',
  'geïnformeerd',
  'privé',
  'één',
  'zoöloog',
  'beëindigen',
  'wijkteam',
  'vrijwilligers',
  'overleg',
  'buurthuis',
  'vertrouwen',
  'afspraken',
  'ondersteuning',
  'bewoners',
  'gemeente',
  'kwartaal',
  'budget',
];
const LONG_WORD = 'Gemeenschappelijkeregelingsuitvoeringsorganisatiecoöperatieverbandsoverleg';

function rng(seed: number): () => number {
  // mulberry32: a tiny seeded generator so the fixture is the same on every run.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The distinctive word of fixture card i, e.g. "kaartnr007". */
export const cardToken = (i: number) => `kaartnr${String(i).padStart(3, '0')}`;

/**
 * A joint map of `count` cards spread unevenly over the columns, with every status and steps with
 * who/what/when. `awkward`: lists, long texts and very long words; `ordinary`: the sticky notes of
 * a real workshop (one sentence of 5 to 14 words, about 70 characters).
 */
export function fixtureInput(count = 150, seed = 7, profile: 'awkward' | 'ordinary' = 'awkward'): ExportInput {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const weights: [ColumnId, number][] = [
    ['values', 0.25],
    ['relations', 0.2],
    ['actions', 0.2],
    ['conditions', 0.15],
    ['steps', 0.2],
  ];
  const specs: CardSpec[] = [];
  const cardOrigins: Record<string, string[]> = {};
  for (let i = 0; i < count; i++) {
    let r = rand();
    const column = weights.find(([, w]) => (r -= w) < 0)?.[0] ?? 'steps';
    const kind = rand();
    const sentence = (n = 6) => Array.from({ length: n + Math.floor(rand() * n) }, () => pick(WORDS)).join(' ');
    // About half short, a third medium, the rest long with a word too long for any card.
    let text = `${cardToken(i)} ${sentence(3)}.`;
    if (profile === 'ordinary')
      text = `${cardToken(i)} ${sentence(5)}${kind > 0.7 ? ` voor € ${(100 + Math.floor(rand() * 900)).toLocaleString('nl-NL')}` : ''}.`;
    else if (kind > 0.5)
      text += ` ${sentence()} voor € ${(100 + Math.floor(rand() * 9900)).toLocaleString('nl-NL')} ✓.`;
    if (kind > 0.85 && profile === 'awkward') text += ` ${LONG_WORD}${i} ${sentence()}. ${sentence(8)}.`;
    const blocks: Block[] | undefined =
      kind < 0.08 && profile === 'awkward'
        ? [
            { type: 'paragraph', runs: [{ text: `${cardToken(i)} lijst:` }] },
            {
              type: 'bulletList',
              items: [
                [{ type: 'paragraph', runs: [{ text: sentence() }] }],
                [{ type: 'paragraph', runs: [{ text: sentence() }] }],
              ],
            },
          ]
        : undefined;
    const status: CardStatus = pick(['open', 'agreed', 'agreed', 'parked']);
    const partner = pick(FIXTURE_PARTNERS).id;
    const id = `card${i}`;
    if (rand() < 0.3) cardOrigins[id] = [partner, pick(FIXTURE_PARTNERS).id];
    specs.push({
      id,
      column,
      text,
      blocks,
      status,
      partner,
      authorName: pick(['Annelies', 'Fatima', 'Joost', 'Kwame', 'Marlies']),
      supporters: Math.floor(rand() * 4),
      ...(column === 'steps'
        ? {
            who: pick(['Ruud (gemeente)', 'Fatima', 'het wijkteam']),
            what: `actie ${cardToken(i)}: ${pick(WORDS)}`,
            when: pick(['vóór 1 juni', 'in het 3e kwartaal', 'elke maand']),
          }
        : {}),
      ...(status === 'parked' ? { arguments: [{ side: 'against' as const, text: 'Te duur voor één jaar' }] } : {}),
    });
  }
  return {
    lang: 'nl',
    title: 'Samen sterk voor mantelzorgers in Zuidërwijk',
    date: '2026-03-12',
    partners: FIXTURE_PARTNERS,
    map: makeMap(specs),
    mapName: 'joint',
    cardOrigins,
  };
}
