import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from '../../../shared/cardSchema.js';
import { setFollowUp } from '../../../shared/followUp.js';
import type { CardId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER, SERVER } from '../../../shared/origins.js';
import type { DocName } from '../../../shared/protocol.js';
import { readProjectorShows, SHOWS_MAP, setProjectorShows } from '../../../shared/projectorShows.js';
import { readCurrentMeetingId, readMeetings } from '../../../shared/trajectory.js';
import { upsertParticipant } from '../../../shared/workshopDoc.js';
import { ANNA } from '../../test/localWorkshop.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { ParticipantTrajectory, ProjectorReview, TrajectoryPanel } from './index.js';

const FACILITATOR = {
  participantId: 'f1',
  name: 'Begeleider',
  partner: '',
  role: 'facilitator',
  access: 'facilitator',
} as const;

/** A joint map with a value, an action serving it (Anna's) and one serving nothing (partner zorg's). */
function seeded() {
  const map = new Y.Doc();
  const session = new Y.Doc();
  const workshop = new Y.Doc();
  upsertParticipant(
    workshop,
    {
      id: 'p1',
      name: 'Anna',
      partner: 'gemeente',
      role: 'professional',
      access: 'participant',
      joinedAt: 1,
      removed: false,
    },
    SERVER,
  );
  const value = createCard(
    map,
    { column: 'values', author: '', authorName: '', partner: '', text: 'Iedereen telt mee' },
    LOCAL_USER,
  );
  const agreed = (text: string, links: string[]) => {
    const id = createCard(map, { column: 'steps', author: '', authorName: '', partner: '', text }, LOCAL_USER);
    const card = getCard(map, id)!;
    map.transact(() => {
      card.set('status', 'agreed');
      const l = new Y.Map<unknown>();
      card.set('links', l);
      for (const x of links) l.set(x, { by: 'f1', at: 1 });
    });
    return id;
  };
  const mine = agreed('Buurtavond organiseren', [value]);
  const theirs = agreed('Folder maken', []);
  setFollowUp(map, mine, { owner: { kind: 'person', id: 'p1' }, due: '2000-01-01', status: 'doing' }, LOCAL_USER);
  setFollowUp(map, theirs, { owner: { kind: 'partner', id: 'zorg' } }, LOCAL_USER);
  const docs = new Map<DocName, Y.Doc>([
    ['map:joint', map],
    ['session', session],
    ['workshop', workshop],
  ]);
  return { docs, map, session, mine, theirs };
}

describe('the trajectory in the console', () => {
  it('[J3] plans a series, shows the meeting going on and the next date; a meeting is started by keyboard', async () => {
    const s = seeded();
    const user = userEvent.setup();
    renderInWorkshop(<TrajectoryPanel />, { docs: s.docs, who: FACILITATOR });
    expect(screen.getByTestId('trajectory.now').textContent).toContain(
      'Nu: nog niet gestart. Alle kolommen staan open.',
    );
    await user.click(screen.getByTestId('trajectory.suggest'));
    const meetings = readMeetings(s.session);
    expect(meetings).toHaveLength(2);
    expect(screen.getAllByTestId('trajectory.meeting')).toHaveLength(2);
    const first = screen.getAllByTestId('trajectory.meeting.start')[0];
    first.focus();
    await user.keyboard('{Enter}');
    expect(readCurrentMeetingId(s.session)).toBe(meetings[0].id);
    expect(screen.getByTestId('trajectory.now').textContent).toContain(
      'Nu: bijeenkomst 1 – Samen de kaart vullen · alle kolommen staan open',
    );
    expect(screen.getByTestId('trajectory.next').textContent).toMatch(/Volgende: .+/);
  });

  it('[J1] a meeting is added with date, goal and steps', async () => {
    const s = seeded();
    const user = userEvent.setup();
    renderInWorkshop(<TrajectoryPanel />, { docs: s.docs, who: FACILITATOR });
    await user.click(screen.getByTestId('trajectory.add'));
    const form = screen.getByTestId('trajectory.meeting.new');
    fireEvent.change(within(form).getByTestId('trajectory.meeting.date'), { target: { value: '2027-03-01' } });
    await user.type(within(form).getByTestId('trajectory.meeting.goal'), 'Terugblik');
    await user.click(within(form).getByTestId('trajectory.meeting.save'));
    expect(readMeetings(s.session)).toMatchObject([
      { n: 1, date: '2027-03-01', goal: 'Terugblik', steps: ['review', 'steps'] },
    ]);
  });

  it('[J6] the review groups the actions by value, "zonder waarde" last, overdue marked; the facilitator sets owner and due', async () => {
    const s = seeded();
    const user = userEvent.setup();
    renderInWorkshop(<TrajectoryPanel />, { docs: s.docs, who: FACILITATOR });
    const groups = screen.getAllByTestId('trajectory.review.group');
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual([
      'Waarde: Iedereen telt mee · 0 van 1 gedaan',
      'Zonder waarde · 0 van 1 gedaan',
    ]);
    expect(within(groups[0]).getByTestId('trajectory.action.late')).toBeTruthy();
    const form = within(groups[1]).getByTestId('trajectory.followUp.form');
    await user.selectOptions(within(form).getByTestId('trajectory.followUp.owner'), 'person:p1');
    fireEvent.change(within(form).getByTestId('trajectory.followUp.due'), { target: { value: '2027-01-15' } });
    await user.click(within(form).getByTestId('trajectory.followUp.save'));
    expect(getCard(s.map, s.theirs)!.get('actionOwner')).toEqual({ kind: 'person', id: 'p1' });
    expect(getCard(s.map, s.theirs)!.get('actionDue')).toBe('2027-01-15');
    await user.click(screen.getByTestId('trajectory.review.toggle'));
    expect(readProjectorShows(s.session)).toEqual({ kind: 'review' });
  });
});

