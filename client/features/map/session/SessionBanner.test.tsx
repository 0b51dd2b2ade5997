import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../../../../shared/origins.js';
import { setPromptShown, setRound, setRuleInFocus } from '../../../../shared/session.js';
import { setLanguage } from '../../../i18n/index.js';
import { guidedSession, renderSessionMap, workshopWithPeople } from '../../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('rule, question and round in focus', () => {
  it('shows the dialogue rule and the facilitator question the facilitator puts in focus, in the UI language', async () => {
    const session = guidedSession();
    const m = renderSessionMap({ session });
    teardown = m.cleanup;
    expect(screen.queryByTestId('session.banner')).toBeNull();

    act(() => setRuleInFocus(session, 4, SEED));
    expect(screen.getByTestId('session.rule')).toHaveTextContent('Regel 4: Anderen kunnen betere argumenten hebben.');
    act(() => setPromptShown(session, 'who-when', SEED));
    expect(screen.getByTestId('session.prompt')).toHaveTextContent('Wie doet dit, en wanneer?');

    await act(() => setLanguage('en'));
    expect(screen.getByTestId('session.rule')).toHaveTextContent('Rule 4: Others may have better arguments.');
    expect(screen.getByTestId('session.prompt')).toHaveTextContent('Who will do this, and when?');

    act(() => {
      setRuleInFocus(session, null, SEED);
      setPromptShown(session, null, SEED);
    });
    expect(screen.queryByTestId('session.banner')).toBeNull();
  });

  it('round mode: shows whose turn it is with their partner, and highlights it for the person themselves', () => {
    const session = guidedSession();
    const m = renderSessionMap({ session, workshop: workshopWithPeople() });
    teardown = m.cleanup;

    act(() => setRound(session, { order: ['p2', 'p1'], index: 0 }, SEED));
    const round = screen.getByTestId('session.round');
    expect(round).toHaveTextContent('Nu aan het woord: Bram (Zorg)');
    expect(round).toHaveTextContent('Daarna: Anna (Gemeente)');
    expect(round).not.toHaveAttribute('data-me');

    act(() => setRound(session, { order: ['p2', 'p1'], index: 1 }, SEED));
    expect(screen.getByTestId('session.round')).toHaveAttribute('data-me');
    expect(screen.getByTestId('session.round')).toHaveTextContent('Jij bent nu aan de beurt.');

    act(() => setRound(session, null, SEED));
    expect(screen.queryByTestId('session.round')).toBeNull();
  });
});
