import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { setScores } from '../shared/rounds/privateInputs.js';
import { readRound, requestClose, requestScoreRound } from '../shared/rounds/rounds.js';
import { scoreLine } from '../shared/scoreLine.js';
import { readScoreRounds } from '../shared/scores.js';
import { putMeeting, readMeetings, startMeeting } from '../shared/trajectory.js';
import { api, connectClient, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/**
 * [Y6][Y8] With real clients on a real server: the facilitator runs two meetings with a check-in
 * each, three participants answer from their own private documents, and the server files each round
 * under the meeting going on; the exports made on the server carry the line.
 */
describe('the line of scores over the meetings, on the server', () => {
  it('[Y6][Y8] the server files each check-in under the meeting going on; the stand van zaken and the convenant print the line', async () => {
    const app = await startTestServer();
    cleanup.push(() => app.close());
    const { body: w } = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
      title: 'Samen verder',
      partners: ['Gemeente', 'Buurt'],
    });
    const open = (doc: Parameters<typeof connectClient>[2], token: string) => {
      const c = connectClient(app.port, w.id, doc, token);
      cleanup.push(() => c.destroy());
      return c;
    };
    const people: { id: string; inputs: TestClient }[] = [];
    for (const name of ['Anna', 'Carla', 'Dirk']) {
      const { body } = await api<{ participantId: string; token: string }>(
        app.url,
        'POST',
        `/api/workshops/${w.id}/participants`,
        { name, partner: 'gemeente', role: 'citizen' },
      );
      const inputs = open(`private:${body.participantId}`, body.token);
      await synced(inputs);
      people.push({ id: body.participantId, inputs });
    }
    const session = open('session', w.facilitatorToken);
    await synced(session);
    putMeeting(session.doc, { id: 'm1', n: 1, date: '2026-11-30', goal: '', steps: ['values'] }, LOCAL_USER);
    putMeeting(session.doc, { id: 'm2', n: 2, date: '2026-12-07', goal: '', steps: ['review'] }, LOCAL_USER);
    const serverDoc = (doc: string) => app.registry.peek(roomName(w.id, doc as never))!.doc;

    const checkIn = async (meeting: string, scores: [number, number][]) => {
      startMeeting(session.doc, meeting, LOCAL_USER);
      const round = requestScoreRound(session.doc, 'checkin', LOCAL_USER);
      await waitFor(() => readRound(session.doc, round) !== null, 'opened');
      // The meeting ends before the round closes: the round stays with the meeting it opened in.
      startMeeting(session.doc, null, LOCAL_USER);
      people.forEach((p, i) =>
        setScores(p.inputs.doc, round, { klik: scores[i][0], taak: scores[i][1], word: '' }, LOCAL_USER),
      );
      await waitFor(
        () => people.every((p) => serverDoc(`private:${p.id}`).getMap('scores').has(round)),
        'scores on the server',
      );
      requestClose(session.doc, round, LOCAL_USER);
      await waitFor(() => readRound(session.doc, round)?.result != null, 'closed');
      return round;
    };
    const first = await checkIn('m1', [
      [8, 6],
      [6, 5],
      [7, 7],
    ]);
    const second = await checkIn('m2', [
      [9, 8],
      [7, 7],
      [8, 8],
    ]);
    expect(readScoreRounds(session.doc).map((r) => [r.id, r.meeting])).toEqual([
      [first, 'm1'],
      [second, 'm2'],
    ]);
    const line = scoreLine(readMeetings(session.doc), readScoreRounds(session.doc));
    expect(line.map((m) => m.checkin?.overall)).toEqual([
      { klik: 7, taak: 6 },
      { klik: 8, taak: 7.7 },
    ]);

    const get = async (kind: string) => {
      const res = await fetch(`${app.url}/api/workshops/${w.id}/export/${kind}?lang=nl&date=2026-12-07`, {
        headers: { authorization: `Bearer ${w.facilitatorToken}` },
      });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    const stand = text(await get('stand.md'));
    expect(stand).toContain('## De klik en de taak over de bijeenkomsten');
    expect(stand).toContain('### Bijeenkomst 1 – 30 november 2026');
    expect(stand).toContain('| Check-in | Iedereen | 3 | 7 | 6 |');
    expect(stand).toContain('| Check-in | Gemeente | 3 | 8 | 7,7 |');
    expect(text(await get('convenant.md'))).toContain('### Bijeenkomst 2 – 7 december 2026');
    expect(text((await get('stand.pdf')).slice(0, 5))).toBe('%PDF-');
  }, 60_000);
});
