// Temporary local check (not committed): axe on start/join/map with CSP bypassed.
import { chromium } from 'playwright-core';
import { seriousViolations } from './support/axe.js';
import { byTestId, JoinPage, MapPage, StartPage } from './support/pages.js';
import { E2EServer } from './support/server.js';

const server = await new E2EServer().start();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const actor = async (viewport = { width: 1600, height: 1000 }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  return { context, page };
};
const show = (label: string, v: Awaited<ReturnType<typeof seriousViolations>>) =>
  console.log(label, JSON.stringify(v.map((x) => `${x.impact} ${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`), null, 1));
try {
  const a = await actor();
  const start = new StartPage(a.page);
  await start.open();
  show('start', await seriousViolations(a.page));
  const { participantUrl, facilitatorUrl } = await start.createWorkshop('Toegankelijk', ['Gemeente', 'Zorg']);
  show('created', await seriousViolations(a.page));
  const p = await actor();
  await p.page.goto(participantUrl);
  await byTestId(p.page, 'join.name').waitFor();
  show('join', await seriousViolations(p.page));
  await byTestId(p.page, 'join.submit').click();
  show('join-errors', await seriousViolations(p.page));
  await new JoinPage(p.page).join(participantUrl, 'Sam', 'Zorg');
  const map = new MapPage(p.page);
  await map.addCard('values', 'Een kaart om te controleren');
  show('map', await seriousViolations(p.page));
  await p.page.screenshot({ path: '/tmp/pkl/map.png', fullPage: true });
  // editor open
  await byTestId(p.page, 'column.relations.add').click();
  await byTestId(p.page, 'card.editor').waitFor();
  await p.page.keyboard.type('Tweede **kaart**');
  show('map-editing', await seriousViolations(p.page));
  await p.page.screenshot({ path: '/tmp/pkl/map-editing.png' });
  await byTestId(p.page, 'card.done').click();
  await p.page.locator('[data-testid="card"] [data-testid="card.delete"]').first().click();
  await byTestId(p.page, 'toast').waitFor();
  show('map-toast', await seriousViolations(p.page));
  await p.page.screenshot({ path: '/tmp/pkl/map-toast.png' });

  const f = await actor({ width: 1920, height: 1080 });
  await f.page.goto(facilitatorUrl);
  await new MapPage(f.page).waitUntilConnected();
  show('facilitator-map', await seriousViolations(f.page));
  await f.page.screenshot({ path: '/tmp/pkl/projector.png' });
  console.log('hscroll 1080p:', await f.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));

  const phone = await actor({ width: 390, height: 844 });
  await new JoinPage(phone.page).join(participantUrl, 'Mo', 'Gemeente');
  show('phone', await seriousViolations(phone.page));
  await phone.page.screenshot({ path: '/tmp/pkl/phone.png', fullPage: true });
  console.log('hscroll phone:', await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));

  await a.page.goto(`/w/${'b'.repeat(26)}`);
  await byTestId(a.page, 'notfound').waitFor();
  show('notfound', await seriousViolations(a.page));
  await a.page.goto('/');
  await start.open();
  await a.page.screenshot({ path: '/tmp/pkl/start.png', fullPage: true });
} finally {
  await browser.close();
  await server.stop();
}
