import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canAgree, isStepClosed, missingForAgreement } from './agreement.js';
import {
  addArgument,
  appendHistory,
  HISTORY_MAX,
  removeArgument,
  setBuildsOn,
  setPartnerAgreement,
  setStepFields,
  setSupport,
} from './cardDetails.js';
import { DIALOGUE_RULES, FACILITATOR_PROMPTS } from './dialogue.js';
import type { CardId } from './ids.js';
import { createCard, updateCard } from './ops.js';
import { LOCAL_USER } from './origins.js';
import { computeParticipation, isContributor } from './participation.js';
import { readMap } from './readModel.js';

const anna = { id: 'anna' as never, name: 'Anna', partner: 'gemeente' as never };
const bram = { id: 'bram' as never, name: 'Bram', partner: 'buurt' as never };

function card(doc: Y.Doc, column: 'values' | 'steps' = 'values', author = anna) {
  return createCard(
    doc,
    { column, author: author.id, authorName: author.name, partner: author.partner, text: 'idee' },
    LOCAL_USER,
  );
}

describe('dialogue on a card', () => {
  it('[D1] support can be given and withdrawn, once per person', () => {
    const doc = new Y.Doc();
    const id = card(doc);
    setSupport(doc, id, anna, true, LOCAL_USER);
    setSupport(doc, id, anna, true, LOCAL_USER);
    setSupport(doc, id, bram, true, LOCAL_USER);
    expect(
      readMap(doc)
        .columns.values[0].supporters.map((s) => s.id)
        .sort(),
    ).toEqual(['anna', 'bram']);
    setSupport(doc, id, anna, false, LOCAL_USER);
    expect(readMap(doc).columns.values[0].supporters.map((s) => s.name)).toEqual(['Bram']);
  });

  it('[D2] arguments for and against, trimmed and capped; empty ones are refused; they can be removed', () => {
    const doc = new Y.Doc();
    const id = card(doc);
    const pro = addArgument(doc, id, 'for', '  goed voor iedereen  ', anna, LOCAL_USER)!;
    addArgument(doc, id, 'against', 'x'.repeat(1000), bram, LOCAL_USER);
    expect(addArgument(doc, id, 'for', '   ', anna, LOCAL_USER)).toBeNull();
    const args = readMap(doc).columns.values[0].arguments;
    expect(args.map((a) => [a.side, a.text.length]).sort()).toEqual([
      ['against', 280],
      ['for', 18],
    ]);
    expect(args.find((a) => a.side === 'for')?.text).toBe('goed voor iedereen');
    removeArgument(doc, id, pro, LOCAL_USER);
    expect(readMap(doc).columns.values[0].arguments.map((a) => a.side)).toEqual(['against']);
  });

  it('[D3] agreement per partner, build-on links and history', () => {
    const doc = new Y.Doc();
    const id = card(doc);
    setPartnerAgreement(doc, id, 'gemeente', anna, LOCAL_USER);
    setPartnerAgreement(doc, id, 'buurt', bram, LOCAL_USER);
    setPartnerAgreement(doc, id, 'buurt', null, LOCAL_USER);
    expect(Object.keys(readMap(doc).columns.values[0].agreedBy)).toEqual(['gemeente']);
    const next = createCard(
      doc,
      { column: 'values', author: '', authorName: 'B', partner: '', buildsOn: id },
      LOCAL_USER,
    );
    expect(readMap(doc).columns.values.find((c) => c.id === next)?.buildsOn).toBe(id);
    setBuildsOn(doc, next, '' as CardId, LOCAL_USER);
    expect(readMap(doc).columns.values.find((c) => c.id === next)?.buildsOn).toBe('');
    for (let i = 0; i < HISTORY_MAX + 5; i++)
      appendHistory(doc, id, { text: `v${i}`, by: 'anna', name: 'Anna', at: i }, LOCAL_USER);
    appendHistory(doc, id, { text: `v${HISTORY_MAX + 4}`, by: 'anna', name: 'Anna', at: 999 }, LOCAL_USER);
    const history = readMap(doc).columns.values.find((c) => c.id === id)!.history;
    expect(history).toHaveLength(HISTORY_MAX);
    expect(history[0].text).toBe('v5');
  });

  it('[G5] a step card needs who, what and when before it can be agreed; a step is closed when nothing is open', () => {
    const doc = new Y.Doc();
    const id = card(doc, 'steps');
    expect(missingForAgreement({ column: 'steps', who: '', what: 'x', when: ' ' })).toEqual(['who', 'when']);
    expect(canAgree({ column: 'values', who: '', what: '', when: '' })).toBe(true);
    expect(updateCard(doc, id, { status: 'agreed' }, LOCAL_USER)).toBe(false);
    expect(updateCard(doc, id, { status: 'parked' }, LOCAL_USER)).toBe(true);
    setStepFields(doc, id, { who: 'Anna', what: 'overleg plannen', when: 'maart' }, LOCAL_USER);
    expect(updateCard(doc, id, { status: 'agreed' }, LOCAL_USER)).toBe(true);
    const snap = readMap(doc).columns.steps[0];
    expect(snap).toMatchObject({ who: 'Anna', what: 'overleg plannen', when: 'maart', status: 'agreed' });
    expect(isStepClosed([])).toBe(false);
    expect(isStepClosed([{ status: 'agreed' }, { status: 'parked' }])).toBe(true);
    expect(isStepClosed([{ status: 'agreed' }, { status: 'open' }])).toBe(false);
  });

  it('[D4] participation counts cards, edits, support and arguments per person and partner, for the given steps', () => {
    const doc = new Y.Doc();
    const id = card(doc, 'values', anna);
    card(doc, 'steps', bram);
    setSupport(doc, id, bram, true, LOCAL_USER);
    appendHistory(doc, id, { text: 'eerder', by: 'bram', name: 'Bram', at: 1 }, LOCAL_USER);
    const p = computeParticipation(readMap(doc), ['values'], (person) => (person === 'bram' ? 'buurt' : 'gemeente'));
    expect(p.byPerson.get('anna')).toEqual({ cards: 1, edits: 0, support: 0, arguments: 0 });
    expect(p.byPerson.get('bram')).toEqual({ cards: 0, edits: 1, support: 1, arguments: 0 });
    expect(p.byPartner.get('buurt')).toEqual({ cards: 0, edits: 1, support: 1, arguments: 0 });
    expect(isContributor(p.byPerson.get('carla'))).toBe(false);
    expect(isContributor(p.byPerson.get('bram'))).toBe(true);
  });

  it('the five rules and the facilitator prompts exist in both languages', () => {
    expect(DIALOGUE_RULES.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    for (const item of [
      ...DIALOGUE_RULES.map((r) => r.text),
      ...DIALOGUE_RULES.map((r) => r.mechanism),
      ...FACILITATOR_PROMPTS.map((p) => p.text),
    ]) {
      expect(item.nl.trim()).not.toBe('');
      expect(item.en.trim()).not.toBe('');
    }
    expect(FACILITATOR_PROMPTS.map((p) => p.id)).toEqual(
      expect.arrayContaining(['why-important', 'when-success', 'who-when']),
    );
  });
});
