/**
 * Client speed (issue 6, item 5), measured in real Chromium against our server:
 *  - initial JavaScript of the participant page /w/<id> in KB gzip (static analysis of the build, and
 *    cross-checked with what the browser actually fetches);
 *  - projector render time of a 300-card map;
 *  - edit-to-render latency between two browser contexts with 40 clients connected.
 * Whatever the UI does not offer yet is reported as "not measured yet" with the reason.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse, WorkshopInfo } from '../shared/api.js';
import { getCards, getCardText } from '../shared/cardSchema.js';
import { COLUMN_IDS } from '../shared/columns.js';
import type { ParticipantId, PartnerId } from '../shared/ids.js';
import { createCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { JOINT_MAP, SYNC_PATH, roomName } from '../shared/protocol.js';
import { startChildServer, type ChildServer } from '../server/test/childServer.js';
import { seededRandom } from '../server/test/seededRandom.js';
import { removeDir, track, trackDir } from './children.js';
import { ourBenchEnv } from './servers.js';
import { gzipKb, initialChunks } from './jsSize.js';
import { fmt, percentile } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_PATH = process.env.PKL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type Metric = { ok: true; value: number; unit: string; detail: string } | { ok: false; reason: string };

export interface ClientReport {
  build: { ok: boolean; dir: string | null; note: string };
  initialJsKb: Metric;
  browserJsKb: Metric;
  mapPageJsKb: Metric;
  projectorColdMs: Metric;
  projectorRenderMs: Metric;
  projectorFitMs: Metric;
  editToRenderP95Ms: Metric;
}

const notYet = (reason: string): Metric => ({ ok: false, reason });

// ---------------------------------------------------------------------------------------------
// Build

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = track(
      execFile(cmd, args, { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
      }),
    );
    void child;
  });
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function firstError(output: string): string {
  const lines = stripAnsi(output)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error|could not|cannot|failed/i.test(l) && !/^at /.test(l) && !/npm warn/i.test(l));
  return (
    lines.find((l) => /UNRESOLVED|Could not resolve|error TS|SyntaxError/i.test(l)) ??
    lines[0] ??
    'unknown error'
  ).slice(0, 200);
}

/**
 * `vite build` of the working tree into a temp dir (never into dist/, which the e2e tests of other
 * people use). When the working tree does not build (someone is mid-change), the last commit is
 * built instead, from `git archive`, and the report says so.
 */
export async function buildClient(log: (s: string) => void): Promise<ClientReport['build']> {
  const out = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-bench-client-')));
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const first = await run(
    vite,
    ['build', '--outDir', path.join(out, 'client'), '--emptyOutDir', '--logLevel', 'error'],
    root,
    300_000,
  );
  if (first.code === 0 && fs.existsSync(path.join(out, 'client', 'index.html'))) {
    return { ok: true, dir: path.join(out, 'client'), note: 'built from the working tree' };
  }
  const reason = firstError(first.output);
  log(`  the working tree does not build (${reason}); building the last commit instead`);
  const head = (await run('git', ['rev-parse', '--short', 'HEAD'], root, 10_000)).output.trim();
  const src = path.join(out, 'src');
  fs.mkdirSync(src);
  const archive = await run('sh', ['-c', `git archive HEAD | tar -x -C '${src}'`], root, 60_000);
  if (archive.code !== 0)
    return { ok: false, dir: null, note: `working tree does not build (${reason}); git archive failed` };
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(src, 'node_modules'));
  const second = await run(
    vite,
    ['build', '--outDir', path.join(out, 'client'), '--emptyOutDir', '--logLevel', 'error'],
    src,
    300_000,
  );
  if (second.code === 0 && fs.existsSync(path.join(out, 'client', 'index.html'))) {
    return {
      ok: true,
      dir: path.join(out, 'client'),
      note: `built from commit ${head}: the working tree does not build (${reason})`,
    };
  }
  return {
    ok: false,
    dir: null,
    note: `neither the working tree nor commit ${head} builds: ${reason} / ${firstError(second.output)}`,
  };
}