describe('the trajectory for participants and on the projector', () => {
  it('[J7] Mijn acties lists my actions only and lets me update status and note, not owner or due', async () => {
    const s = seeded();
    const user = userEvent.setup();
    renderInWorkshop(<ParticipantTrajectory />, { docs: s.docs, who: ANNA });
    const mine = screen.getByTestId('trajectory.mine');
    await user.click(within(mine).getByTestId('trajectory.mine.toggle'));
    const items = within(mine).getAllByTestId('trajectory.action');
    expect(items.map((i) => i.getAttribute('data-card-id'))).toEqual([s.mine]);
    expect(within(mine).queryByTestId('trajectory.followUp.owner')).toBeNull();
    expect(within(mine).queryByTestId('trajectory.followUp.due')).toBeNull();
    await user.selectOptions(within(mine).getByTestId('trajectory.followUp.status'), 'done');
    await user.type(within(mine).getByTestId('trajectory.followUp.note'), 'Zaal geboekt{Enter}');
    expect(getCard(s.map, s.mine as CardId)!.get('actionStatus')).toBe('done');
    expect(getCard(s.map, s.mine as CardId)!.get('actionNote')).toBe('Zaal geboekt');
  });

  it('[J6] while the review is on the screen the phone shows it, editable only for my own actions', () => {
    const s = seeded();
    setProjectorShows(s.session, { kind: 'review' }, LOCAL_USER);
    renderInWorkshop(<ParticipantTrajectory />, { docs: s.docs, who: ANNA });
    const review = screen.getByTestId('trajectory.phoneReview');
    const forms = within(review).getAllByTestId('trajectory.followUp.form');
    expect(forms.map((f) => f.getAttribute('data-card-id'))).toEqual([s.mine]);
    act(() => setProjectorShows(s.session, SHOWS_MAP, LOCAL_USER));
    expect(screen.queryByTestId('trajectory.phoneReview')).toBeNull();
  });

  it('[J6] the projector shows the review only while the facilitator has it on, with no forms', () => {
    const s = seeded();
    renderInWorkshop(<ProjectorReview />, {
      docs: s.docs,
      who: { participantId: 'pr', name: '', partner: '', role: 'projector', access: 'projector' },
    });
    expect(screen.queryByTestId('trajectory.projectorReview')).toBeNull();
    act(() => setProjectorShows(s.session, { kind: 'review' }, LOCAL_USER));
    const review = screen.getByTestId('trajectory.projectorReview');
    expect(within(review).getAllByTestId('trajectory.action')).toHaveLength(2);
    expect(within(review).queryByTestId('trajectory.followUp.form')).toBeNull();
  });
});
