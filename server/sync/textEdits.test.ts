import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards, getCardText } from '../../shared/cardSchema.js';
import { createCard, deleteCard, moveCard, setCardPlainText } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import { textOnlyEdits } from './textEdits.js';
import { isRefusal, validateUpdate, type Accepted } from './updateValidation.js';

/**
 * The cheap path's first question ([G2], docs/decisions/0029): does an update do nothing but edit
 * card texts? Real Yjs documents: a server copy and a client that syncs with it; each client change
 * is validated exactly as the server does before it is asked.
 */
function setup() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const me = { author: '', authorName: 'Pia', partner: '' } as const;
  const a = createCard(client, { column: 'values', ...me, text: 'eerste' }, LOCAL_USER);
  const b = createCard(client, { column: 'values', ...me, text: 'tweede' }, LOCAL_USER);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  /** The client's next change as the server would see it: validated, not applied yet. */
  const change = (write: (doc: Y.Doc) => void): { accepted: Accepted; update: Uint8Array } => {
    const before = Y.encodeStateVector(client);
    write(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const owners = new Map([[client.clientID, 'pia']]);
    const verdict = validateUpdate(server, Y.decodeUpdate(update), {
      participantId: 'pia',
      owners,
      reserved: new Set([server.clientID]),
      maxNewClients: 4,
      maxStructs: 10_000,
    });
    if (isRefusal(verdict)) throw new Error(verdict.reason);
    return { accepted: verdict, update };
  };
  const paragraph = (id: string) => getCardText(getCards(client).get(id)!)!.get(0) as Y.XmlElement;
  const typeInto = (id: string, chars: string) => (doc: Y.Doc) =>
    doc.transact(() => {
      const t = paragraph(id).get(0) as Y.XmlText;
      t.insert(t.length, chars);
    }, LOCAL_USER);
  return { server, client, a, b, change, typeInto, paragraph };
}

describe('textOnlyEdits: an update that only edits card texts, read before it is applied', () => {
  it('[G2] typing in one card is a text edit of that card, with what it inserts', () => {
    const t = setup();
    const { accepted, update } = t.change(t.typeInto(t.a, 'abc'));
    const edits = textOnlyEdits(t.server, accepted)!;
    expect([...edits.keys()]).toEqual([t.a]);
    expect(edits.get(t.a)!.inserted).toBe(3);
    expect(edits.get(t.a)!.card).toBe(getCards(t.server).get(t.a));
    // Deleting characters and rewriting the whole text (new paragraphs) are text edits too.
    Y.applyUpdate(t.server, update);
    const removal = t.change((doc) => doc.transact(() => (t.paragraph(t.a).get(0) as Y.XmlText).delete(0, 2)));
    expect(textOnlyEdits(t.server, removal.accepted)?.get(t.a)?.inserted).toBe(0);
    Y.applyUpdate(t.server, removal.update);
    const rewrite = t.change((doc) => setCardPlainText(doc, t.b as never, 'nieuw', LOCAL_USER));
    expect([...(textOnlyEdits(t.server, rewrite.accepted)?.keys() ?? [])]).toEqual([t.b]);
  });

  it('[G2][K1][H2] a text edit that also writes a card field, moves, adds or deletes a card is not a text edit', () => {
    type Setup = ReturnType<typeof setup>;
    const withTyping = (t: Setup, doc: Y.Doc, more: () => void) =>
      doc.transact(() => {
        t.typeInto(t.a, 'x')(doc);
        more();
      }, LOCAL_USER);
    const sneaks: ((t: Setup, doc: Y.Doc) => void)[] = [
      (t, doc) => withTyping(t, doc, () => getCards(doc).get(t.a)!.set('status', 'agreed')),
      (t, doc) => withTyping(t, doc, () => getCards(doc).get(t.b)!.set('authorName', 'Iemand anders')),
      (t, doc) => withTyping(t, doc, () => moveCard(doc, t.a as never, 'steps', 0, LOCAL_USER)),
      (t, doc) =>
        withTyping(t, doc, () =>
          createCard(
            doc,
            { column: 'values', author: '', authorName: 'Pia', partner: '', text: 'nog een' },
            LOCAL_USER,
          ),
        ),
      (t, doc) => withTyping(t, doc, () => deleteCard(doc, t.b as never, LOCAL_USER)),
      // The text replaced by a new fragment: a card field, not an edit inside the text.
      (t, doc) => getCards(doc).get(t.a)!.set('text', new Y.XmlFragment()),
      // Another root of the document.
      (t, doc) => withTyping(t, doc, () => doc.getMap('groups').set('g', { tag: 'x' })),
    ];
    for (const sneak of sneaks) {
      const t = setup();
      const { accepted } = t.change((doc) => sneak(t, doc));
      expect(textOnlyEdits(t.server, accepted)).toBeNull();
    }
  });

  it("[G2] a text that is no longer its card's, or a card that was replaced, is not a text edit", () => {
    const t = setup();
    // The server replaced card a's text meanwhile (e.g. a restore); the client still types in the old one.
    const { accepted } = t.change(t.typeInto(t.a, 'x'));
    getCards(t.server).get(t.a)!.set('text', new Y.XmlFragment());
    expect(textOnlyEdits(t.server, accepted)).toBeNull();
  });
});