function initialJs(dir: string): Metric {
  const files = initialChunks(dir);
  if (files.length === 0) return notYet('no module entry found in index.html');
  const kb = files.reduce((s, f) => s + gzipKb(f), 0);
  return {
    ok: true,
    value: kb,
    unit: 'KB gzip',
    detail: `${files.length} chunks: ${files.map((f) => path.basename(f)).join(', ')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers against our server

async function json<T>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

interface Workshop {
  created: CreateWorkshopResponse;
  info: WorkshopInfo;
  join(name: string, i: number): Promise<JoinResponse & { name: string; partner: string }>;
}

async function newWorkshop(base: string, title: string): Promise<Workshop> {
  const created = await json<CreateWorkshopResponse>(`${base}/api/workshops`, 'POST', {
    title,
    partners: ['Gemeente', 'Wijkteam', 'Woningcorporatie', 'Bewoners'],
  });
  const info = await json<WorkshopInfo>(`${base}/api/workshops/${created.id}`, 'GET');
  return {
    created,
    info,
    async join(name, i) {
      const partner = info.partners[i % info.partners.length].id;
      const r = await json<JoinResponse>(`${base}/api/workshops/${created.id}/participants`, 'POST', {
        name,
        partner,
        role: 'citizen',
      });
      return { ...r, name, partner };
    },
  };
}

function nodeClient(port: number, workshopId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${port}${SYNC_PATH}`,
    roomName(workshopId as never, JOINT_MAP),
    doc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    },
  );
  return { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
}

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const CARD_TEXTS = [
  'Mantelzorgers weten bij wie ze terecht kunnen',
  'We delen wat we weten, ook als het ongemakkelijk is',
  'Bewoners beslissen mee over wat er in de wijk gebeurt',
  'Elke partner houdt zijn eigen kracht en rol',
  'Eerste overleg plannen met de huisartsen',
];

function seedCards(doc: Y.Doc, n: number): void {
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      createCard(
        doc,
        {
          column: COLUMN_IDS[i % COLUMN_IDS.length],
          author: '',
          authorName: 'Bench',
          partner: '',
          text: `${CARD_TEXTS[i % CARD_TEXTS.length]} (${i + 1})`,
        },
        LOCAL_USER,
      );
    }
  }, LOCAL_USER);
}

/** Installed in every page before any script: timestamps of websocket messages, and a card counter. */
const PAGE_PROBE = `(() => {
  const w = window;
  w.__bench = { msgs: [], armed: false };
  const Native = w.WebSocket;
  w.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const url = String(args[0]);
      this.addEventListener('message', (e) => {
        if (!w.__bench.armed) return;
        const size = e.data && e.data.byteLength !== undefined ? e.data.byteLength : (e.data && e.data.size) || 0;
        w.__bench.msgs.push({ t: performance.now(), size, url });
      });
    }
  };
})();`;

/** Resolves in the page when `count` elements match `selector`, after the next frame is painted. */
const WAIT_FOR_COUNT = `(args) => new Promise((resolve) => {
  const { selector, count } = args;
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  const check = () => document.querySelectorAll(selector).length >= count;
  if (check()) return done();
  const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); done(); } });
  obs.observe(document.documentElement, { childList: true, subtree: true });
})`;

// ---------------------------------------------------------------------------------------------
// Projector

