import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER, SERVER } from '../../../shared/origins.js';
import { setSupport } from '../../../shared/cardDetails.js';
import { readSession, setSessionPlan, setPhase, stopGuiding } from '../../../shared/session.js';
import { putMeeting, startMeeting } from '../../../shared/trajectory.js';
import { markParticipantRemoved } from '../../../shared/workshopDoc.js';
import { fakeApi, type ApiCall, type ApiReply } from '../../test/fakeApi.js';
import { tabsFor } from './consoleTabs.js';
import { manualClock, participant, renderConsole, showPresent, WORKSHOP_ID } from '../../test/consoleHarness.js';

let calls: ApiCall[] = [];
let reply: (call: ApiCall) => ApiReply = () => ({ status: 404, body: { error: 'not_found', message: '' } });

beforeEach(() => {
  calls = fakeApi((call) => reply(call)).calls;
});

const session = (doc: Y.Doc) => readSession(doc);
const setup = () => userEvent.setup();

describe('console: plan and steps', () => {
  it('starts guiding with the chosen mode; in short mode the next step opens steps 2–5 together', async () => {
    const c = renderConsole();
    const user = setup();
    expect(screen.getByTestId('console')).toContainElement(screen.getByTestId('map'));
    expect(session(c.sessionDoc).guided).toBe(false);

    await user.selectOptions(screen.getByTestId('console.plan.mode'), 'short');
    await user.click(screen.getByTestId('console.plan.start'));
    expect(session(c.sessionDoc)).toMatchObject({ guided: true, mode: 'short', direction: 'rtl', active: ['values'] });
    expect(screen.getByTestId('console.status.step')).toHaveTextContent('Stap 1 · Waarden');

    const next = screen.getByTestId('console.nextStep');
    expect(next).toHaveTextContent('Stappen 2–5');
    await user.click(next);
    expect(session(c.sessionDoc).active).toEqual(['relations', 'actions', 'conditions', 'steps']);
    // The last step of the plan has no next step.
    expect(screen.getByTestId('console.nextStep')).toBeDisabled();
    c.cleanup();
  });

  it('[J3] the header and the tab Traject say where the workshop is now in the same words', async () => {
    const c = renderConsole();
    const user = setup();
    const header = () => screen.getByTestId('console.status.step').textContent ?? '';
    const sameInTraject = () => expect(screen.getByTestId('trajectory.now').textContent).toContain(header());
    expect(header()).toBe('Nu: nog niet gestart. Alle kolommen staan open.');
    sameInTraject();
    await user.click(screen.getByTestId('console.plan.start'));
    expect(header()).toBe('Nu: Stap 1 · Waarden');
    sameInTraject();
    const meeting = { id: 'm1', n: 1, date: '2027-03-01', goal: '', steps: ['values' as const] };
    act(() => {
      putMeeting(c.sessionDoc, meeting, LOCAL_USER);
      startMeeting(c.sessionDoc, meeting.id, LOCAL_USER);
    });
    expect(header()).toBe('Nu: bijeenkomst 1 – Samen de kaart vullen · Stap 1 · Waarden');
    sameInTraject();
    act(() => stopGuiding(c.sessionDoc, LOCAL_USER));
    expect(header()).toBe('Nu: bijeenkomst 1 – Samen de kaart vullen · alle kolommen staan open');
    sameInTraject();
    c.cleanup();
  });

  it('each step separately goes 1 → 2; left to right starts at Acties', async () => {
    const c = renderConsole();
    const user = setup();
    await user.click(screen.getByTestId('console.plan.start'));
    expect(session(c.sessionDoc).active).toEqual(['values']);
    await user.click(screen.getByTestId('console.nextStep'));
    expect(session(c.sessionDoc).active).toEqual(['relations']);
    await user.click(screen.getByTestId('console.prevStep'));
    expect(session(c.sessionDoc).active).toEqual(['values']);

    await user.selectOptions(screen.getByTestId('console.plan.direction'), 'ltr');
    await user.click(screen.getByTestId('console.plan.restart'));
    expect(session(c.sessionDoc)).toMatchObject({ direction: 'ltr', active: ['steps'] });
    await user.click(screen.getByTestId('console.nextStep'));
    expect(session(c.sessionDoc).active).toEqual(['conditions']);
    c.cleanup();
  });

  it('changing the plan on the way keeps the current step', async () => {
    const c = renderConsole();
    const user = setup();
    await user.click(screen.getByTestId('console.plan.start'));
    await user.click(screen.getByTestId('console.nextStep'));
    await user.selectOptions(screen.getByTestId('console.plan.mode'), 'free');
    await user.click(screen.getByTestId('console.plan.start'));
    expect(session(c.sessionDoc)).toMatchObject({ mode: 'free', active: ['relations'] });
    expect(screen.getByTestId('console.nextStep')).toBeDisabled();
    c.cleanup();
  });

  it('chooses active columns freely, reopens a closed column and stops guiding', async () => {
    const c = renderConsole();
    const user = setup();
    expect(screen.queryByTestId('console.activeColumn.values')).toBeNull();
    await user.click(screen.getByTestId('console.plan.start'));
    await user.click(screen.getByTestId('console.activeColumn.actions'));
    expect(session(c.sessionDoc).active).toEqual(['values', 'actions']);
    await user.click(screen.getByTestId('console.activeColumn.values'));
    expect(session(c.sessionDoc).active).toEqual(['actions']);

    // Values is closed for participants now: open it again, then close it again.
    expect(within(screen.getByTestId('console.column.values')).getByText(/dicht voor deelnemers/)).toBeInTheDocument();
    await user.click(screen.getByTestId('console.reopen.values'));
    expect(session(c.sessionDoc).reopened).toEqual(['values']);
    expect(
      within(screen.getByTestId('console.column.values')).getByText(/weer open voor deelnemers/),
    ).toBeInTheDocument();
    await user.click(screen.getByTestId('console.reopen.values'));
    expect(session(c.sessionDoc).reopened).toEqual([]);

    await user.click(screen.getByTestId('console.stopGuiding'));
    expect(session(c.sessionDoc).guided).toBe(false);
    c.cleanup();
  });

  it('shows per column the number of cards and whether the step is closed', async () => {
    const c = renderConsole();
    act(() => {
      createCard(
        c.mapDoc,
        {
          column: 'values',
          author: 'p1',
          authorName: 'Anna',
          partner: 'gemeente',
          text: 'Een',
          status: 'agreed',
        } as never,
        LOCAL_USER,
      );
      createCard(
        c.mapDoc,
        {
          column: 'values',
          author: 'p1',
          authorName: 'Anna',
          partner: 'gemeente',
          text: 'Twee',
          status: 'parked',
        } as never,
        LOCAL_USER,
      );
      createCard(
        c.mapDoc,
        { column: 'relations', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'Drie' } as never,
        LOCAL_USER,
      );
    });
    expect(screen.getByTestId('console.column.values.status')).toHaveTextContent('Klaar');
    expect(screen.getByTestId('console.column.relations.status')).toHaveTextContent('nog 1 open');
    expect(screen.getByTestId('console.column.actions.status')).toHaveTextContent('Nog leeg');
    expect(screen.getByTestId('console.column.values')).toHaveTextContent('2 kaarten');
    c.cleanup();
  });
});

