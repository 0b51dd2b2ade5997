import * as Y from 'yjs';

/**
 * True when applying `update` would change nothing: every struct is already known and every deletion
 * already happened. Used to tell a read-only client's harmless resend from a real write attempt.
 */
export function addsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const struct of decoded.structs) {
    const have = known.get(struct.id.client) ?? 0;
    if (struct.id.clock + struct.length > have) return false;
  }
  const docDeletes = Y.createDeleteSetFromStructStore(doc.store);
  let checked = 0;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      // A huge range is not a harmless resend in practice; treating it as a write keeps this check cheap.
      checked += range.len;
      if (checked > 100_000) return false;
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (!Y.isDeleted(docDeletes, Y.createID(client, clock))) return false;
      }
    }
  }
  return true;
}