async function projectorMetrics(
  browser: Browser,
  base: string,
  port: number,
  reps: number,
): Promise<{ cold: Metric; render: Metric }> {
  const cold: number[] = [];
  const render: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Render: the projector is open on an empty map; 300 cards arrive in one update.
    const ws = await newWorkshop(base, `Projector ${rep + 1}`);
    const fac = nodeClient(port, ws.created.id, ws.created.facilitatorToken);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 } });
    try {
      await until(() => fac.provider.synced, 'facilitator client synced');
      await context.addInitScript(PAGE_PROBE);
      const page = await context.newPage();
      await page.goto(ws.created.projectorPath);
      try {
        await page.locator('[data-testid="projector"]').waitFor({ timeout: 20_000 });
      } catch {
        const error = await page
          .locator('[data-testid="projector.error"]')
          .textContent()
          .catch(() => null);
        throw new NotYet(
          `the projector page (${ws.created.projectorPath.replace(/#.*/, '#…')}) did not show [data-testid="projector"]${error ? `: ${error}` : ''}`,
        );
      }
      // Let the projector's documents sync before arming.
      await page.waitForTimeout(500);
      await page.evaluate(() => ((window as unknown as { __bench: { armed: boolean } }).__bench.armed = true));
      const painted = page.evaluate(
        `(${WAIT_FOR_COUNT})(${JSON.stringify({ selector: '[data-testid="projector"] [data-testid="snapshot.card"]', count: 300 })})`,
      ) as Promise<number>;
      seedCards(fac.doc, 300);
      let paintedAt: number;
      try {
        paintedAt = await Promise.race([
          painted,
          new Promise<number>((_, reject) => setTimeout(() => reject(new Error('timeout')), 20_000)),
        ]);
      } catch {
        const lastCount = await page.locator('[data-testid="snapshot.card"]').count();
        throw new NotYet(`the projector showed ${lastCount} of 300 cards as [data-testid="snapshot.card"] within 20 s`);
      }
      const msgs = await page.evaluate(
        () => (window as unknown as { __bench: { msgs: { t: number; size: number }[] } }).__bench.msgs,
      );
      // The 300 cards arrive as one update of tens of KB; nothing else is that large.
      const big = msgs.find((m) => m.size > 10_000) ?? msgs[0];
      if (!big) throw new NotYet('could not see the map update arrive on a projector websocket');
      render.push(paintedAt - big.t);
      await page.close();

      // Cold load: a fresh projector on the now filled map, from navigation start to 300 cards painted.
      const context2 = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 } });
      try {
        const page2 = await context2.newPage();
        await page2.goto(ws.created.projectorPath, { waitUntil: 'commit' });
        const t = (await page2.evaluate(
          `(${WAIT_FOR_COUNT})(${JSON.stringify({ selector: '[data-testid="projector"] [data-testid="snapshot.card"]', count: 300 })})`,
        )) as number;
        cold.push(t);
      } finally {
        await context2.close();
      }
    } finally {
      await context.close();
      fac.destroy();
    }
  }
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const r = sorted(render);
  const c = sorted(cold);
  return {
    render: {
      ok: true,
      value: percentile(r, 50),
      unit: 'ms (median)',
      detail: `${reps} runs, max ${fmt(r[r.length - 1])} ms: from the arrival of the one update carrying 300 cards on the projector's websocket to the next frame after all 300 [data-testid="snapshot.card"] are in the DOM`,
    },
    cold: {
      ok: true,
      value: percentile(c, 50),
      unit: 'ms (median)',
      detail: `${reps} runs, max ${fmt(c[c.length - 1])} ms: from navigation start of /w/<id>/projector#<token> (token check, JS load, sync) to 300 cards painted`,
    },
  };
}

class NotYet extends Error {}

/**
 * The projector's fit (issue 10: ≤ 150 ms for 120 cards): measuring the card texts and computing the
 * layout, as timed by the page itself (`data-fit-ms` on the board, fit/FittedBoard.tsx), at 1280×720
 * with every column active, the hardest case. Cold: 120 new cards at once; warm: one card edited.
 */
