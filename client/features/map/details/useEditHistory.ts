import { useEffect, useRef } from 'react';
import { appendHistory } from '../../../../shared/cardDetails.js';
import type { CardId } from '../../../../shared/ids.js';
import { useMapEnv } from '../currentMap.js';
import type { MapEnv } from '../../../workshop/mapEnv.js';
import { useMe, useDrafts } from '../../../workshop/hooks.js';
import { useColumnAccess } from '../session/useSession.js';
import { useMapUi } from '../uiStore.js';
import { DIALOGUE } from './origin.js';

/**
 * Rule 4 in the data: when an edit session ends and the text changed, the text from before the edit
 * goes into the card's history, with who changed it and when. Every way an edit ends counts (Klaar,
 * Escape, editing another card, the card moving from my drafts to the map, leaving the page).
 */
export function useEditHistory(): void {
  const editing = useMapUi((s) => s.editing);
  const env = useMapEnv();
  const drafts = useDrafts();
  const me = useMe();
  const { canWrite } = useColumnAccess();
  // The latest values without restarting the edit session when they change.
  const latest = useRef({ env, drafts, me, canWrite });
  latest.current = { env, drafts, me, canWrite };

  useEffect(() => {
    if (!editing) return;
    const before = textOf(editing, latest.current.env, latest.current.drafts);
    return () => {
      const { env: mapEnv, drafts: draftsEnv, me: person, canWrite: mayWrite } = latest.current;
      try {
        const owner = ownerOf(editing, mapEnv, draftsEnv);
        const card = owner?.readModel.getCard(editing);
        const after = card?.plainText;
        // In a step that just closed the server would undo the entry (and my text) anyway.
        if (!owner || !card || !mayWrite(card.column) || !before || after === before) return;
        appendHistory(
          owner.doc,
          editing,
          { text: before, by: person.participantId, name: person.name, at: Date.now() },
          DIALOGUE,
        );
      } catch {
        // The documents are already gone (the page is closing): nothing to keep.
      }
    };
  }, [editing]);
}

function ownerOf(id: CardId, env: MapEnv, drafts: MapEnv | null): MapEnv | null {
  if (env.readModel.getCard(id)) return env;
  if (drafts?.readModel.getCard(id)) return drafts;
  return null;
}

function textOf(id: CardId, env: MapEnv, drafts: MapEnv | null): string | undefined {
  return ownerOf(id, env, drafts)?.readModel.getCard(id)?.plainText;
}
