import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { MapReadModel } from '../../shared/readModel.js';
import type { DocName, PresenceState } from '../../shared/protocol.js';
import { staticConnection, type ConnectionSource } from './connectionState.js';
import { NoticeFeed } from './notices.js';
import { PresenceStore } from './presence.js';
import { createUndoManager, UndoState } from './undo.js';

/**
 * Everything the map UI needs from one map document. The features never see the provider:
 * tests build this around a plain Y.Doc with `createLocalMapEnv`.
 */
export interface MapEnv {
  doc: Y.Doc;
  readModel: MapReadModel;
  undoManager: Y.UndoManager;
  undoState: UndoState;
  /** Has the `awareness` property that CollaborationCaret expects from a provider. */
  awarenessHost: { awareness: Awareness };
  presence: PresenceStore;
  connection: ConnectionSource;
  notices: NoticeFeed;
  /** The document this env holds (`map:joint`, `map:<partner>`…), when opened by name; absent: the joint map. */
  docName?: DocName;
}

export function buildMapEnv(
  doc: Y.Doc,
  awareness: Awareness,
  connection: ConnectionSource,
  notices: NoticeFeed = new NoticeFeed(),
): MapEnv {
  const undoManager = createUndoManager(doc);
  return {
    doc,
    readModel: new MapReadModel(doc),
    undoManager,
    undoState: new UndoState(undoManager),
    awarenessHost: { awareness },
    presence: new PresenceStore(awareness),
    connection,
    notices,
  };
}

/** Tear down in reverse: announce leaving while the provider still listens, then stop observing. */
export function destroyMapEnv(env: MapEnv, beforeDocDestroy?: () => void): void {
  const { awareness } = env.awarenessHost;
  removeAwarenessStates(awareness, [env.doc.clientID], 'left');
  beforeDocDestroy?.();
  env.notices.destroy();
  env.presence.destroy();
  env.undoState.destroy();
  env.undoManager.destroy();
  env.readModel.destroy();
  awareness.destroy();
  env.doc.destroy();
}

export function createLocalMapEnv(doc: Y.Doc = new Y.Doc(), user?: PresenceState['user']): MapEnv {
  const awareness = new Awareness(doc);
  if (user) awareness.setLocalState({ user, editing: null } satisfies PresenceState);
  return buildMapEnv(doc, awareness, staticConnection({ state: 'connected', reason: null, reconnecting: false }));
}
