import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER, SERVER } from '../../../shared/origins.js';
import { readMyScores, readMyVotes, setVote, writePartnerSpent } from '../../../shared/rounds/privateInputs.js';
import { readProjectorShows } from '../../../shared/projectorShows.js';
import { getRequests, getRoundRecords, readRequest } from '../../../shared/rounds/rounds.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { PrivateRounds, ProjectorRound, RoundsPanel } from './index.js';

const FACILITATOR = { participantId: 'f1', name: 'Begeleider', partner: '', role: '', access: 'facilitator' } as const;

/** What the server writes when it opens a round (the test stands in for the server). */
function serverOpens(session: Y.Doc, id: string, record: Record<string, unknown>) {
  session.transact(
    () =>
      getRoundRecords(session).set(id, {
        column: null,
        budget: 0,
        per: 'person',
        ownCards: true,
        openedAt: 1,
        closedAt: null,
        result: null,
        ...record,
      }),
    SERVER,
  );
}

function cardsOnTheJointMap(joint: Y.Doc) {
  const who = { author: 'p1' as never, authorName: 'Anna', partner: 'gemeente' as never };
  const other = { author: 'p2' as never, authorName: 'Bram', partner: 'zorg' as never };
  return {
    own: createCard(joint, { column: 'values', ...who, text: 'Mijn waarde' }, LOCAL_USER),
    a: createCard(joint, { column: 'values', ...other, text: 'Vertrouwen' }, LOCAL_USER),
    b: createCard(joint, { column: 'values', ...other, text: 'Eerlijkheid' }, LOCAL_USER),
  };
}

