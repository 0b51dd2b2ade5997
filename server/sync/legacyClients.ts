import * as Y from 'yjs';
import { getCards } from '../../shared/cardSchema.js';

/**
 * Who wrote under a Yjs client id the document holds without a binding (T1, T15): data from before
 * client ids were bound (0012) has none. A tab or offline copy from that time still writes under such
 * an id; refusing it would throw its unsent edits away. The id is bound to a participant only when
 * the document itself says it was theirs: every card created under it names them as its writer
 * (`writtenBy` when someone wrote for another, else `author`), and there is at least one. Ids that
 * created no card (or cards of several people, or the server's own earlier ids) stay unbound, and a
 * write under them is refused as before (the client then starts afresh, 0008).
 */
export function legacyWriterOf(doc: Y.Doc, client: number): string | null {
  const structs = doc.store.clients.get(client);
  if (!structs) return null;
  const cards = getCards(doc) as unknown as Y.AbstractType<unknown>;
  let writer: string | null = null;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.deleted || s.parent !== cards) continue;
    if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Map)) continue;
    const card = s.content.type as Y.Map<unknown>;
    const by = card.get('writtenBy') || card.get('author');
    if (typeof by !== 'string' || !by) return null;
    if (writer !== null && writer !== by) return null;
    writer = by;
  }
  return writer;
}
