import * as Y from 'yjs';
import { getCard } from '../../shared/cardSchema.js';
import type { CardId } from '../../shared/ids.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';

/**
 * An agreed action (a step card with who, what and when, status agreed), written by the facilitator in
 * one change, as the console does after the group agreed. Optionally linked to the cards it serves.
 */
export function agreedAction(doc: Y.Doc, text: string, links: string[] = []): CardId {
  const id = createCard(doc, { column: 'steps', author: '', authorName: 'Begeleider', partner: '', text }, LOCAL_USER);
  const card = getCard(doc, id)!;
  doc.transact(() => {
    card.set('who', 'Wijkteam');
    card.set('what', text);
    card.set('when', 'voor de zomer');
    card.set('status', 'agreed');
    if (links.length) {
      const m = new Y.Map<unknown>();
      card.set('links', m);
      for (const l of links) m.set(l, { by: 'f', at: 1 });
    }
  }, LOCAL_USER);
  return id;
}
