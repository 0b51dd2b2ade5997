import { describe, expect, it } from 'vitest';
import { forgedFields, mayRemoveCard, type KnownPerson } from './authorship.js';
import { cardTextLength } from './cardLength.js';
import * as Y from 'yjs';
import { writePlainText } from './richText.js';

const anna: KnownPerson = { id: 'anna', name: 'Anna', partner: 'gemeente' };
const oma: KnownPerson = { id: 'oma', name: 'Oma Jansen', partner: 'zorg' };
const people = (id: string) => [anna, oma].find((p) => p.id === id) ?? null;
const own = { author: 'anna', authorName: 'Anna', partner: 'gemeente', writtenBy: '', writtenByName: '' };

describe('who a card is by', () => {
  it('[H1] own cards and cards written for a known person fit; names, strangers and other typists do not', () => {
    expect(forgedFields(own, anna, people)).toEqual([]);
    expect(forgedFields({ ...own, partner: '' }, anna, people)).toEqual([]);
    expect(forgedFields({ ...own, authorName: 'De Wethouder' }, anna, people)).toEqual(['authorName']);
    const forOma = {
      author: 'oma',
      authorName: 'Oma Jansen',
      partner: 'zorg',
      writtenBy: 'anna',
      writtenByName: 'Anna',
    };
    expect(forgedFields(forOma, anna, people)).toEqual([]);
    expect(forgedFields({ ...forOma, author: 'nobody' }, anna, people)).toEqual(['author']);
    expect(forgedFields({ ...forOma, writtenBy: 'oma' }, anna, people)).toContain('writtenBy');
    expect(forgedFields({ ...own, author: 'oma', authorName: 'Oma Jansen', partner: 'zorg' }, anna, people)).toEqual([
      'author',
      'authorName',
      'partner',
    ]);
  });

  it('[H3] a participant removes only their own cards (as author or typist); the facilitator any', () => {
    const who = { access: 'participant' as const, participantId: 'anna', partner: 'gemeente' };
    expect(mayRemoveCard({ author: 'anna', writtenBy: '' }, who)).toBe(true);
    expect(mayRemoveCard({ author: 'oma', writtenBy: 'anna' }, who)).toBe(true);
    expect(mayRemoveCard({ author: 'bram', writtenBy: '' }, who)).toBe(false);
    expect(mayRemoveCard({ author: '', writtenBy: '' }, who)).toBe(false);
    expect(mayRemoveCard({ author: 'bram', writtenBy: '' }, { ...who, access: 'facilitator' })).toBe(true);
  });

  it('[H4] the text length counts the characters of every text node, not the breaks between paragraphs', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('t');
    writePlainText(fragment, 'abc\ndef');
    expect(cardTextLength(fragment)).toBe(6);
  });
});