async function projectorFit(browser: Browser, base: string, port: number, reps: number): Promise<Metric> {
  const cold: number[] = [];
  const warm: number[] = [];
  const fitOf = (page: Page, count: number) =>
    page.evaluate(`new Promise((resolve) => {
      const read = () => {
        const board = document.querySelector('[data-testid="projector.board"]');
        const cards = board ? board.querySelectorAll('[data-testid="snapshot.card"]').length : 0;
        if (board && cards === ${count} && board.getAttribute('data-fit-ms')) return resolve(Number(board.getAttribute('data-fit-ms')));
        requestAnimationFrame(read);
      };
      read();
    })`) as Promise<number>;
  for (let rep = 0; rep < reps; rep++) {
    const ws = await newWorkshop(base, `Projector fit ${rep + 1}`);
    const fac = nodeClient(port, ws.created.id, ws.created.facilitatorToken);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 720 } });
    try {
      await until(() => fac.provider.synced, 'facilitator client synced');
      const page = await context.newPage();
      await page.goto(ws.created.projectorPath);
      try {
        await page.locator('[data-testid="projector.board"][data-fit-ms]').waitFor({ timeout: 20_000 });
      } catch {
        throw new NotYet('the projector did not show a fitted board ([data-testid="projector.board"][data-fit-ms])');
      }
      seedCards(fac.doc, 120);
      cold.push(
        await Promise.race([
          fitOf(page, 120),
          new Promise<number>((_, reject) =>
            setTimeout(() => reject(new NotYet('120 cards did not reach the fitted board within 20 s')), 20_000),
          ),
        ]),
      );
      // One card edited: only its text is measured again.
      const first = [...getCards(fac.doc).keys()][0];
      setCardPlainText(fac.doc, first as never, 'Eén kaart anders geschreven, de rest blijft', LOCAL_USER);
      await page
        .locator('[data-testid="snapshot.card"]', { hasText: 'Eén kaart anders geschreven' })
        .waitFor({ timeout: 20_000 });
      warm.push(await fitOf(page, 120));
    } finally {
      await context.close();
      fac.destroy();
    }
  }
  const c = Float64Array.from(cold).sort();
  const w = Float64Array.from(warm).sort();
  return {
    ok: true,
    value: percentile(c, 50),
    unit: 'ms (median)',
    detail: `${reps} runs, max ${fmt(c[c.length - 1])} ms: measuring 120 new cards and computing the layout at 1280×720, all columns active; after editing one card ${fmt(percentile(w, 50))} ms (median)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Edit to render

async function editToRender(
  browser: Browser,
  base: string,
  port: number,
  background: number,
  bgRate: number,
  keystrokes: number,
): Promise<Metric> {
  const ws = await newWorkshop(base, 'Edit to render');
  const id = ws.created.id;
  const anna = await ws.join('Anna', 0);
  const bram = await ws.join('Bram', 1);
  // Background: the other clients of a 40-person room, each with its own card, typing slowly.
  const others = await Promise.all(Array.from({ length: background }, (_, i) => ws.join(`Deelnemer ${i + 1}`, i + 2)));
  const clients = others.map((p) => ({ p, c: nodeClient(port, id, p.token) }));
  const timers: NodeJS.Timeout[] = [];
  const contexts: BrowserContext[] = [];
  try {
    await until(() => clients.every((x) => x.c.provider.synced), 'background clients synced');
    const annaClient = nodeClient(port, id, anna.token);
    await until(() => annaClient.provider.synced, 'seed client synced');
    // Anna's own card, created as Anna.
    const cardId = createCard(
      annaClient.doc,
      {
        column: 'values',
        author: anna.participantId as ParticipantId,
        authorName: 'Anna',
        partner: anna.partner as PartnerId,
        text: 'Samen',
      },
      LOCAL_USER,
    );
    const phase = seededRandom(1);
    for (const [i, x] of clients.entries()) {
      const own = createCard(
        x.c.doc,
        {
          column: COLUMN_IDS[(i + 1) % COLUMN_IDS.length],
          author: x.p.participantId as ParticipantId,
          authorName: x.p.name,
          partner: x.p.partner as PartnerId,
          text: 'x',
        },
        LOCAL_USER,
      );
      if (bgRate > 0) {
        const text = (getCardText(getCards(x.c.doc).get(own)!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        const tick = () => {
          text.insert(text.length, 'a');
          timers[i] = setTimeout(tick, 1000 / bgRate);
        };
        timers[i] = setTimeout(tick, phase() * (1000 / bgRate));
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    annaClient.destroy();

    const open = async (who: typeof anna) => {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1600, height: 1000 } });
      contexts.push(context);
      const identity = {
        participantId: who.participantId,
        token: who.token,
        name: who.name,
        partner: who.partner,
        role: 'citizen',
        access: 'participant',
      };
      await context.addInitScript(
        `localStorage.setItem(${JSON.stringify(`pkl.identity.${id}`)}, ${JSON.stringify(JSON.stringify(identity))});`,
      );
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`/w/${id}/map`);
      try {
        await page.locator('[data-testid="map"]').waitFor();
        await page.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
      } catch {
        throw new NotYet(
          'the map page /w/<id>/map did not show [data-testid="map"] with [data-testid="connection.state"][data-state="connected"]',
        );
      }
      return page;
    };
    const annaPage = await open(anna);
    const bramPage = await open(bram);
    const card = (p: Page) => p.locator(`[data-testid="card"][data-card-id="${cardId}"]`);
    try {
      await card(bramPage).locator('[data-testid="card.text"]').waitFor();
    } catch {
      throw new NotYet('the observer did not show the card with [data-testid="card.text"]');
    }
    try {
      await card(annaPage).locator('[data-testid="card.edit"]').click();
      await annaPage.locator('[data-testid="card.editor"] [contenteditable="true"]').waitFor();
      await annaPage.locator('[data-testid="card.editor"] [contenteditable="true"]').press('End');
    } catch {
      throw new NotYet(
        'could not open the card editor ([data-testid="card.edit"] → [data-testid="card.editor"] [contenteditable])',
      );
    }
    // Observer: wall time at which the card text reached each length.
    await bramPage.evaluate(`(() => {
      const el = document.querySelector('[data-testid="card"][data-card-id="${cardId}"] [data-testid="card.text"]');
      const w = window;
      w.__seen = [];
      const base = (el && el.textContent || '').length;
      let last = base;
      const obs = new MutationObserver(() => {
        const cur = document.querySelector('[data-testid="card"][data-card-id="${cardId}"] [data-testid="card.text"]');
        const len = (cur && cur.textContent || '').length;
        if (len > last) { for (let k = last + 1; k <= len; k++) w.__seen.push({ n: k - base, t: performance.timeOrigin + performance.now() }); last = len; }
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    await annaPage.evaluate(`(() => {
      window.__keys = [];
      document.addEventListener('keydown', () => window.__keys.push(performance.timeOrigin + performance.now()), true);
    })()`);
    for (let i = 0; i < keystrokes; i++) {
      await annaPage.keyboard.press('KeyK');
      await new Promise((r) => setTimeout(r, 120));
    }
    await new Promise((r) => setTimeout(r, 1500));
    const keys = (await annaPage.evaluate('window.__keys')) as number[];
    const seen = (await bramPage.evaluate('window.__seen')) as { n: number; t: number }[];
    const lat: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const s = seen.find((x) => x.n >= i + 1);
      if (s) lat.push(s.t - keys[i]);
    }
    if (lat.length < keystrokes / 2) {
      return notYet(
        `the observer rendered ${seen.length} of ${keystrokes} typed characters; the edit path may not be complete yet`,
      );
    }
    const sorted = Float64Array.from(lat).sort();
    return {
      ok: true,
      value: percentile(sorted, 95),
      unit: 'ms (p95)',
      detail: `p50 ${fmt(percentile(sorted, 50))} ms, max ${fmt(sorted[sorted.length - 1])} ms, ${lat.length}/${keystrokes} keystrokes seen; keydown in context A → text in the DOM of context B, with ${background} more clients in the room typing ${bgRate}/s each (40 connected)`,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    for (const c of contexts) await c.close().catch(() => {});
    for (const x of clients) x.c.destroy();
  }
}

// ---------------------------------------------------------------------------------------------

export async function measureClient(log: (s: string) => void, opts: { quick: boolean }): Promise<ClientReport> {
  log('client: building (vite build into a temp dir)…');
  const build = await buildClient(log);
  const noBuild = notYet(`no client build: ${build.note}`);
  const report: ClientReport = {
    build,
    initialJsKb: noBuild,
    browserJsKb: noBuild,
    mapPageJsKb: noBuild,
    projectorColdMs: noBuild,
    projectorRenderMs: noBuild,
    projectorFitMs: noBuild,
    editToRenderP95Ms: noBuild,
  };
  if (!build.ok || !build.dir) return report;
  report.initialJsKb = initialJs(build.dir);

  if (!fs.existsSync(CHROMIUM_PATH)) {
    const reason = `no Chromium at ${CHROMIUM_PATH}`;
    return {
      ...report,
      browserJsKb: notYet(reason),
      mapPageJsKb: notYet(reason),
      projectorColdMs: notYet(reason),
      projectorRenderMs: notYet(reason),
      projectorFitMs: notYet(reason),
      editToRenderP95Ms: notYet(reason),
    };
  }
  const dataDir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-bench-client-data-')));
  let server: ChildServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startChildServer(dataDir, { ...ourBenchEnv(1), PKL_STATIC_DIR: build.dir });
    track(server.child);
    const base = server.url;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

    // What the browser really fetches for /w/<id> (join page), and for /w/<id>/map after joining.
    log('client: initial JavaScript as loaded by Chromium…');
    const ws = await newWorkshop(base, 'JS size');
    const me = await ws.join('Anna', 0);
    const loadedJs = async (pathname: string, identity: boolean): Promise<string[]> => {
      const context = await browser!.newContext({ baseURL: base });
      try {
        if (identity) {
          const value = {
            participantId: me.participantId,
            token: me.token,
            name: me.name,
            partner: me.partner,
            role: 'citizen',
            access: 'participant',
          };
          await context.addInitScript(
            `localStorage.setItem(${JSON.stringify(`pkl.identity.${ws.created.id}`)}, ${JSON.stringify(JSON.stringify(value))});`,
          );
        }
        const page = await context.newPage();
        const files: string[] = [];
        page.on('response', (r) => {
          const u = new URL(r.url());
          if (u.pathname.endsWith('.js')) files.push(u.pathname);
        });
        await page.goto(pathname, { waitUntil: 'networkidle' });
        await page.waitForTimeout(500);
        return [...new Set(files)];
      } finally {
        await context.close();
      }
    };
    const sumKb = (files: string[]) => files.reduce((s, f) => s + gzipKb(path.join(build.dir!, f)), 0);
    const joinFiles = await loadedJs(`/w/${ws.created.id}`, false);
    report.browserJsKb = joinFiles.length
      ? {
          ok: true,
          value: sumKb(joinFiles),
          unit: 'KB gzip',
          detail: `${joinFiles.length} files fetched by Chromium for /w/<id>: ${joinFiles.map((f) => path.basename(f)).join(', ')}`,
        }
      : notYet('Chromium fetched no JavaScript for /w/<id>');
    const mapFiles = await loadedJs(`/w/${ws.created.id}/map`, true);
    report.mapPageJsKb = mapFiles.length
      ? {
          ok: true,
          value: sumKb(mapFiles),
          unit: 'KB gzip',
          detail: `${mapFiles.length} files fetched by Chromium for /w/<id>/map with an identity (lazy route chunks included): ${mapFiles.map((f) => path.basename(f)).join(', ')}`,
        }
      : notYet('Chromium fetched no JavaScript for /w/<id>/map');

    log('client: projector render of a 300-card map…');
    try {
      const p = await projectorMetrics(browser, base, server.port, opts.quick ? 2 : 5);
      report.projectorRenderMs = p.render;
      report.projectorColdMs = p.cold;
    } catch (error) {
      const reason = error instanceof NotYet ? error.message : `failed: ${(error as Error).message}`;
      report.projectorRenderMs = notYet(reason);
      report.projectorColdMs = notYet(reason);
    }

    log('client: projector fit of a 120-card map…');
    try {
      report.projectorFitMs = await projectorFit(browser, base, server.port, opts.quick ? 2 : 5);
    } catch (error) {
      report.projectorFitMs = notYet(error instanceof NotYet ? error.message : `failed: ${(error as Error).message}`);
    }

    log('client: edit-to-render latency between two browser contexts, 40 clients connected…');
    try {
      report.editToRenderP95Ms = await editToRender(
        browser,
        base,
        server.port,
        38,
        Number(process.env.BENCH_BROWSER_BG_RATE ?? 1),
        opts.quick ? 20 : 60,
      );
    } catch (error) {
      report.editToRenderP95Ms = notYet(
        error instanceof NotYet ? error.message : `failed: ${(error as Error).message}`,
      );
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.kill('SIGTERM');
    removeDir(dataDir);
  }
  return report;
}
