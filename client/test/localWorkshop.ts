import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { WorkshopInfo } from '../../shared/api.js';
import type { DocName } from '../../shared/protocol.js';
import { staticConnection } from '../collab/connectionState.js';
import type { Connect, DocConnection } from '../collab/docConnection.js';
import { NoticeFeed } from '../collab/notices.js';
import type { Who } from '../workshop/me.js';
import { Workshop, type Clock } from '../workshop/Workshop.js';

const CONNECTED = staticConnection({ state: 'connected', reason: null, reconnecting: false });

/**
 * Documents in memory behind the `Connect` a workshop uses: no provider, no server. A document is
 * created on first use and kept after it closes, so a test can read and write it any time. `open`
 * lists what is open now, `log` everything ever opened (with `presence:` before documents opened
 * with my presence), `notices` feeds server notices into a document as the server would.
 */
export function localConnector(docs: Map<DocName, Y.Doc> = new Map()) {
  const open: DocName[] = [];
  const log: string[] = [];
  const feeds = new Map<DocName, NoticeFeed>();
  const docOf = (name: DocName) => {
    let doc = docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      docs.set(name, doc);
    }
    return doc;
  };
  const connect: Connect = (name, presence): DocConnection => {
    const doc = docOf(name);
    const awareness = new Awareness(doc);
    awareness.setLocalState(presence);
    const notices = new NoticeFeed();
    feeds.set(name, notices);
    open.push(name);
    log.push(presence ? `presence:${name}` : name);
    return {
      doc,
      awareness,
      connection: CONNECTED,
      notices,
      isSynced: () => true,
      whenSynced: () => Promise.resolve(),
      onWriteRefused: () => () => {},
      clearLocalCopy: () => Promise.resolve(),
      destroy() {
        open.splice(open.indexOf(name), 1);
        notices.destroy();
        awareness.destroy();
      },
    };
  };
  return { connect, docs, open, log, docOf, noticeFeed: (name: DocName) => feeds.get(name) };
}

export const TEST_PARTNERS = [
  { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
  { id: 'zorg', name: 'Zorg', color: '#a3341f' },
] as WorkshopInfo['partners'];

export function testInfo(overrides: Partial<WorkshopInfo> = {}): WorkshopInfo {
  return {
    id: 'w'.repeat(26) as WorkshopInfo['id'],
    title: 'Samen sterk',
    createdAt: 0,
    joinCode: 'K7M2QX',
    flow: 'joint',
    partners: TEST_PARTNERS,
    ...overrides,
  };
}

export const ANNA: Who = {
  participantId: 'p1',
  name: 'Anna',
  partner: 'gemeente',
  role: 'professional',
  access: 'participant',
};

/** A clock the test moves by hand. */
export function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

const live = new Set<Workshop>();

/** Destroys every workshop object a test made (client/test/setup.ts runs it after each test). */
export function destroyTestWorkshops(): void {
  for (const w of live) w.destroy();
  live.clear();
}

/** A workshop object over in-memory documents (for component tests); destroyed after the test. */
export function localWorkshop(
  options: { info?: WorkshopInfo; who?: Who; docs?: Map<DocName, Y.Doc>; clock?: Clock; clockOffsetMs?: number } = {},
) {
  const local = localConnector(options.docs);
  const offset = options.clockOffsetMs ?? 0;
  const workshop = new Workshop({
    info: options.info ?? testInfo(),
    who: options.who ?? ANNA,
    connect: local.connect,
    clock: options.clock ?? { now: () => Date.now() + offset },
  });
  live.add(workshop);
  return { workshop, ...local };
}
