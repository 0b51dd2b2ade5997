import * as Y from 'yjs';
import { COLUMN_IDS, type ColumnId } from './columns.js';
import { getCards, readCardColumn, type CardYMap } from './cardSchema.js';
import type { Agreement, CardArgument, CardFieldName, CardValues, Supporter } from './card/fields.js';
import { readCardField } from './card/read.js';
import type { CardId } from './ids.js';
import { compareOrder } from './ops.js';
import { blocksToPlainText, readBlocks, type Block } from './richText.js';

/**
 * An immutable picture of one card; a new object only when the card changed. Its fields are the rows
 * of the card table (card/fields.ts) as read by `readCardField`, except the text (given as blocks and
 * plain text), the drafts-only target map, and the nested maps, given as sorted lists.
 */
export type CardSnapshot = Omit<CardValues, 'text' | 'map' | 'supporters' | 'arguments'> & {
  blocks: Block[];
  plainText: string;
  supporters: (Supporter & { id: string })[];
  arguments: CardArgument[];
  agreedBy: Readonly<Record<string, Agreement>>;
};

export type MapSnapshot = {
  readonly columns: Readonly<Record<ColumnId, readonly CardSnapshot[]>>;
  readonly cardCount: number;
};

const byTimeThenId = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : 1);

export function readCard(id: string, card: CardYMap): CardSnapshot | null {
  const column = readCardColumn(card);
  if (!column) return null;
  const field = <K extends CardFieldName>(name: K) => readCardField(card, name);
  const fragment = field('text');
  const blocks = fragment ? readBlocks(fragment) : [];
  // One property per row of the card table: the CardSnapshot type, derived from the table, makes a
  // new row fail to compile here until it is read (written out rather than looped: the read model
  // is on the hot path of every keystroke).
  return {
    // The key in `cards` is the card's identity; a stored `id` that disagrees is not trusted.
    id: id as CardId,
    column,
    order: field('order'),
    author: field('author'),
    authorName: field('authorName'),
    partner: field('partner'),
    createdAt: field('createdAt'),
    status: field('status'),
    blocks,
    plainText: blocksToPlainText(blocks),
    supporters: Object.entries(field('supporters'))
      .map(([sid, v]) => ({ ...v, id: sid }))
      .sort(byTimeThenId),
    arguments: Object.values(field('arguments')).sort(byTimeThenId),
    agreedBy: field('agreedBy'),
    agreedVersion: field('agreedVersion'),
    history: field('history'),
    buildsOn: field('buildsOn'),
    who: field('who'),
    what: field('what'),
    when: field('when'),
    actionOwner: field('actionOwner'),
    actionDue: field('actionDue'),
    actionStatus: field('actionStatus'),
    actionNote: field('actionNote'),
    writtenBy: field('writtenBy'),
    writtenByName: field('writtenByName'),
    origins: field('origins'),
    tag: field('tag'),
    removal: field('removal'),
    links: field('links'),
  };
}

function buildSnapshot(cards: Iterable<CardSnapshot>): MapSnapshot {
  const columns = Object.fromEntries(COLUMN_IDS.map((c) => [c, [] as CardSnapshot[]])) as Record<
    ColumnId,
    CardSnapshot[]
  >;
  let cardCount = 0;
  for (const card of cards) {
    columns[card.column].push(card);
    cardCount++;
  }
  for (const id of COLUMN_IDS) columns[id].sort(compareOrder);
  return { columns, cardCount };
}

/** One-off read of a whole map (server, export, tests). */
export function readMap(doc: Y.Doc): MapSnapshot {
  const cards: CardSnapshot[] = [];
  getCards(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return;
    const snap = readCard(id, card);
    if (snap) cards.push(snap);
  });
  return buildSnapshot(cards);
}

/**
 * A live read model: keeps per-card snapshots and rebuilds only the cards a transaction touched,
 * so a keystroke in one card does not re-read the other 299. `getSnapshot` returns the same object
 * until something changes (what useSyncExternalStore needs).
 */
export class MapReadModel {
  private readonly cards = new Map<string, CardSnapshot>();
  private snapshot: MapSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly cardsType: Y.Map<CardYMap>;

  constructor(doc: Y.Doc) {
    this.cardsType = getCards(doc);
    for (const id of this.cardsType.keys()) this.refresh(id);
    this.snapshot = buildSnapshot(this.cards.values());
    this.cardsType.observeDeep(this.onChange);
  }

  private refresh(id: string): void {
    const card = this.cardsType.get(id);
    const snap = card instanceof Y.Map ? readCard(id, card) : null;
    if (snap) this.cards.set(id, snap);
    else this.cards.delete(id);
  }

  private onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.cardsType) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) if (key) touched.add(key);
      } else {
        const first = event.path[0];
        if (typeof first === 'string') touched.add(first);
      }
    }
    if (touched.size === 0) return;
    for (const id of touched) this.refresh(id);
    this.snapshot = buildSnapshot(this.cards.values());
    for (const l of this.listeners) l();
  };

  getSnapshot = (): MapSnapshot => this.snapshot;

  getCard(id: CardId): CardSnapshot | undefined {
    return this.cards.get(id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.cardsType.unobserveDeep(this.onChange);
    this.listeners.clear();
  }
}
