import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from '../../../shared/cardSchema.js';
import { takeIntoJoint } from '../../../shared/compare/merge.js';
import { LOCAL_USER, SEED } from '../../../shared/origins.js';
import type { DocName } from '../../../shared/protocol.js';
import { readMap } from '../../../shared/readModel.js';
import { readSession, setFocus, setSessionPlan, setPhase, setStage } from '../../../shared/session.js';
import { addCard, INFO, WORKSHOP_ID } from '../../test/compareHarness.js';
import { fakeApi } from '../../test/fakeApi.js';
import { localConnector, manualClock } from '../../test/localWorkshop.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { ConsoleWhenOpen } from '../facilitator/ConsolePage.js';
import { ProjectorScreen } from '../projector/ProjectorPage.js';
import { CreateWorkshopForm } from '../start/CreateWorkshopForm.js';
import { PartnersFirstView } from '../map/PartnersFirstView.js';

beforeEach(() => {
  fakeApi((call) => {
    if (call.url === `/api/workshops/${WORKSHOP_ID}`) return { status: 200, body: INFO };
    if (call.url === '/api/time') return { status: 200, body: { now: 1 } };
    if (call.url.includes('/participants') || call.url.includes('/versions'))
      return { status: 200, body: { participants: [], versions: [] } };
    return { status: 404, body: {} };
  });
});

