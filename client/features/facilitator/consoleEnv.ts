import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import type { DocName } from '../../../shared/protocol.js';
import type { Identity } from '../../app/identity.js';
import type { Clock } from '../../app/serverClock.js';

/** A document opened on demand (a person's private cards), closed again with `destroy`. */
export interface OpenedDoc {
  doc: Y.Doc;
  destroy(): void;
  /** Resolves once the document has the server's state (absent: it already has it, as in tests). */
  whenSynced?: () => Promise<void>;
}

/**
 * What the console works with besides the map: the `session` document (only the facilitator writes it),
 * the `workshop` document (who joined), the server clock and a way to open one more document.
 * Tests build it around plain Y.Docs.
 */
export interface ConsoleEnv {
  workshopId: WorkshopId;
  identity: Identity;
  info: WorkshopInfo;
  sessionDoc: Y.Doc;
  workshopDoc: Y.Doc;
  clock: Clock;
  openDoc: (name: DocName) => OpenedDoc;
  /** `/w/<id>/projector#<token>` when this browser knows it (it is handed out when the workshop is made). */
  projectorLink: string | null;
  /** A new projector link was made: remember and show it (absent in read-only uses). */
  onProjectorLink?: (path: string) => void;
}

export const ConsoleEnvContext = createContext<ConsoleEnv | null>(null);

export function useConsoleEnv(): ConsoleEnv {
  const env = useContext(ConsoleEnvContext);
  if (!env) throw new Error('useConsoleEnv outside ConsoleEnvContext');
  return env;
}
