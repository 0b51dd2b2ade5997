import * as Y from 'yjs';
import { COLUMN_IDS, type ColumnId } from './columns.js';
import { getCards, getCardText, isCardStatus, readCardColumn, type CardStatus, type CardYMap } from './cardSchema.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';
import { compareOrder } from './ops.js';
import { blocksToPlainText, readBlocks, type Block } from './richText.js';
import type { Agreement, CardArgument, HistoryEntry, Supporter } from './cardDetails.js';
import type { CardOrigin } from './compare/merge.js';

/** An immutable picture of one card; a new object only when the card changed. */
export interface CardSnapshot {
  id: CardId;
  column: ColumnId;
  order: string;
  author: ParticipantId | '';
  authorName: string;
  partner: PartnerId | '';
  createdAt: number;
  status: CardStatus;
  blocks: Block[];
  plainText: string;
  supporters: (Supporter & { id: string })[];
  arguments: CardArgument[];
  agreedBy: Readonly<Record<string, Agreement>>;
  history: HistoryEntry[];
  buildsOn: CardId | '';
  who: string;
  what: string;
  when: string;
  writtenBy: ParticipantId | '';
  writtenByName: string;
  /** For a joint card built from partner maps: where it came from (see compare/merge.ts). */
  origins: CardOrigin[];
  /** The group tag it was taken with: shared, complementary or tension. */
  tag: string;
}

export type MapSnapshot = {
  readonly columns: Readonly<Record<ColumnId, readonly CardSnapshot[]>>;
  readonly cardCount: number;
};

export function readCard(id: string, card: CardYMap): CardSnapshot | null {
  const column = readCardColumn(card);
  if (!column) return null;
  const fragment = getCardText(card);
  const blocks = fragment ? readBlocks(fragment) : [];
  const str = (key: string) => {
    const v = card.get(key);
    return typeof v === 'string' ? v : '';
  };
  const status = card.get('status');
  const createdAt = card.get('createdAt');
  const mapOf = (key: string): [string, unknown][] => {
    const m = card.get(key);
    return m instanceof Y.Map ? [...m.entries()] : [];
  };
  const history = card.get('history');
  const origins = card.get('origins');
  return {
    id: id as CardId,
    column,
    order: str('order'),
    author: str('author') as ParticipantId,
    authorName: str('authorName'),
    partner: str('partner') as PartnerId,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    status: isCardStatus(status) ? status : 'open',
    blocks,
    plainText: blocksToPlainText(blocks),
    supporters: mapOf('supporters')
      .filter(([, v]) => typeof v === 'object' && v !== null)
      .map(([id, v]) => ({ ...(v as Supporter), id }))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    arguments: mapOf('arguments')
      .map(([, v]) => v as CardArgument)
      .filter((a) => typeof a === 'object' && a !== null && (a.side === 'for' || a.side === 'against'))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    agreedBy: Object.fromEntries(mapOf('agreedBy').filter(([, v]) => typeof v === 'object' && v !== null)) as Record<string, Agreement>,
    history: history instanceof Y.Array ? (history.toArray() as HistoryEntry[]) : [],
    buildsOn: str('buildsOn') as CardId | '',
    who: str('who'),
    what: str('what'),
    when: str('when'),
    writtenBy: str('writtenBy') as ParticipantId | '',
    writtenByName: str('writtenByName'),
    origins: origins instanceof Y.Array ? (origins.toArray() as CardOrigin[]).filter((o) => typeof o === 'object' && o !== null) : [],
    tag: str('tag'),
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