describe('console: writing alone first', () => {
  it('the private phase needs a started plan; "show everything at once" asks first', async () => {
    const c = renderConsole();
    const user = setup();
    expect(screen.getByTestId('console.phase.private')).toBeDisabled();
    await user.click(screen.getByTestId('console.plan.start'));
    await user.click(screen.getByTestId('console.phase.private'));
    expect(session(c.sessionDoc).phase).toBe('private');
    expect(screen.getByTestId('console.status')).toHaveTextContent('Iedereen schrijft eerst alleen');

    await user.click(screen.getByTestId('console.reveal'));
    expect(session(c.sessionDoc).revealSeq).toBe(0);
    const question = screen.getByTestId('console.reveal.question');
    expect(question).toHaveTextContent('tegelijk op de kaart');
    await waitFor(() => expect(question.querySelector('p')).toHaveFocus());
    await user.click(screen.getByTestId('console.reveal.cancel'));
    expect(session(c.sessionDoc)).toMatchObject({ revealSeq: 0, phase: 'private' });
    await waitFor(() => expect(screen.getByTestId('console.reveal')).toHaveFocus());

    await user.click(screen.getByTestId('console.reveal'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('console.reveal.question')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('console.reveal')).toHaveFocus());
    expect(session(c.sessionDoc).revealSeq).toBe(0);

    await user.click(screen.getByTestId('console.reveal'));
    await user.click(screen.getByTestId('console.reveal.confirm'));
    expect(session(c.sessionDoc)).toMatchObject({ revealSeq: 1, phase: 'together' });
    expect(screen.getByText('Alle kaarten staan nu op de kaart.')).toBeInTheDocument();
    c.cleanup();
  });

  it("opens one person's private cards only on demand, and closes them again", async () => {
    const c = renderConsole({
      participants: [participant('p1', 'Anna', 'gemeente', 1), participant('p2', 'Bram', 'zorg', 2)],
    });
    const draft = new Y.Doc();
    createCard(
      draft,
      { column: 'values', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'Mijn eigen idee' } as never,
      LOCAL_USER,
    );
    c.drafts.set('drafts:p1', draft);
    act(() => {
      setSessionPlan(c.sessionDoc, { mode: 'separate' }, LOCAL_USER);
      setPhase(c.sessionDoc, 'private', LOCAL_USER);
    });
    expect(c.opened).toEqual([]);
    const user = setup();
    const [anna] = screen.getAllByTestId('console.drafts.open');
    await user.click(anna);
    expect(c.opened).toEqual(['drafts:p1']);
    expect(screen.getByTestId('console.drafts')).toHaveTextContent('Anna heeft 1 kaart die de anderen nog niet zien.');
    expect(screen.getByTestId('console.drafts')).toHaveTextContent('Mijn eigen idee');
    await user.click(screen.getAllByTestId('console.drafts.open')[1]);
    expect(c.opened).toEqual(['drafts:p2']);
    await user.click(screen.getAllByTestId('console.drafts.open')[1]);
    expect(c.opened).toEqual([]);
    c.cleanup();
  });
});

