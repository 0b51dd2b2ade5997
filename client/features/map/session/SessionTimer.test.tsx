import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SEED } from '../../../../shared/origins.js';
import { pauseTimer, setActiveColumns, setSessionPlan, setTimer, startTimer } from '../../../../shared/session.js';
import { renderInWorkshop } from '../../../test/renderInWorkshop.js';
import { createMapUiStore, MapUiContext } from '../uiStore.js';
import { SessionTimer } from './SessionTimer.js';
import { timerView } from './timerMath.js';

/** This laptop's clock is 42 s behind the server. */
const LOCAL_NOW = 1_700_000_000_000;
const OFFSET = 42_000;
const SERVER_NOW = LOCAL_NOW + OFFSET;

function renderTimer(session: Y.Doc, clockOffsetMs = OFFSET) {
  return renderInWorkshop(
    <MapUiContext.Provider value={createMapUiStore('map:joint')}>
      <SessionTimer />
    </MapUiContext.Provider>,
    { docs: new Map([['session', session]]), clockOffsetMs },
  );
}

const shown = () => screen.getByTestId('session.timer').querySelector('.timer-time')?.textContent;

describe('[G7] timer display', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: LOCAL_NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('timerView counts whole seconds up and is never below zero', () => {
    expect(timerView({ durationMs: 300_000, endsAt: null, remainingMs: 300_000 }, 0)).toMatchObject({
      text: '5:00',
      phase: 'paused',
    });
    expect(timerView({ durationMs: 90_000, endsAt: 10_000, remainingMs: 0 }, 9_001)).toMatchObject({
      text: '0:01',
      phase: 'running',
    });
    expect(timerView({ durationMs: 90_000, endsAt: 10_000, remainingMs: 0 }, 99_000)).toMatchObject({
      text: '0:00',
      phase: 'done',
      remainingMs: 0,
    });
  });

  it('counts down on the server clock (not the local one) and signals zero without cutting anything off', () => {
    const session = new Y.Doc();
    setTimer(session, 90_000, SEED);
    startTimer(session, SERVER_NOW, SEED);
    renderTimer(session);
    // With the local clock it would show 2:12; the server clock says 1:30.
    expect(shown()).toBe('1:30');
    expect(screen.getByTestId('session.timer')).toHaveAttribute('data-phase', 'running');

    act(() => vi.advanceTimersByTime(30_000));
    expect(shown()).toBe('1:00');

    act(() => vi.advanceTimersByTime(60_000));
    expect(shown()).toBe('0:00');
    expect(screen.getByTestId('session.timer')).toHaveAttribute('data-phase', 'done');
    expect(screen.getByTestId('session.timer.done')).toHaveTextContent('De tijd is om');
  });

  it('a paused timer shows the time left and does not move', () => {
    const session = new Y.Doc();
    setTimer(session, 120_000, SEED);
    startTimer(session, SERVER_NOW - 45_000, SEED);
    pauseTimer(session, SERVER_NOW, SEED);
    renderTimer(session);
    expect(shown()).toBe('1:15');
    act(() => vi.advanceTimersByTime(10_000));
    expect(shown()).toBe('1:15');
    expect(screen.getByTestId('session.timer')).toHaveTextContent('gepauzeerd');
  });

  it('follows the facilitator: start after pause, and no timer shows nothing', () => {
    const session = new Y.Doc();
    const view = renderTimer(session);
    expect(screen.queryByTestId('session.timer')).toBeNull();
    act(() => setTimer(session, 60_000, SEED));
    expect(shown()).toBe('1:00');
    act(() => startTimer(session, SERVER_NOW, SEED));
    act(() => vi.advanceTimersByTime(15_000));
    expect(shown()).toBe('0:45');
    view.unmount();
  });

  it('[G8] a timer that ran out in step 1 is gone from the map once the facilitator moves to step 2', () => {
    const session = new Y.Doc();
    setSessionPlan(session, { mode: 'separate' }, SEED);
    setTimer(session, 60_000, SEED);
    startTimer(session, SERVER_NOW, SEED);
    renderTimer(session);
    act(() => vi.advanceTimersByTime(61_000));
    expect(screen.getByTestId('session.timer')).toHaveAttribute('data-phase', 'done');
    act(() => setActiveColumns(session, ['relations'], SEED));
    expect(screen.queryByTestId('session.timer')).toBeNull();
  });
});
