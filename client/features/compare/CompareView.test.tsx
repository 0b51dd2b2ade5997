import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../../../shared/cardSchema.js';
import { GROUPS_KEY, proposeTag, readGroupTag } from '../../../shared/compare/groupTags.js';
import { takenFrom } from '../../../shared/compare/merge.js';
import { LOCAL_USER, SEED } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { readPairDecisions } from '../../../shared/compare/pairDecisions.js';
import {
  readSession,
  setActiveColumns,
  setFocus,
  setPhase,
  setSessionPlan,
  setStage,
} from '../../../shared/session.js';
import type { DocName } from '../../../shared/protocol.js';
import { addCard, INFO } from '../../test/compareHarness.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { CompareView } from './CompareView.js';

/** Gemeente and Zorg each filled their own map; Anna (Gemeente) or the facilitator looks at the comparison. */
function renderCompare(options: { access?: 'participant' | 'facilitator'; session?: Y.Doc } = {}) {
  const docs = new Map<DocName, Y.Doc>();
  const docOf = (name: DocName) => docs.get(name) ?? docs.set(name, new Y.Doc()).get(name)!;
  const gemeente = docOf('map:gemeente');
  const zorg = docOf('map:zorg');
  const cafe = addCard(gemeente, 'gemeente', 'een dementiecafé opzetten');
  const walk = addCard(zorg, 'zorg', 'een wandelclub voor mensen met dementie');
  const rent = addCard(zorg, 'zorg', 'huurachterstand voorkomen');
  addCard(gemeente, 'gemeente', 'elke maand overleg', 'relations');
  const joint = docOf('map:joint');
  if (options.session) docs.set('session', options.session);
  const facilitator = options.access === 'facilitator';
  const view = renderInWorkshop(<CompareView />, {
    info: INFO,
    who: facilitator
      ? { participantId: 'f1', name: 'Begeleider', partner: '', role: 'facilitator', access: 'facilitator' }
      : { participantId: 'p1', name: 'Anna', partner: 'gemeente', role: 'professional', access: 'participant' },
    docs,
  });
  return { ...view, gemeente, zorg, joint, cafe, walk, rent };
}

const groups = () => screen.getAllByTestId('compare.group');
const groupWith = (cardId: string) => groups().find((g) => g.querySelector(`[data-card-id="${cardId}"]`))!;

