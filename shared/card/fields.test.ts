import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard, getCards } from '../cardSchema.js';
import { addArgument, appendHistory, setPartnerAgreement, setStepFields, setSupport } from '../cardDetails.js';
import { takeIntoJoint } from '../compare/merge.js';
import type { CardId, ParticipantId, PartnerId } from '../ids.js';
import { createCard, updateCard } from '../ops.js';
import { LOCAL_USER } from '../origins.js';
import { readCard } from '../readModel.js';
import { ARGUMENT_MAX, CARD_FIELD_NAMES, CARD_FIELDS, HISTORY_MAX, ORDER_KEY_MAX, STEP_FIELD_MAX } from './fields.js';
import { readCardField } from './read.js';
import { checkCard, checkCardField, checkCards } from './validate.js';

const who = { id: 'p1' as ParticipantId, name: 'Ada', partner: 'buurt' as PartnerId };

function fullCard(doc: Y.Doc): CardId {
  const id = createCard(
    doc,
    {
      column: 'steps',
      author: who.id,
      authorName: who.name,
      partner: who.partner,
      text: 'Koffie-ochtend',
      buildsOn: 'x1' as CardId,
      writtenBy: 'p2' as ParticipantId,
      writtenByName: 'Bo',
    },
    LOCAL_USER,
  );
  setSupport(doc, id, who, true, LOCAL_USER);
  addArgument(doc, id, 'for', 'goed idee', who, LOCAL_USER);
  setPartnerAgreement(doc, id, 'buurt', who, LOCAL_USER);
  setStepFields(doc, id, { who: 'Ada', what: 'uitnodigen', when: 'mei' }, LOCAL_USER);
  appendHistory(doc, id, { text: 'Koffie', by: who.id, name: who.name, at: 5 }, LOCAL_USER);
  updateCard(doc, id, { status: 'agreed' }, LOCAL_USER);
  return id;
}

describe('the card table', () => {
  it('[M12] lists every field the ops write; cards the ops build are valid by it, in maps and drafts', () => {
    const doc = new Y.Doc();
    const id = fullCard(doc);
    const joint = takeIntoJoint(
      doc,
      {
        column: 'values',
        text: 'samen',
        origins: [{ map: 'map:buurt', cardId: 'c1', partner: 'buurt', text: 'samen' }],
        author: 'f',
        authorName: 'F',
        tag: 'tension',
      },
      LOCAL_USER,
    );
    const card = getCard(doc, id)!;
    for (const key of [...card.keys(), ...getCard(doc, joint)!.keys()]) expect(CARD_FIELD_NAMES).toContain(key);
    expect(checkCards(getCards(doc) as Y.Map<unknown>, 'map')).toEqual([]);

    const drafts = new Y.Doc();
    const draft = createCard(
      drafts,
      { column: 'values', author: who.id, authorName: 'Ada', partner: who.partner, draftFor: 'map:buurt' },
      LOCAL_USER,
    );
    expect(checkCard(draft, getCard(drafts, draft), 'drafts')).toEqual([]);
    // The draft target belongs in drafts only; origins and tags on the maps only.
    expect(checkCard(draft, getCard(drafts, draft), 'map')).toEqual([
      { card: draft, field: 'map', reason: 'not-in-this-document' },
    ]);
    expect(
      checkCard(joint, getCard(doc, joint), 'drafts')
        .map((p) => p.field)
        .sort(),
    ).toEqual(['origins', 'tag']);
  });

  it('[M12] createCard writes exactly the create-time fields, with the defaults of the table', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { column: 'values', author: '', authorName: '', partner: '' }, LOCAL_USER);
    const card = getCard(doc, id)!;
    const onCreate = CARD_FIELD_NAMES.filter((n) => CARD_FIELDS[n].onCreate);
    expect([...card.keys()].sort()).toEqual([...onCreate].sort());
    expect(card.get('status')).toBe(CARD_FIELDS.status.default);
    expect(card.get('text')).toBeInstanceOf(Y.XmlFragment);
  });

  it('[M12] the snapshot has every field of the table (text as blocks, nested maps as lists)', () => {
    const doc = new Y.Doc();
    const id = fullCard(doc);
    const snap = readCard(id, getCard(doc, id)!)!;
    for (const name of CARD_FIELD_NAMES) if (name !== 'text' && name !== 'map') expect(snap).toHaveProperty(name);
    expect(snap).toMatchObject({
      status: 'agreed',
      who: 'Ada',
      buildsOn: 'x1',
      writtenByName: 'Bo',
      plainText: 'Koffie-ochtend',
    });
    expect(snap.supporters).toEqual([{ id: 'p1', name: 'Ada', partner: 'buurt', at: expect.any(Number) }]);
    expect(snap.arguments.map((a) => a.text)).toEqual(['goed idee']);
    expect(Object.keys(snap.agreedBy)).toEqual(['buurt']);
    expect(snap.history.map((h) => h.text)).toEqual(['Koffie']);
  });

  it('[M12] readers see a value that breaks the table as its default, and invalid nested entries not at all', () => {
    const doc = new Y.Doc();
    const id = fullCard(doc);
    const card = getCard(doc, id)!;
    doc.transact(() => {
      card.set('status', 'maybe');
      card.set('createdAt', 'yesterday');
      card.set('who', 'x'.repeat(STEP_FIELD_MAX + 1));
      (card.get('supporters') as Y.Map<unknown>).set('p9', { name: 'Eve' });
      (card.get('history') as Y.Array<unknown>).push(['not an entry']);
    });
    expect(readCardField(card, 'status')).toBe('open');
    expect(readCardField(card, 'createdAt')).toBe(0);
    expect(readCardField(card, 'who')).toBe('');
    expect(Object.keys(readCardField(card, 'supporters'))).toEqual(['p1']);
    expect(readCardField(card, 'history')).toHaveLength(1);
  });

  it('[M12] the checks name unknown fields, wrong types, too long values, too many entries and missing create-time fields', () => {
    const doc = new Y.Doc();
    const id = fullCard(doc);
    const card = getCard(doc, id)!;
    const check = (field: string) => checkCardField(id, card, field, 'map')?.reason ?? null;
    doc.transact(() => card.set('colour', 'red'));
    expect(check('colour')).toBe('unknown-field');
    doc.transact(() => card.set('order', 'a'.repeat(ORDER_KEY_MAX + 1)));
    expect(check('order')).toBe('invalid');
    doc.transact(() => card.set('text', 'plain string'));
    expect(check('text')).toBe('invalid');
    doc.transact(() => card.set('who', new Y.Map()));
    expect(check('who')).toBe('invalid');
    doc.transact(() => card.set('id', 'someone-else'));
    expect(check('id')).toBe('invalid');
    doc.transact(() => card.delete('column'));
    expect(check('column')).toBe('missing');
    doc.transact(() =>
      (card.get('arguments') as Y.Map<unknown>).set('a1', {
        id: 'a1',
        side: 'for',
        text: 'x'.repeat(ARGUMENT_MAX + 1),
        author: '',
        authorName: '',
        partner: '',
        at: 1,
      }),
    );
    expect(check('arguments')).toBe('invalid');
    const history = new Y.Array<unknown>();
    history.push(Array.from({ length: HISTORY_MAX + 1 }, (_, i) => ({ text: `t${i}`, by: '', name: '', at: i })));
    doc.transact(() => card.set('history', history));
    expect(check('history')).toBe('too-many');
    expect(checkCard('n', 'not a map', 'map')).toEqual([{ card: 'n', field: '', reason: 'not-a-card' }]);
  });
});