describe('the map page of a partners-first workshop', () => {
  function renderPage(session: Y.Doc, drafts?: Y.Doc) {
    const docs = new Map<DocName, Y.Doc>([['session', session]]);
    if (drafts) docs.set('drafts:p2', drafts);
    const view = renderInWorkshop(<PartnersFirstView onRejoin={() => {}} />, {
      info: INFO,
      who: { participantId: 'p2', name: 'Bram', partner: 'zorg', role: 'professional', access: 'participant' },
      docs,
    });
    addCard(view.docOf('map:gemeente'), 'gemeente', 'een dementiecafé opzetten');
    addCard(view.docOf('map:zorg'), 'zorg', 'een wandelclub voor mensen met dementie');
    return view;
  }

  /** The maps open now, `edit:` before those I work in (with my presence). */
  const maps = (p: ReturnType<typeof renderPage>) =>
    p.open
      .filter((n) => n.startsWith('map:'))
      .map((n) => (p.working().includes(n) ? `edit:${n}` : n))
      .sort();

  it('[F1] in the homogeneous stage a participant opens only their own partner map, titled with who filled it in', async () => {
    const session = new Y.Doc();
    const p = renderPage(session);
    expect(await screen.findByTestId('map.title')).toHaveTextContent('Kaart van Zorg — ingevuld door Zorg');
    expect(screen.getByTestId('compare.page')).toHaveAttribute('data-doc', 'map:zorg');
    expect(p.log.filter((n) => n.includes('map:'))).toEqual(['presence:map:zorg']);
    // Zorg's own card is there; nothing of the Gemeente map.
    expect(screen.getByText('een wandelclub voor mensen met dementie')).toBeInTheDocument();
    expect(screen.queryByText('een dementiecafé opzetten')).toBeNull();
    expect(screen.queryByTestId('compare')).toBeNull();
  });

  it("[G4] writing alone first in one's own partner map: the draft goes back to that map", async () => {
    const session = new Y.Doc();
    setSessionPlan(session, { mode: 'free', active: ['values'] }, SEED);
    setPhase(session, 'private', SEED);
    const drafts = new Y.Doc();
    renderPage(session, drafts);
    await screen.findByTestId('map.title');
    await userEvent.setup().click(screen.getByTestId('column.values.add'));
    const [draft] = readMap(drafts).columns.values;
    expect(getCard(drafts, draft.id)?.get('map')).toBe('map:zorg');
  });

  it('[F2] in the mixed session it shows the joint map with the partner maps side by side; back again it closes them', async () => {
    const session = new Y.Doc();
    const p = renderPage(session);
    await screen.findByTestId('map.title');
    act(() => setStage(session, 'heterogeneous', SEED));
    expect(await screen.findByTestId('compare')).toBeInTheDocument();
    expect(screen.getByTestId('map.title')).toHaveTextContent('Samen sterk — gezamenlijke kaart');
    expect(screen.getByTestId('compare.page')).toHaveAttribute('data-doc', 'map:joint');
    await waitFor(() => expect(maps(p)).toEqual(['edit:map:joint', 'map:gemeente', 'map:zorg']));
    expect(
      within(screen.getByTestId('compare.partner.gemeente')).getByText('een dementiecafé opzetten'),
    ).toBeInTheDocument();
    // Phone: two tabs, the comparison first; they switch which half shows.
    expect(screen.getByTestId('compare.pane.compare')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.setup().click(screen.getByTestId('compare.pane.joint'));
    expect(screen.getByTestId('compare.mixed')).toHaveAttribute('data-pane', 'joint');

    act(() => setStage(session, 'homogeneous', SEED));
    expect(await screen.findByText('Kaart van Zorg — ingevuld door Zorg')).toBeInTheDocument();
    expect(maps(p)).toEqual(['edit:map:zorg']);
  });
});

/** The whole console of a partners-first workshop around plain Y.Docs. */
function renderConsole() {
  const docs = new Map<DocName, Y.Doc>();
  const c = renderPartnersFirstConsole(docs);
  return c;
}

function renderPartnersFirstConsole(docs: Map<DocName, Y.Doc>) {
  const gemeente = new Y.Doc();
  addCard(gemeente, 'gemeente', 'een dementiecafé opzetten', 'values', Date.UTC(2025, 2, 3, 13, 5));
  addCard(gemeente, 'gemeente', 'elke maand overleg', 'relations', Date.UTC(2025, 2, 4, 9, 30));
  docs.set('map:gemeente', gemeente);
  const view = renderInWorkshop(<ConsoleWhenOpen onRejoin={() => {}} />, {
    info: INFO,
    who: { participantId: 'f1', name: 'Begeleider', partner: '', role: 'facilitator', access: 'facilitator' },
    docs,
    clock: manualClock(),
  });
  return { ...view, sessionDoc: view.docOf('session') };
}

describe('the console tab "Partnerkaarten"', () => {
  it('shows the progress per partner map: cards per step and when it last changed', async () => {
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.partners'));
    const panel = screen.getByTestId('partners.panel');
    await waitFor(() => expect(within(panel).getByTestId('partners.total.gemeente')).toHaveTextContent('2'));
    expect(within(panel).getByTestId('partners.count.gemeente.values')).toHaveTextContent('1');
    expect(within(panel).getByTestId('partners.count.gemeente.relations')).toHaveTextContent('1');
    expect(within(panel).getByTestId('partners.total.zorg')).toHaveTextContent('0');
    expect(within(panel).getByTestId('partners.lastChange.gemeente').querySelector('time')).toHaveAttribute(
      'datetime',
      new Date(Date.UTC(2025, 2, 4, 9, 30)).toISOString(),
    );
    expect(within(panel).getByTestId('partners.lastChange.zorg')).toHaveTextContent('nog niets');
    // Live: a card Zorg adds shows up.
    act(() => void addCard(c.docOf('map:zorg'), 'zorg', 'wandelclub', 'steps'));
    expect(within(panel).getByTestId('partners.count.zorg.steps')).toHaveTextContent('1');
    // One connection per partner map, shared by the panel and the map area.
    expect(c.open.filter((n) => n === 'map:gemeente')).toHaveLength(1);
    expect(c.log.filter((n) => n.endsWith('map:gemeente'))).toHaveLength(1);
  });

  it("opens any partner map in the console's map area, to work in", async () => {
    const c = renderConsole();
    const user = userEvent.setup();
    // Homogeneous: the first partner's map is in view by default.
    expect(await screen.findByTestId('map.title')).toHaveTextContent('Kaart van Gemeente — ingevuld door Gemeente');
    await user.click(screen.getByTestId('console.tab.partners'));
    await user.click(screen.getByTestId('partners.show.zorg'));
    expect(screen.getByTestId('console.mapArea')).toHaveAttribute('data-view', 'partner:zorg');
    expect(await screen.findByTestId('map.title')).toHaveTextContent('Kaart van Zorg — ingevuld door Zorg');
    expect(c.working()).toContain('map:zorg');
    expect(c.working()).not.toContain('map:gemeente');
    // The facilitator writes in it like in any map.
    await user.click(screen.getByTestId('column.values.add'));
    expect(readMap(c.docOf('map:zorg')).cardCount).toBe(1);
    // And back to the joint map (the console's own).
    await user.click(screen.getByTestId('console.map.joint'));
    expect(screen.getByTestId('map.title')).toHaveTextContent('Samen sterk');
  });

  it('[F2] the mixed session opens only after a confirmation, and going back asks again', async () => {
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.partners'));
    expect(screen.getByTestId('partners.stage')).toHaveAttribute('data-stage', 'homogeneous');

    const open = screen.getByTestId('partners.openMixed');
    await user.click(open);
    expect(screen.getByTestId('partners.openMixed.question')).toHaveTextContent('Open de gezamenlijke sessie?');
    expect(readSession(c.sessionDoc).stage).toBe('homogeneous');
    await user.click(screen.getByTestId('partners.openMixed.cancel'));
    expect(readSession(c.sessionDoc).stage).toBe('homogeneous');
    expect(screen.getByTestId('partners.openMixed')).toHaveFocus();

    await user.click(screen.getByTestId('partners.openMixed'));
    await user.click(screen.getByTestId('partners.openMixed.confirm'));
    expect(readSession(c.sessionDoc).stage).toBe('heterogeneous');
    // The projector shows the comparison of the step; the console's map area shows it too.
    expect(readSession(c.sessionDoc).focus).toEqual({ kind: 'column', column: 'values' });
    expect(screen.getByTestId('partners.stage')).toHaveAttribute('data-stage', 'heterogeneous');
    expect(screen.getByTestId('console.mapArea')).toHaveAttribute('data-view', 'compare');
    expect(await screen.findByTestId('compare')).toBeInTheDocument();
    expect(screen.getByTestId('partners.backHome')).toHaveFocus();

    await user.click(screen.getByTestId('partners.backHome'));
    expect(readSession(c.sessionDoc).stage).toBe('heterogeneous');
    await user.click(screen.getByTestId('partners.backHome.confirm'));
    expect(readSession(c.sessionDoc).stage).toBe('homogeneous');
  });
});

describe('the projector of a partners-first workshop', () => {
  it('[C6][C7] in the mixed session shows the comparison of the column in focus, read-only, the joint map otherwise, and the progress per partner before', async () => {
    const local = localConnector();
    const gemeente = local.docOf('map:gemeente');
    const zorg = local.docOf('map:zorg');
    const cafe = addCard(gemeente, 'gemeente', 'een dementiecafé opzetten');
    const walk = addCard(zorg, 'zorg', 'een wandelclub voor mensen met dementie');
    const session = local.docOf('session');
    const joint = local.docOf('map:joint');
    takeIntoJoint(
      joint,
      {
        column: 'values',
        text: 'Mensen met dementie ontmoeten elkaar',
        author: 'f1',
        authorName: 'Begeleider',
        origins: [
          { map: 'map:gemeente', cardId: cafe, partner: 'gemeente', text: 'een dementiecafé opzetten' },
          { map: 'map:zorg', cardId: walk, partner: 'zorg', text: 'een wandelclub voor mensen met dementie' },
        ],
      },
      LOCAL_USER,
    );
    setStage(session, 'heterogeneous', SEED);
    setFocus(session, { kind: 'column', column: 'values' }, SEED);
    const { container } = render(
      <ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={local.connect} clock={manualClock()} />,
    );
    // The session document is read after the first paint.
    await waitFor(() => expect(screen.getByTestId('projector.focus')).toHaveAttribute('data-kind', 'compare'));
    const focus = screen.getByTestId('projector.focus');
    expect(screen.getByTestId('projector.step')).toHaveTextContent('Vergelijken · Stap 1 · Waarden');
    await waitFor(() =>
      expect(within(focus).getByTestId('compare.partner.gemeente')).toHaveTextContent('een dementiecafé opzetten'),
    );
    expect(
      within(focus)
        .getAllByTestId('compare.group')
        .find((g) => g.getAttribute('data-single') === 'false'),
    ).toBeDefined();
    const jointCard = within(focus).getByTestId('compare.joint.card');
    expect(
      within(jointCard)
        .getAllByTestId('compare.origin')
        .map((b) => b.textContent),
    ).toEqual(['Gemeente', 'Zorg']);
    // Nothing to press on the projector.
    expect(container.querySelectorAll('button, input, select, textarea, [contenteditable], a')).toHaveLength(0);

    act(() => setFocus(session, { kind: 'map' }, SEED));
    expect(screen.getByTestId('projector.focus')).toHaveAttribute('data-kind', 'map');
    // [C7] Back to each partner's own map: the projector shows the progress per partner map.
    act(() => setStage(session, 'homogeneous', SEED));
    act(() => setFocus(session, { kind: 'column', column: 'values' }, SEED));
    expect(screen.getByTestId('projector.focus')).toHaveAttribute('data-kind', 'progress');
    expect(screen.getByTestId('projector.progress.gemeente.values')).toHaveTextContent('1');
    expect(screen.getByTestId('projector.progress.zorg.total')).toHaveTextContent('1');
    act(() => void addCard(zorg, 'zorg', 'samen koken in de buurtkamer', 'relations'));
    expect(screen.getByTestId('projector.progress.zorg.relations')).toHaveTextContent('1');
    expect(screen.getByTestId('projector.progress.zorg.total')).toHaveTextContent('2');
    expect(screen.getByTestId('projector.progress.zorg.people')).toHaveTextContent('nog niemand op de kaart');
  });
});

describe('making a workshop', () => {
  it('sends the flow "partners-first" when it is chosen (and nothing extra for one map together)', async () => {
    const api = fakeApi(() => ({ status: 500, body: { error: 'x', message: 'x' } }));
    const posts = () => api.calls.map((c) => c.body);
    render(<CreateWorkshopForm onCreated={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('start.title'), 'Wijk');
    await user.type(screen.getByTestId('start.partner.0'), 'Gemeente');
    expect(screen.getByTestId('start.flow.joint')).toBeChecked();
    await user.click(screen.getByTestId('start.submit'));
    await user.click(screen.getByLabelText('Eerst per partner, dan samen'));
    await user.click(screen.getByTestId('start.submit'));
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[0]).toEqual({ title: 'Wijk', partners: ['Gemeente', '', ''] });
    expect(posts()[1]).toEqual({ title: 'Wijk', partners: ['Gemeente', '', ''], flow: 'partners-first' });
  });
});