describe('comparing the partner maps', () => {
  it('[C2] shows every partner map side by side and groups similar cards; what one partner said is marked "alleen"', async () => {
    const c = renderCompare();
    // Both partner maps, whole, in their own column.
    const g = await screen.findByTestId('compare.partner.gemeente');
    const z = screen.getByTestId('compare.partner.zorg');
    expect(
      within(g)
        .getAllByTestId('compare.card.text')
        .map((e) => e.textContent),
    ).toEqual(['een dementiecafé opzetten']);
    expect(
      within(z)
        .getAllByTestId('compare.card.text')
        .map((e) => e.textContent),
    ).toEqual(['een wandelclub voor mensen met dementie', 'huurachterstand voorkomen']);
    // The dementia café and the walking club are one group of two partners.
    const together = groupWith(c.cafe);
    expect(together).toHaveAttribute('data-single', 'false');
    expect(together.querySelector(`[data-card-id="${c.walk}"]`)).not.toBeNull();
    expect(within(together).getByText('Genoemd door Gemeente en Zorg')).toBeInTheDocument();
    // Rent arrears: said by Zorg only.
    const alone = groupWith(c.rent);
    expect(alone).toHaveAttribute('data-single', 'true');
    expect(within(alone).getByTestId('compare.only')).toHaveTextContent('alleen Zorg');
    expect(within(screen.getByTestId('compare.singles')).getAllByTestId('compare.group')).toHaveLength(1);
    // In the partner columns too: the café "is like a card of Zorg", the rent card is Zorg's only.
    expect(within(g).getByText('lijkt op een kaartje van Zorg')).toBeInTheDocument();
    expect(within(z).getByTestId('compare.card.only')).toHaveTextContent('alleen Zorg');
    // [W1] Each partner map was opened once, read-only (no presence); closed again when the view goes.
    expect(c.open.filter((n) => n.startsWith('map:') && n !== 'map:joint').sort()).toEqual([
      'map:gemeente',
      'map:zorg',
    ]);
    expect(c.working()).toEqual([]);
    c.unmount();
    expect(c.open).toEqual([]);
  });

  it('follows the step of the session, and a step picked by hand until the facilitator moves on', async () => {
    const session = new Y.Doc();
    setSessionPlan(session, { mode: 'separate' }, SEED);
    renderCompare({ session });
    const user = userEvent.setup();
    expect(await screen.findByTestId('compare')).toHaveAttribute('data-column', 'values');
    expect(screen.getByText('Deze keuze volgt de stap van de begeleider.')).toBeInTheDocument();
    await user.click(screen.getByTestId('compare.column.relations'));
    expect(screen.getByTestId('compare')).toHaveAttribute('data-column', 'relations');
    expect(within(screen.getByTestId('compare.partner.gemeente')).getByText('elke maand overleg')).toBeInTheDocument();
    act(() => setActiveColumns(session, ['actions'], SEED));
    expect(screen.getByTestId('compare')).toHaveAttribute('data-column', 'actions');
    expect(screen.getByTestId('compare.column.actions')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('tags on groups', () => {
  it('[C2] a participant proposes a tag: it is written to the groups map of the joint map, unconfirmed', async () => {
    const c = renderCompare();
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    const group = groupWith(c.cafe);
    await user.click(within(group).getByTestId('compare.tag.tension'));
    const key = group.getAttribute('data-group-key')!;
    expect(key).toBe([c.cafe, c.walk].sort().join('+'));
    expect(c.joint.getMap(GROUPS_KEY).get(key)).toEqual({ tag: 'tension', proposedBy: 'Anna', confirmed: false });
    expect(within(groupWith(c.cafe)).getByTestId('compare.tag')).toHaveAttribute('data-confirmed', 'false');
    expect(within(groupWith(c.cafe)).getByText('Voorstel van Anna: spanning')).toBeInTheDocument();
    // Only the facilitator confirms.
    expect(within(groupWith(c.cafe)).queryByTestId('compare.tag.confirm')).toBeNull();
    expect(screen.getByTestId('compare.status')).toHaveTextContent('Voorstel bewaard: spanning');
  });

  it('[C2] the facilitator confirms a proposal; a confirmed tag is closed to further proposals', async () => {
    const fac = renderCompare({ access: 'facilitator' });
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    const key = [fac.cafe, fac.walk].sort().join('+');
    act(() => proposeTag(fac.joint, key, 'shared', 'Anna', LOCAL_USER));
    await user.click(within(groupWith(fac.cafe)).getByTestId('compare.tag.confirm'));
    expect(readGroupTag(fac.joint, key)).toEqual({
      tag: 'shared',
      proposedBy: 'Anna',
      confirmed: true,
      members: [fac.cafe, fac.walk].sort(),
    });
    expect(within(groupWith(fac.cafe)).getByText('Bevestigd: gedeeld')).toBeInTheDocument();
    // A tag the facilitator picks is confirmed at once.
    await user.click(within(groupWith(fac.rent)).getByTestId('compare.tag.complementary'));
    expect(readGroupTag(fac.joint, fac.rent)).toEqual({
      tag: 'complementary',
      proposedBy: 'Begeleider',
      confirmed: true,
      members: [fac.rent],
    });
    fac.unmount();

    // A participant sees the confirmed tag and cannot propose over it.
    const anna = renderCompare();
    await screen.findByTestId('compare.partner.gemeente');
    act(() => proposeTag(anna.joint, anna.rent, 'tension', 'Begeleider', LOCAL_USER, { confirmed: true }));
    const buttons = within(groupWith(anna.rent)).getAllByRole('button', { name: /gedeeld|vult aan|spanning/ });
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(within(groupWith(anna.rent)).getByText('De begeleider heeft dit bevestigd.')).toBeInTheDocument();
  });
});

describe('taking cards onto the joint map', () => {
  it('[C3] a group becomes one joint card with every origin; tension becomes an open point; the partner maps keep their cards', async () => {
    const c = renderCompare();
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    const group = groupWith(c.cafe);
    await user.click(within(group).getByTestId('compare.tag.tension'));
    await user.click(within(group).getByTestId('compare.take'));
    const form = within(group).getByTestId('compare.take.form');
    const text = within(form).getByTestId('compare.take.text');
    // A group writes its own sentence; the proposed tag comes along.
    expect(text).toHaveValue('');
    expect(text).toHaveFocus();
    expect(within(form).getByTestId('compare.take.tag')).toHaveValue('tension');
    expect(within(form).getByText(/open punt/)).toBeInTheDocument();
    // Empty is refused with a message.
    await user.click(within(form).getByTestId('compare.take.submit'));
    expect(within(form).getByRole('alert')).toHaveTextContent('Schrijf eerst een tekst.');
    expect(getCards(c.joint).size).toBe(0);
    await user.type(text, 'Mensen met dementie ontmoeten elkaar');
    await user.click(within(form).getByTestId('compare.take.submit'));

    const card = readMap(c.joint).columns.values[0];
    expect(card).toMatchObject({
      plainText: 'Mensen met dementie ontmoeten elkaar',
      status: 'parked',
      tag: 'tension',
      partner: '',
      author: 'p1',
    });
    expect(card.origins).toEqual([
      { map: 'map:gemeente', cardId: c.cafe, partner: 'gemeente', text: 'een dementiecafé opzetten' },
      { map: 'map:zorg', cardId: c.walk, partner: 'zorg', text: 'een wandelclub voor mensen met dementie' },
    ]);
    // Nothing left the partner maps.
    expect(readMap(c.gemeente).cardCount).toBe(2);
    expect(readMap(c.zorg).cardCount).toBe(2);
    // The group says where it went (and takes focus: the form is gone); the joint card shows its origins.
    const taken = within(groupWith(c.cafe)).getByTestId('compare.taken');
    expect(taken).toHaveTextContent('Staat op de gezamenlijke kaart: “Mensen met dementie ontmoeten elkaar”');
    expect(taken).toHaveFocus();
    expect(within(groupWith(c.cafe)).queryByTestId('compare.take')).toBeNull();
    const jointCard = within(screen.getByTestId('compare.joint')).getByTestId('compare.joint.card');
    expect(
      within(jointCard)
        .getAllByTestId('compare.origin')
        .map((b) => b.textContent),
    ).toEqual(['Gemeente', 'Zorg']);
    expect(within(jointCard).getByText('open punt')).toBeInTheDocument();
    expect(within(screen.getByTestId('compare.partner.zorg')).getAllByTestId('compare.card.taken')).toHaveLength(1);
  });

  it('[C3] a single card starts with its own text, which can be changed; it keeps its partner', async () => {
    const c = renderCompare();
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    const single = groupWith(c.rent);
    await user.click(within(single).getByTestId('compare.take'));
    const text = within(single).getByTestId('compare.take.text');
    expect(text).toHaveValue('huurachterstand voorkomen');
    await user.clear(text);
    await user.type(text, 'Huurachterstand samen voorkomen');
    await user.click(within(single).getByTestId('compare.take.submit'));
    const card = readMap(c.joint).columns.values[0];
    expect(card).toMatchObject({ plainText: 'Huurachterstand samen voorkomen', status: 'open', partner: 'zorg' });
    expect(takenFrom(c.joint).get(c.rent)).toEqual([card.id]);
  });

  it('Escape closes the form and puts focus back on its button; nothing is written', async () => {
    const c = renderCompare();
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    await user.click(within(groupWith(c.rent)).getByTestId('compare.take'));
    await user.keyboard('{Escape}');
    expect(within(groupWith(c.rent)).queryByTestId('compare.take.form')).toBeNull();
    expect(within(groupWith(c.rent)).getByTestId('compare.take')).toHaveFocus();
    expect(getCards(c.joint).size).toBe(0);
  });

  it('says why nothing can be taken while everyone writes alone, or in a closed step', async () => {
    const session = new Y.Doc();
    setSessionPlan(session, { mode: 'free', active: ['values'] }, SEED);
    setPhase(session, 'private', SEED);
    const c = renderCompare({ session });
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    expect(within(groupWith(c.rent)).getByTestId('compare.take')).toBeDisabled();
    expect(within(groupWith(c.rent)).getByText(/Iedereen schrijft nu eerst alleen/)).toBeInTheDocument();
    act(() => setPhase(session, 'together', SEED));
    await user.click(screen.getByTestId('compare.column.relations'));
    expect(screen.getAllByTestId('compare.take').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getAllByText(/Deze stap is nu gesloten/).length).toBeGreaterThan(0);
  });
});

describe("the facilitator's corrections", () => {
  it('[C4] the facilitator splits a wrong pair ("niet hetzelfde") and joins two cards; it is stored in the session document', async () => {
    const session = new Y.Doc();
    const fac = renderCompare({ access: 'facilitator', session });
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    // The café and the walking club were grouped; the facilitator says they are not the same.
    const pair = groupWith(fac.cafe);
    expect(pair).toHaveAttribute('data-single', 'false');
    const split = within(pair).getAllByTestId('compare.split')[0];
    expect(split).toHaveAccessibleName('Niet hetzelfde: haal “een dementiecafé opzetten” uit deze groep');
    await user.click(split);
    expect(readPairDecisions(session).splits).toEqual([[fac.cafe, fac.walk].sort()]);
    expect(groupWith(fac.cafe)).toHaveAttribute('data-single', 'true');
    expect(groupWith(fac.walk)).toHaveAttribute('data-single', 'true');
    expect(within(screen.getByTestId('compare.groups')).queryAllByTestId('compare.group')).toHaveLength(0);
    // Join the café with the rent card (the similarity would never): a select and a button, no dragging.
    const cafe = groupWith(fac.cafe);
    await user.selectOptions(
      within(cafe).getByTestId('compare.join.select'),
      within(cafe).getByRole('option', { name: /huurachterstand voorkomen/ }),
    );
    await user.click(within(cafe).getByTestId('compare.join.button'));
    expect(readPairDecisions(session).joins).toEqual([[fac.cafe, fac.rent].sort()]);
    const joined = groupWith(fac.cafe);
    expect(joined).toHaveAttribute('data-single', 'false');
    expect(joined.querySelector(`[data-card-id="${fac.rent}"]`)).not.toBeNull();
    expect(screen.getByTestId('compare.status')).toHaveTextContent('Samengevoegd');
    fac.unmount();
  });

  it('[C4] a participant sees the corrected groups but cannot split or join', async () => {
    const session = new Y.Doc();
    const anna = renderCompare({ session });
    await screen.findByTestId('compare.partner.gemeente');
    expect(screen.queryAllByTestId('compare.split')).toHaveLength(0);
    expect(screen.queryAllByTestId('compare.join.select')).toHaveLength(0);
    expect(groupWith(anna.cafe)).toHaveAttribute('data-single', 'false');
    // The facilitator's decision arrives through the session document.
    act(() => session.getMap('compareDecisions').set([anna.cafe, anna.walk].sort().join('|'), 'split'));
    expect(groupWith(anna.cafe)).toHaveAttribute('data-single', 'true');
    anna.unmount();
  });

  it("[C6] in the mixed session the facilitator's choice of step is written as the projector's focus; participants follow it", async () => {
    const session = new Y.Doc();
    setSessionPlan(session, { mode: 'free', active: ['values'] }, SEED);
    setStage(session, 'heterogeneous', SEED);
    const fac = renderCompare({ access: 'facilitator', session });
    const user = userEvent.setup();
    await screen.findByTestId('compare.partner.gemeente');
    expect(screen.getByTestId('compare.onScreen')).toHaveAttribute('data-on-screen', 'false');
    await user.click(screen.getByTestId('compare.column.relations'));
    expect(readSession(session).focus).toEqual({ kind: 'column', column: 'relations' });
    expect(screen.getByTestId('compare')).toHaveAttribute('data-column', 'relations');
    expect(screen.getByTestId('compare.onScreen')).toHaveAttribute('data-on-screen', 'true');
    fac.unmount();
    // A participant's view follows the step the facilitator compares.
    const anna = renderCompare({ session });
    await screen.findByTestId('compare.partner.gemeente');
    expect(screen.getByTestId('compare')).toHaveAttribute('data-column', 'relations');
    act(() => setFocus(session, { kind: 'column', column: 'values' }, SEED));
    expect(screen.getByTestId('compare')).toHaveAttribute('data-column', 'values');
    anna.unmount();
  });
});