describe('console: timer', () => {
  it('sets, starts, pauses, adds a minute and clears, in server time', async () => {
    const clock = manualClock(1_000_000);
    const c = renderConsole({ clock });
    const user = setup();
    // Without a time there is nothing to start, pause or clear: those buttons come with the time.
    expect(screen.queryByTestId('console.timer.start')).toBeNull();
    expect(screen.queryByTestId('console.timer.clear')).toBeNull();
    const minutes = screen.getByTestId('console.timer.minutes');
    await user.clear(minutes);
    await user.type(minutes, '5');
    await user.click(screen.getByTestId('console.timer.set'));
    expect(session(c.sessionDoc).timer).toEqual({ durationMs: 300_000, endsAt: null, remainingMs: 300_000 });
    expect(screen.getByTestId('console.timer.display')).toHaveTextContent('5:00');

    await user.click(screen.getByTestId('console.timer.start'));
    expect(session(c.sessionDoc).timer).toEqual({ durationMs: 300_000, endsAt: 1_300_000, remainingMs: 300_000 });
    expect(screen.getByTestId('console.timer.start')).toBeDisabled();

    clock.advance(100_000);
    await user.click(screen.getByTestId('console.timer.pause'));
    expect(session(c.sessionDoc).timer).toEqual({ durationMs: 300_000, endsAt: null, remainingMs: 200_000 });
    expect(screen.getByTestId('console.timer.display')).toHaveTextContent('3:20');

    await user.click(screen.getByTestId('console.timer.addMinute'));
    expect(session(c.sessionDoc).timer).toMatchObject({ durationMs: 360_000, remainingMs: 260_000 });
    expect(screen.getByTestId('console.timer.display')).toHaveTextContent('4:20');

    await user.click(screen.getByTestId('console.timer.clear'));
    expect(session(c.sessionDoc).timer).toBeNull();
    expect(screen.queryByTestId('console.timer.start')).toBeNull();
    c.cleanup();
  });

  it('refuses a number of minutes it cannot use', async () => {
    const c = renderConsole();
    const user = setup();
    const minutes = screen.getByTestId('console.timer.minutes');
    await user.clear(minutes);
    await user.type(minutes, 'tien');
    await user.click(screen.getByTestId('console.timer.set'));
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(minutes).toHaveAccessibleDescription(/van 1 tot 180/);
    expect(session(c.sessionDoc).timer).toBeNull();
    c.cleanup();
  });
});

