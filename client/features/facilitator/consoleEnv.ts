import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import type { DocName } from '../../../shared/protocol.js';
import { loadProjectorLink, rememberProjectorLink } from '../../lib/identity.js';
import { useSessionDoc, useWorkshop, useWorkshopDoc } from '../../workshop/hooks.js';
import type { Clock, HeldDoc } from '../../workshop/Workshop.js';

/**
 * What the console's panels work with, read from the page's workshop object (no context of its
 * own): the `session` document (only the facilitator writes it), the `workshop` document (who
 * joined), the server clock, a way to hold one more document, my token for the HTTP API, and the
 * projector link. The console renders its panels only once `session` and `workshop` are open.
 */
export interface ConsoleEnv {
  workshopId: WorkshopId;
  token: string;
  info: WorkshopInfo;
  sessionDoc: Y.Doc;
  workshopDoc: Y.Doc;
  clock: Clock;
  openDoc: (name: DocName) => HeldDoc;
  /** `/w/<id>/projector#<token>` when this browser knows it (it is handed out when the workshop is made). */
  projectorLink: string | null;
  /** A new projector link was made: remember and show it. */
  onProjectorLink: (path: string) => void;
}

const linkListeners = new Set<() => void>();
const subscribeLinks = (listener: () => void) => {
  linkListeners.add(listener);
  return () => linkListeners.delete(listener);
};

export function useConsoleEnv(): ConsoleEnv {
  const workshop = useWorkshop();
  const sessionDoc = useSessionDoc();
  const workshopDoc = useWorkshopDoc();
  const id = workshop.id;
  const projectorLink = useSyncExternalStore(subscribeLinks, () => loadProjectorLink(id));
  const onProjectorLink = useCallback(
    (path: string) => {
      rememberProjectorLink(id, path);
      linkListeners.forEach((l) => l());
    },
    [id],
  );
  const openDoc = useCallback((name: DocName) => workshop.openDoc(name), [workshop]);
  if (!sessionDoc || !workshopDoc) throw new Error('the console needs the session and workshop documents open');
  return {
    workshopId: id,
    token: workshop.token,
    info: workshop.info,
    sessionDoc,
    workshopDoc,
    clock: workshop.clock,
    openDoc,
    projectorLink,
    onProjectorLink,
  };
}
