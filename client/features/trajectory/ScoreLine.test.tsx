import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER, SERVER } from '../../../shared/origins.js';
import type { DocName } from '../../../shared/protocol.js';
import { settleRounds, type PrivateSource } from '../../../shared/rounds/aggregate.js';
import { setScores } from '../../../shared/rounds/privateInputs.js';
import { readProjectorShows, setProjectorShows } from '../../../shared/projectorShows.js';
import { requestClose, requestScoreRound } from '../../../shared/rounds/rounds.js';
import { putMeeting, startMeeting } from '../../../shared/trajectory.js';
import { TEST_PARTNERS } from '../../test/localWorkshop.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { ProjectorScoreLine, TrajectoryPanel } from './index.js';

const FACILITATOR = {
  participantId: 'f1',
  name: 'Begeleider',
  partner: '',
  role: 'facilitator',
  access: 'facilitator',
} as const;

/** Two meetings; meeting 1 has a check-in (3 of the gemeente, 1 of zorg) and a check-out of two; meeting 2 a check-in. */
function seeded(partners: string[]) {
  const session = new Y.Doc();
  putMeeting(session, { id: 'm1', n: 1, date: '2026-03-05', goal: '', steps: ['values'] }, LOCAL_USER);
  putMeeting(session, { id: 'm2', n: 2, date: '2026-03-12', goal: '', steps: ['review'] }, LOCAL_USER);
  let now = 1;
  const round = (meeting: string, kind: 'checkin' | 'checkout', answers: [string, number, number][]) => {
    startMeeting(session, meeting, LOCAL_USER);
    const id = requestScoreRound(session, kind, LOCAL_USER);
    settleRounds(session, now++, () => [], SERVER);
    requestClose(session, id, LOCAL_USER);
    const people: PrivateSource[] = answers.map(([partner, klik, taak]) => {
      const doc = new Y.Doc();
      setScores(doc, id, { klik, taak, word: '' }, LOCAL_USER);
      return { partner, doc };
    });
    settleRounds(session, now++, () => people, SERVER);
    return id;
  };
  const [a, b] = partners;
  const first = round('m1', 'checkin', [
    [a, 5, 4],
    [a, 6, 5],
    [a, 7, 6],
    [b, 2, 9],
  ]);
  round('m1', 'checkout', [
    [a, 8, 8],
    [b, 8, 8],
  ]);
  round('m2', 'checkin', [
    [a, 8, 7],
    [a, 9, 7],
    [b, 7, 7],
  ]);
  return { session, first, docs: new Map<DocName, Y.Doc>([['session', session]]) };
}

describe('the check-in and check-out scores as a line over the meetings', () => {
  it('[Y7] the console shows the line as a named picture and the same numbers in a table; too few answers show no average', async () => {
    const s = seeded(TEST_PARTNERS.map((p) => p.id));
    const user = userEvent.setup();
    renderInWorkshop(<TrajectoryPanel />, { docs: s.docs, who: FACILITATOR });
    const panel = screen.getByTestId('scoreLine.panel');
    const chart = within(panel).getByRole('img', {
      name: /Lijn van de klik en de taak over de bijeenkomsten, Iedereen/,
    });
    // Check-in of meeting 1 (4 answers) and check-in of meeting 2 (3); the check-out of two has no average.
    expect(chart.getAttribute('data-points')).toBe('2');
    const klik = chart.querySelector('[data-series="klik"]')!;
    expect(klik.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.querySelector('[data-series="taak"]')!.querySelectorAll('rect')).toHaveLength(2);
    expect([...klik.querySelectorAll('text')].map((x) => x.textContent)).toEqual(['5', '8']);

    const table = within(panel).getByRole('table', { name: 'De cijfers per bijeenkomst' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    const gemeente = TEST_PARTNERS[0].name;
    expect(rows).toEqual([
      ['Bijeenkomst 1 · 5 mrt'],
      ['Check-in · 4 antwoorden'],
      ['Iedereen', '5', '6'],
      [`${gemeente} (3)`, '6', '5'],
      ['Check-out · 2 antwoorden'],
      ['Iedereen', 'te weinig antwoorden'],
      ['Bijeenkomst 2 · 12 mrt'],
      ['Check-in · 3 antwoorden'],
      ['Iedereen', '8', '7'],
    ]);

    // One partner's line: only where that partner had three answers.
    await user.selectOptions(within(panel).getByTestId('scoreLine.who'), TEST_PARTNERS[0].id);
    const theirs = within(panel).getByRole('img', { name: new RegExp(gemeente) });
    expect(theirs.getAttribute('data-points')).toBe('1');
    expect(within(panel).getByTestId('scoreLine.who').querySelectorAll('option')).toHaveLength(2);
  });

  it('[Y7] the facilitator puts the line on the projector; that takes a shown result off the screen', async () => {
    const s = seeded(TEST_PARTNERS.map((p) => p.id));
    setProjectorShows(s.session, { kind: 'round', roundId: s.first }, LOCAL_USER);
    const user = userEvent.setup();
    renderInWorkshop(<TrajectoryPanel />, { docs: s.docs, who: FACILITATOR });
    const toggle = screen.getByTestId('scoreLine.toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(readProjectorShows(s.session)).toEqual({ kind: 'scoreLine' });
    expect(screen.getByTestId('scoreLine.toggle').getAttribute('aria-pressed')).toBe('true');
    // Showing the review takes the line off again.
    await user.click(screen.getByTestId('trajectory.review.toggle'));
    expect(readProjectorShows(s.session)).toEqual({ kind: 'review' });
  });

  it("[Y7] the projector draws everyone's line large, with the table for screen readers", () => {
    const s = seeded(TEST_PARTNERS.map((p) => p.id));
    renderInWorkshop(<ProjectorScoreLine />, {
      docs: s.docs,
      who: { participantId: 'pr', name: '', partner: '', role: 'projector', access: 'projector' },
    });
    const shown = screen.getByTestId('scoreLine.projector');
    expect(within(shown).getByRole('heading', { level: 1 }).textContent).toBe(
      'Check-in en check-out over de bijeenkomsten',
    );
    expect(within(shown).getByRole('img').getAttribute('data-points')).toBe('2');
    expect(within(shown).getByRole('table').className).toBe('sr-only');
  });

  it('[Y7] without scores on any meeting the console says how to get them', () => {
    const session = new Y.Doc();
    putMeeting(session, { id: 'm1', n: 1, date: '2026-03-05', goal: '', steps: ['values'] }, LOCAL_USER);
    renderInWorkshop(<TrajectoryPanel />, { docs: new Map([['session', session]]), who: FACILITATOR });
    expect(screen.getByTestId('scoreLine.none').textContent).toContain('Open een check-in');
    expect(screen.queryByTestId('scoreLine.chart')).toBeNull();
  });
});