describe('console: dialogue rules and prompts', () => {
  it('puts one rule and one prompt on the projector, and takes them off with "Niets tonen"', async () => {
    const c = renderConsole();
    const user = setup();
    await user.click(screen.getByTestId('console.tab.dialogue'));
    expect(screen.getByText(/Je ziet per persoon en per partner wie al iets heeft bijgedragen/)).toBeInTheDocument();
    await user.click(screen.getByTestId('console.rule.2'));
    expect(session(c.sessionDoc).rule).toBe(2);
    expect(screen.getByTestId('console.rule.2')).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByTestId('console.prompt.why-important'));
    expect(session(c.sessionDoc).prompt).toBe('why-important');
    expect(screen.getByTestId('console.status')).toHaveTextContent('Waarom is dat belangrijk voor je?');
    await user.click(screen.getByTestId('console.prompt.who-when'));
    expect(session(c.sessionDoc).prompt).toBe('who-when');
    await user.click(screen.getByTestId('console.prompt.clear'));
    expect(session(c.sessionDoc)).toMatchObject({ rule: null, prompt: null });
    c.cleanup();
  });
});

describe('console: participation (rule 2)', () => {
  const people = [
    participant('p2', 'Bram', 'zorg', 1),
    participant('p1', 'Anna', 'gemeente', 2),
    participant('p3', 'Cas', 'gemeente', 3),
    participant('f1', 'Begeleider', '', 0, { access: 'facilitator', role: 'facilitator' }),
  ];

  it('counts per person and per partner for the current step and lists who has not contributed yet', async () => {
    const c = renderConsole({ participants: people });
    const user = setup();
    act(() => {
      setSessionPlan(c.sessionDoc, { mode: 'separate' }, LOCAL_USER);
      const id = createCard(
        c.mapDoc,
        { column: 'values', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'Samen' } as never,
        LOCAL_USER,
      );
      setSupport(c.mapDoc, id, { id: 'p3', name: 'Cas', partner: 'gemeente' } as never, true, LOCAL_USER);
      // Another step does not count for this one.
      createCard(
        c.mapDoc,
        { column: 'relations', author: 'p2', authorName: 'Bram', partner: 'zorg', text: 'Later' } as never,
        LOCAL_USER,
      );
    });
    await user.click(screen.getByTestId('console.tab.participation'));
    const notYet = screen.getByTestId('console.notContributed');
    expect(
      within(notYet)
        .getAllByTestId('console.notContributed.person')
        .map((li) => li.textContent),
    ).toEqual(['Bram · Zorg (niet aanwezig)']);
    const perPerson = screen.getByTestId('console.participation.people');
    expect(within(perPerson).getByRole('row', { name: /Anna/ })).toHaveTextContent('Anna1000');
    expect(within(perPerson).getByRole('row', { name: /Cas/ })).toHaveTextContent('Cas0010');
    expect(within(perPerson).queryByText('Begeleider')).toBeNull();
    expect(
      within(screen.getByTestId('console.participation.partners')).getByRole('row', { name: /Gemeente/ }),
    ).toHaveTextContent('Gemeente1010');

    act(() => {
      createCard(
        c.mapDoc,
        { column: 'values', author: 'p2', authorName: 'Bram', partner: 'zorg', text: 'Ook' } as never,
        LOCAL_USER,
      );
    });
    expect(screen.getByTestId('console.notContributed')).toHaveTextContent('Iedereen heeft al iets bijgedragen.');
    c.cleanup();
  });

  it('a round gives the present participants the turn, grouped by partner', async () => {
    const c = renderConsole({ participants: people });
    act(() => {
      showPresent(c.env, { name: 'Bram', partner: 'zorg', role: 'professional' });
      showPresent(c.env, { name: 'Anna', partner: 'gemeente', role: 'professional' });
    });
    const user = setup();
    await user.click(screen.getByTestId('console.tab.participation'));
    await user.click(screen.getByTestId('console.round.start'));
    // Cas is not here; Gemeente comes before Zorg (partner order of the workshop).
    expect(session(c.sessionDoc).round).toEqual({ order: ['p1', 'p2'], index: 0 });
    expect(screen.getByTestId('console.round.current')).toHaveTextContent('Aan de beurt: Anna (1 van 2)');
    await user.click(screen.getByTestId('console.round.next'));
    expect(session(c.sessionDoc).round).toEqual({ order: ['p1', 'p2'], index: 1 });
    expect(screen.getByTestId('console.round.next')).toHaveTextContent('Rondje klaar');
    await user.click(screen.getByTestId('console.round.next'));
    expect(session(c.sessionDoc).round).toBeNull();
    c.cleanup();
  });
});

