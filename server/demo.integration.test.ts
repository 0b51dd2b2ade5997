import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, WorkshopInfo } from '../shared/api.js';
import { readMap } from '../shared/readModel.js';
import { api, connectClient, startTestServer, waitFor } from './test/harness.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures', 'sample-workshop.json');
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('demo workshop', () => {
  it.runIf(fs.existsSync(fixture))('[A7] one click opens the sample workshop: partners, their maps and the joint map with provenance', async () => {
    const app = await startTestServer({ demoFixturePath: fixture });
    cleanup.push(() => app.close());
    expect((await api<{ available: boolean }>(app.url, 'GET', '/api/demo')).body.available).toBe(true);
    const created = (await api<CreateWorkshopResponse>(app.url, 'POST', '/api/demo')).body;
    const info = (await api<WorkshopInfo>(app.url, 'GET', `/api/workshops/${created.id}`)).body;
    expect(info.partners).toHaveLength(4);
    expect(info.flow).toBe('partners-first');
    const joint = connectClient(app.port, created.id, 'map:joint', created.facilitatorToken);
    const partner = connectClient(app.port, created.id, `map:${info.partners[0].id}`, created.facilitatorToken);
    cleanup.push(() => joint.destroy(), () => partner.destroy());
    await waitFor(() => readMap(joint.doc).cardCount === 25 && readMap(partner.doc).cardCount === 7, 'sample maps loaded');
    const map = readMap(joint.doc);
    const withOrigins = Object.values(map.columns).flat().filter((c) => c.origins.length > 0);
    expect(withOrigins.length).toBe(5);
    expect(withOrigins[0].origins.every((o) => info.partners.some((p) => p.id === o.partner))).toBe(true);
    expect(map.columns.steps.every((c) => c.status !== 'agreed' || (c.who && c.what && c.when))).toBe(true);
    expect(readMap(partner.doc).columns.values[0].authorName).not.toBe('');
  });

  it('[A7] without a sample file the demo is simply not offered', async () => {
    const app = await startTestServer({ demoFixturePath: null });
    cleanup.push(() => app.close());
    expect((await api<{ available: boolean }>(app.url, 'GET', '/api/demo')).body.available).toBe(false);
    expect((await api(app.url, 'POST', '/api/demo')).status).toBe(404);
  });
});
