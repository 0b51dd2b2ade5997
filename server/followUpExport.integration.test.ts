import { describe, expect, it } from 'vitest';
import { setFollowUp } from '../shared/followUp.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { agreedAction } from './test/actions.js';
import { cleanupAfterEach, liveWorkshop } from './test/fixtures.js';
import { identityOf, mapJson, synced, waitFor } from './test/harness.js';

const scope = cleanupAfterEach();

async function followedUp() {
  const { app, w, open, room } = await liveWorkshop(scope);
  const pia = await w.participant('Pia', 0);
  const map = open('map:joint', w.facilitatorToken);
  await synced(map);
  const value = createCard(
    map.doc,
    { column: 'values', author: '', authorName: 'F', partner: '', text: 'Iedereen telt mee' },
    LOCAL_USER,
  );
  const a = agreedAction(map.doc, 'Buurtavond organiseren', [value]);
  const b = agreedAction(map.doc, 'Folder maken');
  const c = agreedAction(map.doc, 'Spreekuur starten', [value]);
  const piaId = identityOf(pia).author;
  setFollowUp(
    map.doc,
    a,
    { owner: { kind: 'person', id: piaId }, due: '2026-12-01', status: 'doing', note: 'Zaal geboekt' },
    LOCAL_USER,
  );
  setFollowUp(
    map.doc,
    b,
    { owner: { kind: 'partner', id: w.partners[1].id }, due: '2026-12-20', status: 'planned' },
    LOCAL_USER,
  );
  setFollowUp(map.doc, c, { status: 'done', due: '2026-11-20' }, LOCAL_USER);
  await waitFor(() => mapJson(room()!.doc) === mapJson(map.doc), 'stored on the server');
  const get = async (kind: string, date = '2026-12-07') => {
    const res = await fetch(`${app.url}/api/workshops/${w.id}/export/${kind}?lang=nl&date=${date}`, {
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  return { get, w };
}

describe('exports of the follow-up', () => {
  it('[J8] stand van zaken: per value with counts, then every action with owner, due date, status and note', async () => {
    const { get, w } = await followedUp();
    const md = await get('stand.md');
    expect(md.status).toBe(200);
    const text = md.text;
    expect(text).toContain('Stand van zaken');
    const perValue = text.slice(text.indexOf('Per waarde'), text.indexOf('Alle acties'));
    expect(perValue).toContain('Waarde: Iedereen telt mee');
    expect(perValue).toMatch(/0 gepland, 1 bezig, 1 gedaan/);
    expect(perValue).toContain('Zonder waarde');
    expect(perValue).toContain('Eigenaar: Pia');
    expect(perValue).toContain('Stand: bezig (te laat)');
    expect(perValue).toContain('Toelichting: Zaal geboekt');
    expect(perValue).toContain(`Eigenaar: ${w.partners[1].name}`);
    const all = text.slice(text.indexOf('Alle acties'));
    expect(all).toMatch(
      /\| 1 \| Buurtavond organiseren \| Pia \| 1 december 2026 \(te laat\) \| bezig \| Zaal geboekt \|/,
    );
    // A done action is never late; a week earlier nothing was late yet.
    expect(all).not.toMatch(/20 november 2026 \(te laat\)/);
    expect((await get('stand.md', '2026-11-25')).text).not.toContain('te laat');
    for (const kind of ['stand.docx', 'stand.pdf']) expect((await get(kind)).status).toBe(200);
  });

  it('[J8] the convenant prints owner, due date and status with each action', async () => {
    const { get } = await followedUp();
    const md = (await get('convenant.md')).text;
    const plan = md.slice(md.indexOf('Actieplan'));
    expect(plan).toContain('Opvolging');
    expect(plan).toContain('Pia; klaar op 1 december 2026; bezig');
    expect(plan).toContain('–; klaar op 20 november 2026; gedaan');
  });

  it('[J8] the actions with a due date as a calendar file, done ones left out', async () => {
    const { get } = await followedUp();
    const ics = await get('acties.ics');
    expect(ics.type).toContain('text/calendar');
    const events = ics.text.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20261201');
    expect(ics.text).toContain('DTEND;VALUE=DATE:20261202');
    expect(ics.text).toContain('SUMMARY:Actie: Buurtavond organiseren');
    expect(ics.text).not.toContain('Spreekuur');
    expect(ics.text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
  });
});