describe('console: people', () => {
  it('shows who joined with partner, role and presence; removing someone asks first and calls the API', async () => {
    reply = (call) => (call.method === 'DELETE' ? { status: 204 } : { status: 404 });
    const c = renderConsole({
      participants: [
        participant('p1', 'Anna', 'gemeente', 1, { role: 'volunteer' }),
        participant('p2', 'Bram', 'zorg', 2),
      ],
    });
    act(() => showPresent(c.env, { name: 'Anna', partner: 'gemeente', role: 'volunteer' }));
    const user = setup();
    await user.click(screen.getByTestId('console.tab.people'));
    const list = screen.getByTestId('console.people');
    expect(list).toHaveTextContent('2 aangemeld, 1 nu aanwezig');
    const [anna, bram] = within(list).getAllByTestId('console.person');
    expect(anna).toHaveTextContent('Anna');
    expect(anna).toHaveTextContent('Gemeente');
    expect(anna).toHaveTextContent('Vrijwilliger of mantelzorger');
    expect(within(anna).getByTestId('console.person.present')).toHaveTextContent('aanwezig');
    expect(within(bram).getByTestId('console.person.present')).toHaveTextContent('niet aanwezig');

    await user.click(within(bram).getByTestId('console.person.remove'));
    expect(calls.filter((x) => x.method === 'DELETE')).toEqual([]);
    await user.click(within(bram).getByTestId('console.person.remove.confirm'));
    await waitFor(() =>
      expect(calls.filter((x) => x.method === 'DELETE')).toEqual([
        {
          url: `/api/workshops/${WORKSHOP_ID}/participants/p2`,
          method: 'DELETE',
          auth: 'Bearer facilitator-token',
          body: null,
        },
      ]),
    );
    // The server then marks the person removed in the workshop document.
    act(() => {
      markParticipantRemoved(c.workshopDoc, 'p2', SERVER);
    });
    expect(within(screen.getByTestId('console.people')).getAllByTestId('console.person')).toHaveLength(1);
    expect(screen.getByTestId('console.people.removed')).toHaveTextContent('Bram');
    c.cleanup();
  });

  it('shows the join code, a QR code of the participant link and the projector link', async () => {
    const c = renderConsole();
    const user = setup();
    await user.click(screen.getByTestId('console.tab.people'));
    expect(screen.getByTestId('console.joinCode')).toHaveTextContent('K7M2QX');
    const qr = screen.getByTestId('console.qr');
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr).toHaveAccessibleName(`QR-code met de link om mee te doen: ${location.origin}/w/${WORKSHOP_ID}`);
    expect(screen.getByTestId('console.projectorLink')).toHaveValue(
      `${location.origin}/w/${WORKSHOP_ID}/projector#proj`,
    );
    c.cleanup();
  });
});

