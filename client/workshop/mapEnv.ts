import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { MapReadModel } from '../../shared/readModel.js';
import type { DocName } from '../../shared/protocol.js';
import type { ConnectionSource } from '../collab/connectionState.js';
import { PresenceStore } from '../collab/presence.js';
import { createUndoManager, UndoState } from '../collab/undo.js';
import { holdsCards, parseDocName } from '../../shared/docName.js';

/**
 * Everything the map UI needs from one map-shaped document (`map:joint`, `map:<partner>`,
 * `drafts:<participant>`). Built and torn down by the workshop object; the features never see the
 * provider.
 */
export interface MapEnv {
  docName: DocName;
  doc: Y.Doc;
  readModel: MapReadModel;
  undoManager: Y.UndoManager;
  undoState: UndoState;
  /** Has the `awareness` property that CollaborationCaret expects from a provider. */
  awarenessHost: { awareness: Awareness };
  presence: PresenceStore;
  connection: ConnectionSource;
}

export function buildMapEnv(docName: DocName, doc: Y.Doc, awareness: Awareness, connection: ConnectionSource): MapEnv {
  const undoManager = createUndoManager(doc);
  return {
    docName,
    doc,
    readModel: new MapReadModel(doc),
    undoManager,
    undoState: new UndoState(undoManager),
    awarenessHost: { awareness },
    presence: new PresenceStore(awareness),
    connection,
  };
}

/** Stops observing the document (the document itself belongs to its connection). */
export function destroyMapEnv(env: MapEnv): void {
  env.presence.destroy();
  env.undoState.destroy();
  env.undoManager.destroy();
  env.readModel.destroy();
}

/** Map-shaped documents hold cards: the maps and everyone's private drafts. */
export function isMapShaped(name: DocName): boolean {
  const parsed = parseDocName(name);
  return parsed !== null && holdsCards(parsed);
}
