import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, WorkshopInfo } from '../shared/api.js';
import { COLUMN_IDS } from '../shared/columns.js';
import { readMap, type MapSnapshot } from '../shared/readModel.js';
import { DEFAULTS } from './config.js';
import { api, connectClient, startTestServer, tempDataDir, waitFor } from './test/harness.js';
import { demoFileFor, type SampleWorkshop } from './workshops/sampleWorkshop.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const builtIn = (lang: 'nl' | 'en'): SampleWorkshop =>
  JSON.parse(fs.readFileSync(demoFileFor(DEFAULTS.demoFixturePath, lang)!, 'utf8'));

async function openDemo(query = '', headers: Record<string, string> = {}, demoFixturePath = DEFAULTS.demoFixturePath) {
  const app = await startTestServer({ demoFixturePath });
  cleanup.push(() => app.close());
  expect((await api<{ available: boolean }>(app.url, 'GET', '/api/demo')).body.available).toBe(true);
  const created = await api<CreateWorkshopResponse>(app.url, 'POST', `/api/demo${query}`, undefined, headers);
  expect(created.status).toBe(201);
  const info = (await api<WorkshopInfo>(app.url, 'GET', `/api/workshops/${created.body.id}`)).body;
  return { app, created: created.body, info };
}

async function readDoc(
  port: number,
  id: string,
  doc: `map:${string}`,
  token: string,
  cards: number,
): Promise<MapSnapshot> {
  const client = connectClient(port, id, doc, token);
  cleanup.push(() => client.destroy());
  await waitFor(() => readMap(client.doc).cardCount === cards, `${doc} loaded with ${cards} cards`);
  return readMap(client.doc);
}

describe('demo workshop', () => {
  it('[A7] is built in: one click opens the Dutch demo with partners, their own maps and the joint map', async () => {
    const demo = builtIn('nl');
    const { app, created, info } = await openDemo();
    expect(info.title).toBe(demo.title);
    expect(info.flow).toBe('partners-first');
    expect(info.partners.map((p) => p.name)).toEqual(demo.partners.map((p) => p.name));
    expect(info.partners).toHaveLength(4);

    const joint = await readDoc(app.port, created.id, 'map:joint', created.facilitatorToken, demo.jointMap.length);
    const cards = Object.values(joint.columns).flat();
    // Every step has cards; the dialogue has happened: agreed, parked and open cards, support and arguments.
    for (const column of COLUMN_IDS) expect(joint.columns[column].length, column).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.status))).toEqual(new Set(['open', 'agreed', 'parked']));
    expect(cards.some((c) => c.supporters.length >= 4)).toBe(true);
    expect(
      cards.some((c) => c.arguments.some((a) => a.side === 'for') && c.arguments.some((a) => a.side === 'against')),
    ).toBe(true);
    expect(cards.every((c) => c.authorName !== '' && info.partners.some((p) => p.id === c.partner))).toBe(true);
    // Actions: the agreed ones have who, what and when; one is still open because its "when" is missing.
    const steps = joint.columns.steps;
    expect(steps.filter((c) => c.status === 'agreed').length).toBeGreaterThanOrEqual(2);
    expect(steps.every((c) => c.status !== 'agreed' || (c.who && c.what && c.when))).toBe(true);
    expect(steps.some((c) => c.status === 'open' && c.who && !c.when)).toBe(true);
    // Provenance: joint cards taken from the partners' maps name partners of this workshop.
    const withOrigins = cards.filter((c) => c.origins.length > 0);
    expect(withOrigins.length).toBe(demo.jointMap.filter((c) => c.origins?.length).length);
    expect(withOrigins.every((c) => c.origins.every((o) => info.partners.some((p) => p.id === o.partner)))).toBe(true);

    for (const [i, partner] of info.partners.entries()) {
      const own = demo.partnerMaps[demo.partners[i].id];
      const map = await readDoc(app.port, created.id, `map:${partner.id}`, created.facilitatorToken, own.length);
      expect(
        Object.values(map.columns)
          .flat()
          .every((c) => c.partner === partner.id && c.authorName !== ''),
      ).toBe(true);
    }
  });

  it('[A7] comes in the language the person chose (?lang=), else the browser language, else Dutch', async () => {
    const en = builtIn('en');
    const nl = builtIn('nl');
    expect(en.title).not.toBe(nl.title);
    const chosen = await openDemo('?lang=en', { 'accept-language': 'nl-NL,nl;q=0.9' });
    expect(chosen.info.title).toBe(en.title);
    expect(chosen.info.partners.map((p) => p.name)).toEqual(en.partners.map((p) => p.name));
    const joint = await readDoc(
      chosen.app.port,
      chosen.created.id,
      'map:joint',
      chosen.created.facilitatorToken,
      en.jointMap.length,
    );
    expect(joint.columns.values[0].plainText).toBe(en.jointMap[0].text);

    expect((await openDemo('', { 'accept-language': 'de-DE,en-GB;q=0.8,nl;q=0.5' })).info.title).toBe(en.title);
    expect((await openDemo('?lang=xx', { 'accept-language': 'fr' })).info.title).toBe(nl.title);
  });

  it('[A7] a file given by configuration replaces the built-in demo, for every language', async () => {
    const file = path.join(tempDataDir(), 'our-demo.json');
    const own = {
      title: 'Samen in de Vogelbuurt',
      flow: 'joint',
      partners: [
        { id: 'a', name: 'Buurtteam' },
        { id: 'b', name: 'Bewoners' },
      ],
      participants: [{ id: 'x', name: 'Ria', partner: 'b', role: 'citizen' }],
      partnerMaps: {},
      jointMap: [{ column: 'values', text: 'Iedereen kent zijn buren.', author: 'x', status: 'agreed' }],
    };
    fs.writeFileSync(file, JSON.stringify(own));
    const { app, created, info } = await openDemo('?lang=en', {}, file);
    expect(info.title).toBe(own.title);
    expect(info.flow).toBe('joint');
    const joint = await readDoc(app.port, created.id, 'map:joint', created.facilitatorToken, 1);
    expect(joint.columns.values[0]).toMatchObject({
      plainText: 'Iedereen kent zijn buren.',
      status: 'agreed',
      authorName: 'Ria',
    });
  });

  it('[A7] switched off (or a configured file that is missing) the demo is simply not offered', async () => {
    for (const demoFixturePath of [null, path.join(tempDataDir(), 'missing-{lang}.json')]) {
      const app = await startTestServer({ demoFixturePath });
      cleanup.push(() => app.close());
      expect((await api<{ available: boolean }>(app.url, 'GET', '/api/demo')).body.available).toBe(false);
      expect((await api(app.url, 'POST', '/api/demo')).status).toBe(404);
    }
  });
});