describe('console: projector focus', () => {
  it('chooses the whole map, one column or one card', async () => {
    const c = renderConsole();
    let id = '';
    act(() => {
      id = createCard(
        c.mapDoc,
        { column: 'steps', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'Buurtcafé openen' } as never,
        LOCAL_USER,
      );
    });
    const user = setup();
    await user.click(screen.getByTestId('console.tab.screen'));
    await user.click(screen.getByTestId('console.focus.column.relations'));
    expect(session(c.sessionDoc).focus).toEqual({ kind: 'column', column: 'relations' });
    expect(screen.getByTestId('console.focus.now')).toHaveTextContent('kolom 2 · Relaties');
    await user.selectOptions(screen.getByTestId('console.focus.card'), id);
    await user.click(screen.getByTestId('console.focus.cardShow'));
    expect(session(c.sessionDoc).focus).toEqual({ kind: 'card', cardId: id });
    expect(screen.getByTestId('console.focus.now')).toHaveTextContent('Buurtcafé openen');
    await user.click(screen.getByTestId('console.focus.map'));
    expect(session(c.sessionDoc).focus).toEqual({ kind: 'map' });
    c.cleanup();
  });
});

describe('console: versions', () => {
  const versions = [
    {
      id: 7,
      doc: 'map:joint',
      kind: 'step',
      label: 'relations',
      createdAt: Date.UTC(2025, 2, 4, 10, 30),
      cardCount: 3,
    },
    {
      id: 5,
      doc: 'map:joint',
      kind: 'manual',
      label: 'Voor de pauze',
      createdAt: Date.UTC(2025, 2, 4, 10, 0),
      cardCount: 2,
    },
  ];
  const snapshot = {
    cardCount: 1,
    columns: {
      values: [
        {
          id: 'c1',
          column: 'values',
          order: 'a0',
          author: 'p1',
          authorName: 'Anna',
          partner: 'gemeente',
          createdAt: 0,
          status: 'agreed',
          blocks: [],
          plainText: 'Oude kaart',
          supporters: [],
          arguments: [],
          agreedBy: {},
          history: [],
          buildsOn: '',
          who: '',
          what: '',
          when: '',
          writtenBy: '',
          writtenByName: '',
        },
      ],
      relations: [],
      actions: [],
      conditions: [],
      steps: [],
    },
  };

  beforeEach(() => {
    reply = (call) => {
      if (call.url === `/api/workshops/${WORKSHOP_ID}/versions?doc=map%3Ajoint`)
        return { status: 200, body: { versions } };
      if (call.url === `/api/workshops/${WORKSHOP_ID}/versions/5` && call.method === 'GET')
        return { status: 200, body: { version: versions[1], map: snapshot } };
      if (/\/versions\/(5|8)\/restore$/.test(call.url))
        return {
          status: 200,
          body: {
            backup: {
              id: 8,
              doc: 'map:joint',
              kind: 'before-restore',
              label: '5',
              createdAt: Date.UTC(2025, 2, 4, 11, 0),
              cardCount: 3,
            },
          },
        };
      if (call.url === `/api/workshops/${WORKSHOP_ID}/versions` && call.method === 'POST')
        return {
          status: 201,
          body: { id: 9, doc: 'map:joint', kind: 'manual', label: 'x', createdAt: 0, cardCount: 0 },
        };
      return { status: 404 };
    };
  });

  it('lists the versions, opens one read-only and restores only after confirmation, with a way back', async () => {
    const c = renderConsole();
    const user = setup();
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('console.tab.versions'));
    const items = await screen.findAllByTestId('console.version');
    expect(items.map((i) => i.querySelector('.version-title')?.textContent)).toEqual([
      'Begin van Stap 2 · Relaties',
      'Zelf bewaard: Voor de pauze',
    ]);
    expect(calls[0].auth).toBe('Bearer facilitator-token');

    await user.click(within(items[1]).getByTestId('console.version.view'));
    const preview = await screen.findByRole('dialog');
    expect(preview).toHaveAttribute('aria-modal', 'true');
    await waitFor(() => expect(within(preview).getByTestId('version.column.values')).toHaveTextContent('Oude kaart'));
    expect(within(preview).queryByRole('textbox')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(items[1]).getByTestId('console.version.restore'));
    expect(calls.some((x) => x.url.endsWith('/restore'))).toBe(false);
    expect(screen.getByTestId('console.version.restore.question')).toHaveTextContent('je kunt dit ongedaan maken');
    await user.click(screen.getByTestId('console.version.restore.confirm'));
    await waitFor(() => expect(calls.filter((x) => x.url.endsWith('/restore')).map((x) => x.method)).toEqual(['POST']));
    const message = await screen.findByTestId('console.version.undoRestore');
    expect(screen.getByTestId('console.version.message')).toHaveTextContent('De versie is teruggezet.');
    expect(screen.getByTestId('console.version.message')).toHaveTextContent('Zet die terug om dit ongedaan te maken.');
    // Undoing the restore is restoring the version saved just before it.
    await user.click(message);
    await waitFor(() =>
      expect(calls.filter((x) => x.url.endsWith('/restore')).map((x) => x.url)).toEqual([
        `/api/workshops/${WORKSHOP_ID}/versions/5/restore`,
        `/api/workshops/${WORKSHOP_ID}/versions/8/restore`,
      ]),
    );
    c.cleanup();
  });

  it('saves a version by hand with a name', async () => {
    const c = renderConsole();
    const user = setup();
    await user.click(screen.getByTestId('console.tab.versions'));
    await screen.findAllByTestId('console.version');
    await user.type(screen.getByTestId('console.version.label'), 'Na stap 1');
    await user.click(screen.getByTestId('console.version.save'));
    await waitFor(() =>
      expect(calls.find((x) => x.method === 'POST')).toMatchObject({
        url: `/api/workshops/${WORKSHOP_ID}/versions`,
        body: { doc: 'map:joint', label: 'Na stap 1' },
        auth: 'Bearer facilitator-token',
      }),
    );
    expect(await screen.findByText('De kaart is bewaard.')).toBeInTheDocument();
    c.cleanup();
  });
});

describe('console: keyboard', () => {
  it('the tabs follow the arrow keys', async () => {
    const c = renderConsole();
    const user = setup();
    screen.getByTestId('console.tab.steps').focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('console.tab.dialogue')).toHaveFocus();
    expect(screen.getByTestId('console.tab.dialogue')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    // A joint workshop: the last tab is the last one without a flow of its own (Partnerkaarten is hidden).
    const shown = tabsFor('joint');
    expect(screen.getByTestId(`console.tab.${shown[shown.length - 1].id}`)).toHaveFocus();
    expect(screen.queryByTestId('console.tab.partners')).toBeNull();
    await user.keyboard('{Home}');
    expect(screen.getByTestId('console.tab.steps')).toHaveAttribute('aria-selected', 'true');
    c.cleanup();
  });
});