describe('a participant votes and gives scores on their phone', () => {
  it('[Q10] two cards with the same text are told apart by their code, on screen and in the button names', async () => {
    const docs = new Map<string, Y.Doc>([
      ['session', new Y.Doc()],
      ['map:joint', new Y.Doc()],
    ]);
    const cards = cardsOnTheJointMap(docs.get('map:joint')!);
    const other = { author: 'p2' as never, authorName: 'Bram', partner: 'zorg' as never };
    const twin = createCard(docs.get('map:joint')!, { column: 'values', ...other, text: 'Vertrouwen' }, LOCAL_USER);
    serverOpens(docs.get('session')!, 'r1', { kind: 'votes', column: 'values', budget: 3 });
    const view = renderInWorkshop(<PrivateRounds />, { docs: docs as never });
    const panel = await screen.findByTestId('votes.panel');
    // Map order: Mijn waarde (W1), Vertrouwen (W2), Eerlijkheid (W3), Vertrouwen (W4).
    expect(within(panel).getByTestId(`votes.card.${cards.a}`).textContent).toMatch(/^W2 Vertrouwen/);
    expect(within(panel).getByTestId(`votes.card.${twin}`).textContent).toMatch(/^W4 Vertrouwen/);
    expect(within(panel).getByRole('button', { name: 'Stem op: W2 Vertrouwen' })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Stem op: W4 Vertrouwen' }));
    expect(readMyVotes(view.docs.get('private:p1')!, 'r1')).toEqual({ [twin]: 1 });
    // A card whose text no other card has keeps its plain name.
    expect(within(panel).queryAllByTestId('votes.code')).toHaveLength(2);
    expect(within(panel).getByRole('button', { name: 'Stem op: Eerlijkheid' })).toBeTruthy();
  });

  it('[Q2][Q3][Q7] votes go into my private document with buttons named by the card; the budget and my own card stop the + button', async () => {
    const docs = new Map<string, Y.Doc>([
      ['session', new Y.Doc()],
      ['map:joint', new Y.Doc()],
    ]);
    const cards = cardsOnTheJointMap(docs.get('map:joint')!);
    serverOpens(docs.get('session')!, 'r1', { kind: 'votes', column: 'values', budget: 2, ownCards: false });
    const view = renderInWorkshop(<PrivateRounds />, { docs: docs as never });
    const panel = await screen.findByTestId('votes.panel');
    expect(within(panel).getByTestId('votes.left').textContent).toBe('Nog 2 stemmen over');
    const plus = within(panel).getByRole('button', { name: 'Stem op: Vertrouwen' });
    fireEvent.click(plus);
    fireEvent.click(within(panel).getByRole('button', { name: 'Stem op: Vertrouwen' }));
    const mine = view.docs.get('private:p1')!;
    expect(readMyVotes(mine, 'r1')).toEqual({ [cards.a]: 2 });
    expect(within(panel).getByTestId('votes.left').textContent).toBe('Nog 0 stemmen over');
    expect(within(panel).getByRole('button', { name: 'Stem op: Eerlijkheid' })).toHaveProperty('disabled', true);
    expect(within(panel).getByRole('button', { name: 'Stem op: Mijn waarde' })).toHaveProperty('disabled', true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Stem terug van: Vertrouwen' }));
    expect(readMyVotes(mine, 'r1')).toEqual({ [cards.a]: 1 });
    // Nothing about my votes went into the shared documents.
    expect(JSON.stringify(docs.get('session')!.toJSON())).not.toContain(cards.a);
  });

  it('[Q8] a budget per partner: the votes my partner has left follow what the server counts for my colleagues, live', async () => {
    const docs = new Map<string, Y.Doc>([
      ['session', new Y.Doc()],
      ['map:joint', new Y.Doc()],
    ]);
    cardsOnTheJointMap(docs.get('map:joint')!);
    serverOpens(docs.get('session')!, 'r1', { kind: 'votes', column: 'values', budget: 5, per: 'partner' });
    const view = renderInWorkshop(<PrivateRounds />, { docs: docs as never });
    const panel = await screen.findByTestId('votes.panel');
    const left = () => within(panel).getByTestId('votes.left').textContent;
    expect(left()).toBe('Jouw partner heeft nog 5 stemmen over (van 5) · Jij gaf er 0');
    fireEvent.click(within(panel).getByRole('button', { name: 'Stem op: Vertrouwen' }));
    expect(left()).toBe('Jouw partner heeft nog 4 stemmen over (van 5) · Jij gaf er 1');
    // A colleague votes: the server writes their count into my own document (only a number).
    const mine = view.docs.get('private:p1')!;
    act(() => writePartnerSpent(mine, 'r1', 3, SERVER));
    expect(left()).toBe('Jouw partner heeft nog 1 stem over (van 5) · Jij gaf er 1');
    act(() => writePartnerSpent(mine, 'r1', 4, SERVER));
    expect(left()).toBe('Jouw partner heeft nog 0 stemmen over (van 5) · Jij gaf er 1');
    // The partner's budget is spent: + is off everywhere, taking back is still possible.
    expect(within(panel).getByRole('button', { name: 'Stem op: Eerlijkheid' })).toHaveProperty('disabled', true);
    expect(within(panel).getByRole('button', { name: 'Stem terug van: Vertrouwen' })).toHaveProperty('disabled', false);
  });

  it('[Y2] a check-in: two scores by radio buttons and one word, saved in my private document', async () => {
    const docs = new Map<string, Y.Doc>([['session', new Y.Doc()]]);
    serverOpens(docs.get('session')!, 'c1', { kind: 'checkin' });
    const view = renderInWorkshop(<PrivateRounds />, { docs: docs as never });
    const form = await screen.findByTestId('scores.panel');
    const klik = within(form).getByRole('group', { name: /De klik/ });
    const taak = within(form).getByRole('group', { name: /De taak/ });
    fireEvent.click(within(klik).getByLabelText('7'));
    fireEvent.click(within(taak).getByLabelText('5'));
    fireEvent.change(within(form).getByLabelText('Eén woord (mag leeg)'), { target: { value: 'hoopvol' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewaar' }));
    expect(readMyScores(view.docs.get('private:p1')!, 'c1')).toEqual({ klik: 7, taak: 5, word: 'hoopvol' });
    expect(await within(form).findByText(/Bewaard/)).toBeTruthy();
  });
});

describe('the facilitator runs rounds', () => {
  it('[Q1][Y1] the console asks the server to open and close rounds; the facilitator never opens a private document', async () => {
    const docs = new Map<string, Y.Doc>([['session', new Y.Doc()]]);
    const view = renderInWorkshop(<RoundsPanel />, { docs: docs as never, who: FACILITATOR });
    fireEvent.change(await screen.findByLabelText('Stemmen'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open stemronde' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open check-in' }));
    const session = docs.get('session')!;
    const requests = [...getRequests(session).values()].map(readRequest);
    expect(requests).toEqual([
      { kind: 'votes', column: 'values', budget: 5, per: 'person', ownCards: false, closed: false },
      { kind: 'checkin', column: '', budget: 0, per: 'person', ownCards: true, closed: false },
    ]);
    const [voteId] = [...getRequests(session).keys()];
    act(() => serverOpens(session, voteId, { kind: 'votes', column: 'values', budget: 5 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sluit ronde en tel' }));
    expect(readRequest(getRequests(session).get(voteId))?.closed).toBe(true);
    expect(view.log.some((name) => name.includes('private:'))).toBe(false);
  });

  it('[Q5][Y4] closed results in the console, and on the projector only when the facilitator shows them', async () => {
    const docs = new Map<string, Y.Doc>([
      ['session', new Y.Doc()],
      ['map:joint', new Y.Doc()],
    ]);
    const cards = cardsOnTheJointMap(docs.get('map:joint')!);
    const session = docs.get('session')!;
    serverOpens(session, 'r1', {
      kind: 'votes',
      column: 'values',
      budget: 3,
      closedAt: 2,
      result: { kind: 'votes', totals: { [cards.a]: 2, [cards.b]: 5 }, voters: 3 },
    });
    serverOpens(session, 'c1', {
      kind: 'checkin',
      closedAt: 3,
      result: { kind: 'scores', answered: 2, overall: null, perPartner: {}, words: [] },
    });
    renderInWorkshop(
      <>
        <RoundsPanel />
        <ProjectorRound floor={18} />
      </>,
      { docs: docs as never, who: FACILITATOR },
    );
    const list = await screen.findByTestId('votes.result');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '5 stemmen Eerlijkheid',
      '2 stemmen Vertrouwen',
    ]);
    expect(screen.getByTestId('scores.tooFew')).toBeTruthy();
    expect(screen.queryByTestId('projector.round')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Toon op scherm: Uitslag stemronde: Waarden' }));
    expect(readProjectorShows(session)).toEqual({ kind: 'round', roundId: 'r1' });
    expect(within(await screen.findByTestId('projector.round')).getByText(/Eerlijkheid/)).toBeTruthy();
  });
});

// The participant's private document is theirs: a vote written elsewhere does not show in my panel.
it('[Q1] my panel reads only my own private document', async () => {
  const docs = new Map<string, Y.Doc>([
    ['session', new Y.Doc()],
    ['map:joint', new Y.Doc()],
    ['private:p2', new Y.Doc()],
  ]);
  const cards = cardsOnTheJointMap(docs.get('map:joint')!);
  serverOpens(docs.get('session')!, 'r1', { kind: 'votes', column: 'values', budget: 3 });
  setVote(docs.get('private:p2')!, 'r1', cards.a, 3, LOCAL_USER);
  renderInWorkshop(<PrivateRounds />, { docs: docs as never });
  expect((await screen.findByTestId('votes.left')).textContent).toBe('Nog 3 stemmen over');
});
