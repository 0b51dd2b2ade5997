import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, CreateWorkshopResponse, WhoAmIResponse, WorkshopInfo } from '../shared/api.js';
import { LIMITS } from '../shared/validation.js';
import { api, createWorkshop, startTestServer } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(overrides = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  return app;
}

describe('HTTP API', () => {
  it('[A1] creating a workshop gives an unguessable id, a participant link and a secret facilitator link', async () => {
    const app = await server();
    const res = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
      title: '  Samen sterk  ',
      partners: ['Gemeente', 'Wijkverpleging', '', 'Bewoners en mantelzorgers'],
    });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[a-z0-9]{26}$/);
    expect(res.body.participantPath).toBe(`/w/${res.body.id}`);
    expect(res.body.facilitatorPath).toBe(`/w/${res.body.id}/facilitator#${res.body.facilitatorToken}`);
    const info = await api<WorkshopInfo>(app.url, 'GET', `/api/workshops/${res.body.id}`);
    expect(info.body.title).toBe('Samen sterk');
    expect(info.body.partners.map((p) => [p.id, p.name])).toEqual([
      ['gemeente', 'Gemeente'],
      ['wijkverpleging', 'Wijkverpleging'],
      ['bewoners-en-mantelzorgers', 'Bewoners en mantelzorgers'],
    ]);
    // Tokens are stored hashed only.
    const rows = (await app.store.query('SELECT token_hash FROM participants')) as { token_hash: Buffer }[];
    // The facilitator and the projector.
    expect(rows).toHaveLength(2);
    const projectorToken = res.body.projectorPath.split('#')[1];
    for (const r of rows) {
      expect([res.body.facilitatorToken, projectorToken]).not.toContain(r.token_hash.toString('base64url'));
      expect(r.token_hash).toHaveLength(32);
    }
    expect(res.body.projectorPath).toMatch(new RegExp(`^/w/${res.body.id}/projector#[A-Za-z0-9_-]{43}$`));
    expect(res.body.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const me = await api<WhoAmIResponse>(app.url, 'GET', `/api/workshops/${res.body.id}/me`, undefined, {
      authorization: `Bearer ${res.body.facilitatorToken}`,
    });
    expect(me.body.access).toBe('facilitator');
  });

  it('[A2] missing or too long title and partner names get a 400 with a readable message', async () => {
    const app = await server();
    const noTitle = await api<ApiError>(app.url, 'POST', '/api/workshops', { partners: ['A'] });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toMatch(/title/i);
    expect(noTitle.body.fields).toContainEqual({ field: 'title', code: 'required' });
    const long = await api<ApiError>(app.url, 'POST', '/api/workshops', {
      title: 'x'.repeat(LIMITS.titleMax + 1),
      partners: ['y'.repeat(LIMITS.partnerNameMax + 1)],
    });
    expect(long.status).toBe(400);
    expect(long.body.fields).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'tooLong' },
        { field: 'partners.0', code: 'tooLong' },
      ]),
    );
    const noPartners = await api<ApiError>(app.url, 'POST', '/api/workshops', { title: 'T', partners: [] });
    expect(noPartners.body.fields).toContainEqual({ field: 'partners', code: 'tooFew' });
  });

  it('[A3] bad JSON, wrong content type and oversized bodies are clear 4xx errors', async () => {
    const app = await server();
    const badJson = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as ApiError).error).toBe('invalid_json');
    const text = await fetch(`${app.url}/api/workshops`, { method: 'POST', body: 'hi' });
    expect(text.status).toBe(415);
    const huge = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(100_000), partners: ['a'] }),
    }).catch(() => null);
    // The server may reset the socket after answering 413; either way it keeps running.
    if (huge) expect(huge.status).toBe(413);
    expect((await api<{ ok: boolean }>(app.url, 'GET', '/api/health')).body.ok).toBe(true);
  });

  it('[A4] unknown workshops are a 404 with a message', async () => {
    const app = await server();
    const res = await api<ApiError>(app.url, 'GET', `/api/workshops/${'a'.repeat(26)}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
    const join = await api<ApiError>(app.url, 'POST', `/api/workshops/${'a'.repeat(26)}/participants`, {
      name: 'A',
      partner: 'x',
      role: 'citizen',
    });
    expect(join.status).toBe(404);
  });

  it('[A5] joining checks name, partner and role; /me knows the participant', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const bad = await api<ApiError>(app.url, 'POST', `/api/workshops/${w.id}/participants`, {
      name: '',
      partner: 'nope',
      role: 'king',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => f.field).sort()).toEqual(['name', 'partner', 'role']);
    const token = await w.participant('Fatima', 1);
    const me = await api<WhoAmIResponse>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(me.body).toMatchObject({
      name: 'Fatima',
      partner: w.partners[1].id,
      role: 'professional',
      access: 'participant',
    });
    const wrong = await api<ApiError>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
      authorization: `Bearer ${'z'.repeat(43)}`,
    });
    expect(wrong.status).toBe(401);
  });

  it('[A6] the built client is served with a closed-network content security policy', async () => {
    const app = await server();
    const res = await fetch(`${app.url}/w/${'a'.repeat(26)}`);
    // Either the built index.html (SPA fallback) or a clear message that the client is not built yet.
    expect([200, 503]).toContain(res.status);
    if (res.status === 200) expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${app.url}/assets/nope.js`)).status).toBe(404);
  });
});
