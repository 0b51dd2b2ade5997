import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { DEFAULTS } from './config.js';
import { api, connectClient, createWorkshop, startTestServer, synced, waitForAsync } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const dir = mkdtempSync(join(tmpdir(), 'pkl-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const poppler = (cmd: string, ...args: string[]) => execFileSync(`/usr/bin/${cmd}`, args, { encoding: 'utf8' });
const squash = (s: string) => s.normalize('NFC').replace(/[\s\-•]/g, '');

const VALUE = 'Mantelzorgers voelen zich gesteund — ëën café, € 5.000 ✓';
const STEP = 'Folder maken over het mantelzorgcafé';
const OWN = 'Wijkverpleging belt elke nieuwe cliënt';

async function download(url: string, token: string | null) {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

async function filled(dataDir?: string) {
  const app = await startTestServer(dataDir ? { dataDir } : {});
  cleanup.push(() => app.close());
  const w = await createWorkshop(app.url, ['Gemeente Zuidërwijk', 'Wijkzorg']);
  const participant = await w.participant('Fatima', 1);
  const map = connectClient(app.port, w.id, 'map:joint', w.facilitatorToken);
  const own = connectClient(app.port, w.id, `map:${w.partners[1].id}`, w.facilitatorToken);
  cleanup.push(
    () => map.destroy(),
    () => own.destroy(),
  );
  await Promise.all([map, own].map(synced));
  createCard(
    map.doc,
    { column: 'values', author: '', authorName: 'Fatima', partner: w.partners[1].id as never, text: VALUE },
    LOCAL_USER,
  );
  createCard(
    map.doc,
    { column: 'steps', author: '', authorName: 'Ruud', partner: w.partners[0].id as never, text: STEP },
    LOCAL_USER,
  );
  createCard(
    own.doc,
    { column: 'values', author: '', authorName: 'Fatima', partner: w.partners[1].id as never, text: OWN },
    LOCAL_USER,
  );
  const base = `${app.url}/api/workshops/${w.id}/export`;
  await waitForAsync(async () => {
    const md = await download(`${base}/convenant.md?map=${w.partners[1].id}`, w.facilitatorToken);
    const joint = await download(`${base}/convenant.md`, w.facilitatorToken);
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    return text(md.bytes).includes(OWN) && text(joint.bytes).includes(STEP);
  }, 'the cards reached the server');
  return { app, w, participant, base };
}

describe('exports from the server', () => {
  it('[E8] every kind can be fetched with the facilitator token, with a file name and type', async () => {
    const { w, base } = await filled();
    const t = w.facilitatorToken;
    const kinds = {
      'a3.pdf': 'application/pdf',
      'map.svg': 'image/svg+xml',
      'convenant.pdf': 'application/pdf',
      'convenant.docx': 'application/vnd.openxmlformats',
      'convenant.md': 'text/markdown',
      'backup.json': 'application/json',
    };
    const got: Record<string, Uint8Array> = {};
    for (const [kind, type] of Object.entries(kinds)) {
      const r = await download(`${base}/${kind}?date=2026-03-12`, t);
      expect(r.status, kind).toBe(200);
      expect(r.type).toContain(type);
      expect(r.disposition).toMatch(/^attachment; filename="[a-z0-9-]+-2026-03-12\.[a-z]+"/);
      got[kind] = r.bytes;
    }
    const pdf = join(dir, 'a3.pdf');
    writeFileSync(pdf, got['a3.pdf']);
    expect(poppler('pdfinfo', pdf)).toMatch(/Tagged:\s+yes/);
    expect(squash(poppler('pdftotext', '-enc', 'UTF-8', pdf, '-'))).toContain(squash(VALUE));
    const svg = new TextDecoder().decode(got['map.svg']);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1190.55 841.89"/);
    expect(svg).toContain('Mantelzorgers');
    expect(new TextDecoder().decode(got['convenant.md'])).toContain(VALUE);
    expect(new TextDecoder().decode(got['convenant.docx'].slice(0, 2))).toBe('PK');
    const conv = join(dir, 'convenant.pdf');
    writeFileSync(conv, got['convenant.pdf']);
    expect(poppler('pdfinfo', conv)).toMatch(/Tagged:\s+yes/);
    const convText = poppler('pdftotext', '-enc', 'UTF-8', conv, '-');
    // [E7] The parties as a convenant lists them: each partner with who was there for it.
    expect(convText).toContain('Wijkzorg, vertegenwoordigd door Fatima');
    expect(convText).toContain('Gemeente Zuidërwijk, vertegenwoordigd door: …');
    expect(JSON.parse(new TextDecoder().decode(got['backup.json'])).format).toBeTruthy();
  }, 60_000);

  it('[E8] a partner map is exported with "versie ingevuld door", in English when asked', async () => {
    const { w, base } = await filled();
    const r = await download(`${base}/a3.pdf?map=${w.partners[1].id}&lang=en`, w.facilitatorToken);
    expect(r.status).toBe(200);
    expect(r.disposition).toContain('-wijkzorg-');
    const file = join(dir, 'partner.pdf');
    writeFileSync(file, r.bytes);
    const text = poppler('pdftotext', '-enc', 'UTF-8', file, '-');
    expect(text).toContain('version filled in by Wijkzorg');
    expect(squash(text)).toContain(squash(OWN));
    expect(squash(text)).not.toContain(squash(VALUE));
    expect(poppler('pdfinfo', file)).toMatch(/Title:\s+Test · Map of Wijkzorg/);
  }, 60_000);

  it('[E8] refuses a participant (403), no token (401), an unknown kind or map (404) and bad options (400)', async () => {
    const { w, participant, base } = await filled();
    expect((await download(`${base}/a3.pdf`, participant)).status).toBe(403);
    expect((await download(`${base}/backup.json`, participant)).status).toBe(403);
    expect((await download(`${base}/a3.pdf`, null)).status).toBe(401);
    expect((await download(`${base}/a3.exe`, w.facilitatorToken)).status).toBe(404);
    expect((await download(`${base}/a3.pdf?map=nobody`, w.facilitatorToken)).status).toBe(404);
    expect((await download(`${base}/a3.pdf?lang=fr`, w.facilitatorToken)).status).toBe(400);
    expect((await download(`${base}/a3.pdf?date=morgen`, w.facilitatorToken)).status).toBe(400);
  }, 60_000);

  it('[E8] reads the maps from SQLite when no room is loaded (after a restart)', async () => {
    const { app, w } = await filled();
    const dataDir = app.config.dataDir;
    for (const fn of cleanup.splice(0).reverse()) await fn();
    const again = await startTestServer({ dataDir });
    cleanup.push(() => again.close());
    const r = await download(`${again.url}/api/workshops/${w.id}/export/convenant.md`, w.facilitatorToken);
    expect(r.status).toBe(200);
    expect(new TextDecoder().decode(r.bytes)).toContain(STEP);
    expect(again.registry.size).toBe(0);
  }, 60_000);

  it('[E1] the demo workshop prints as one A3 sheet at 6.5 pt or more', async () => {
    // The product's own demo (server/workshops/demo), as a real install has it.
    const app = await startTestServer({ demoFixturePath: DEFAULTS.demoFixturePath });
    cleanup.push(() => app.close());
    const demo = (await api<CreateWorkshopResponse>(app.url, 'POST', '/api/demo')).body;
    const r = await download(`${app.url}/api/workshops/${demo.id}/export/a3.pdf`, demo.facilitatorToken);
    expect(r.status).toBe(200);
    const file = join(dir, 'demo.pdf');
    writeFileSync(file, r.bytes);
    expect(poppler('pdfinfo', file)).toMatch(/Pages:\s+1\n/);
    const sizes = [
      ...poppler('pdftotext', '-bbox', file, '-').matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g,
      ),
    ].map((m) => Number(m[2]) - Number(m[1]));
    // A word box is about 1.16 em high in DejaVu Sans: 6.5 pt text gives about 7.5 pt boxes.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6.5 * 1.1);
  }, 60_000);
});
