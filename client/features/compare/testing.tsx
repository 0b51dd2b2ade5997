import * as Y from 'yjs';
import type { WorkshopInfo } from '../../../shared/api.js';
import type { ColumnId } from '../../../shared/columns.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import type { Partner } from '../../../shared/partners.js';
import type { DocName, PresenceState } from '../../../shared/protocol.js';
import { createLocalMapEnv, type MapEnv } from '../../collab/mapEnv.js';
import type { CompareIO } from './io.js';

/** Test fixtures for the partners-first screens: plain Y.Docs behind CompareIO, no provider, no server. */

export const WORKSHOP_ID = 'p'.repeat(26) as WorkshopId;

export const PARTNERS: Partner[] = [
  { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
  { id: 'zorg', name: 'Zorg', color: '#a3341f' },
] as Partner[];

export const INFO: WorkshopInfo = {
  id: WORKSHOP_ID,
  title: 'Samen sterk',
  createdAt: 0,
  joinCode: 'K7M2QX',
  flow: 'partners-first',
  partners: PARTNERS,
};

/** A card on a map as its author would write it (seeded, so it is not in anyone's undo history). */
export function addCard(doc: Y.Doc, partner: string, text: string, column: ColumnId = 'values', createdAt?: number) {
  return createCard(doc, { column, author: `a-${partner}` as never, authorName: `Iemand van ${partner}`, partner: partner as never, text, createdAt }, SEED);
}

function teardown(env: MapEnv) {
  // Like destroyMapEnv, but the document stays: the test keeps reading it.
  env.notices.destroy();
  env.presence.destroy();
  env.undoState.destroy();
  env.undoManager.destroy();
  env.readModel.destroy();
}

/**
 * CompareIO over a set of named documents (created on first use). `open` lists what is open now,
 * `log` everything ever opened, with `edit:` before maps opened to work in.
 */
export function localIO(docs: Map<DocName, Y.Doc> = new Map()) {
  const open: string[] = [];
  const log: string[] = [];
  const docOf = (name: DocName) => {
    let doc = docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      docs.set(name, doc);
    }
    return doc;
  };
  const remove = (entry: string) => {
    const i = open.indexOf(entry);
    if (i >= 0) open.splice(i, 1);
  };
  const io: CompareIO = {
    openDoc: (name) => {
      open.push(name);
      log.push(name);
      return { doc: docOf(name), destroy: () => remove(name) };
    },
    openMapEnv: (name, user: PresenceState['user']) => {
      const entry = `edit:${name}`;
      open.push(entry);
      log.push(entry);
      const env: MapEnv = { ...createLocalMapEnv(docOf(name), user), docName: name };
      return {
        env,
        destroy: () => {
          remove(entry);
          teardown(env);
        },
      };
    },
  };
  return { io, docs, open, log, docOf };
}
