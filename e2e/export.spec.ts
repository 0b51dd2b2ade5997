import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type AxeViolation } from './support/axe.js';
import { launchBrowser, newActor } from './support/browser.js';
import type { ColumnId } from '../shared/columns.js';
import { byTestId, eventually, MapPage, StartPage } from './support/pages.js';
import { E2EServer } from './support/server.js';

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  server = await new E2EServer().start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Click an export button and return the downloaded file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    byTestId(page, testId).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path), path };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Add a card and type its text once the new editor has focus (MapPage.addCard types as soon as the
 * editor exists, and the first key can still reach the add button), then check the text arrived.
 */
async function addCard(page: Page, column: ColumnId, text: string) {
  const map = new MapPage(page);
  const before = await map.cards(column).count();
  await byTestId(map.column(column), `column.${column}.add`).click();
  await eventually(async () => (await map.cards(column).count()) === before + 1, 'card added');
  await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="card.editor"]'));
  await page.keyboard.type(text);
  await byTestId(page, 'card.done').click();
  await eventually(async () => (await map.cardTextsIn(column)).includes(text), `card text "${text}" on the map`);
}
const TITLE = 'Samen sterk in Holendrecht';
const VALUE = 'Iedereen doet mee';
const ACTION = 'Dementiecafé in de wijk';

describe('exports from the console', () => {
  it('[E4][E6][E8][E9][B1][B3] downloads the tagged A3 PDF, picture and drawing, convenant (PDF, Word, Markdown) and backup from the server; imports the backup; deletes the workshop', async () => {
    const fac = await newActor(browser, server.url, { width: 1600, height: 1000 });
    const page = fac.page;
    const start = new StartPage(page);
    await start.open();
    const links = await start.createWorkshop(TITLE, ['Gemeente', 'Wijkverpleging']);
    const workshopId = /\/w\/([a-z0-9]+)$/.exec(links.participantUrl)![1];
    await byTestId(page, 'start.openAsFacilitator').click();
    await byTestId(page, 'console').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workshopId}/console`);
    const map = new MapPage(page);
    await map.waitUntilConnected();
    await addCard(page, 'values', VALUE);
    await addCard(page, 'steps', ACTION);

    await byTestId(page, 'console.tab.export').click();
    await byTestId(page, 'export').waitFor();

    // A3 landscape PDF, tagged, drawn as text (searchable), with the app's own font; one sheet.
    const pdf = await download(page, 'export.joint.pdf');
    expect(pdf.name).toMatch(/^partnerschapskaart-samen-sterk-in-holendrecht-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const info = execFileSync('/usr/bin/pdfinfo', [pdf.path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Pages:\s+1\n/);
    const pdfText = squash(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' }));
    expect(pdfText).toContain(VALUE);
    expect(pdfText).toContain(ACTION);
    await byTestId(page, 'export.status').filter({ hasText: pdf.name }).waitFor();

    // A picture of the map (not of the console): landscape, 200 dpi on A3, drawn from the server's SVG.
    const png = await download(page, 'export.joint.png');
    expect(png.name).toMatch(/^partnerschapskaart-samen-sterk-in-holendrecht-.*\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([3307, 2338]);
    const svg = await download(page, 'export.joint.svg');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toContain(`>${VALUE}<`);

    // The convenant input as a tagged PDF.
    const convenant = await download(page, 'export.joint.convenantPdf');
    expect(convenant.name).toMatch(/^convenant-input-samen-sterk-in-holendrecht-.*\.pdf$/);
    expect(execFileSync('/usr/bin/pdfinfo', [convenant.path], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(
      squash(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', convenant.path, '-'], { encoding: 'utf8' })),
    ).toContain(ACTION);

    // The convenant input as Word (a zip with word/document.xml) and as Markdown.
    const docx = await download(page, 'export.joint.docx');
    expect(docx.name).toMatch(/^convenant-input-samen-sterk-in-holendrecht-.*\.docx$/);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const documentXml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']);
    expect(documentXml).toContain(VALUE);
    expect(documentXml).toContain(ACTION);
    const md = await download(page, 'export.joint.md');
    expect(md.name).toMatch(/\.md$/);
    expect(md.bytes.toString('utf8')).toContain(VALUE);
    expect(md.bytes.toString('utf8')).toContain(ACTION);

    // The full backup.
    const backup = await download(page, 'export.backup');
    expect(backup.name).toMatch(/^backup-samen-sterk-in-holendrecht-.*\.json$/);
    const file = JSON.parse(backup.bytes.toString('utf8'));
    expect(file.format).toBe('partnerschapskaart-live-backup');
    expect(file.workshop.title).toBe(TITLE);

    // Import it on the start page: a new workshop with new links.
    await page.goto('/');
    await byTestId(page, 'start.import.file').setInputFiles(backup.path);
    await byTestId(page, 'start.import.submit').click();
    await page.locator('[data-testid="start.created"][data-imported]').waitFor();
    const newParticipantUrl = await byTestId(page, 'start.participantLink').inputValue();
    const newId = /\/w\/([a-z0-9]+)$/.exec(newParticipantUrl)![1];
    expect(newId).not.toBe(workshopId);
    expect(await byTestId(page, 'start.facilitatorLink').inputValue()).toContain(`/w/${newId}/facilitator#`);
    expect(await byTestId(page, 'start.joinCode').innerText()).toMatch(/^[A-Z2-9]{6}$/);
    const imported = await fetch(`${server.url}/api/workshops/${newId}`);
    expect(imported.status).toBe(200);
    expect((await imported.json()).title).toBe(TITLE);

    // Delete the original workshop from its console, after typing its title.
    await page.goto(`/w/${workshopId}/console`);
    await byTestId(page, 'console').waitFor();
    await byTestId(page, 'console.tab.export').click();
    await byTestId(page, 'console.delete.start').click();
    await byTestId(page, 'console.delete.input').fill(TITLE);
    await byTestId(page, 'console.delete.confirm').click();
    await byTestId(page, 'start.flash').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await byTestId(page, 'start.flash').innerText()).toContain(TITLE);
    expect((await fetch(`${server.url}/api/workshops/${workshopId}`)).status).toBe(404);
    // This browser forgot it: the console now asks for the facilitator link.
    await page.goto(`/w/${workshopId}/console`);
    await byTestId(page, 'console.noAccess').waitFor();
    await fac.context.close();
  });

  it('[X1] the export tab (with the delete question open) and the start page with the import form have no serious axe violations', async () => {
    const describe = (v: AxeViolation[]) =>
      v.map((x) => `${x.impact} ${x.id}: ${x.help} @ ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    const { page, context } = await newActor(
      browser,
      server.url,
      { width: 1600, height: 1000 },
      { injectsScripts: true },
    );
    const start = new StartPage(page);
    await start.open();
    // An import that fails shows its message; the page stays accessible.
    await byTestId(page, 'start.import.file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":1}'),
    });
    await byTestId(page, 'start.import.submit').click();
    await byTestId(page, 'start.import.error').waitFor();
    expect(describe(await seriousViolations(page))).toEqual([]);

    await start.open();
    await start.createWorkshop('Toegankelijk exporteren', ['Gemeente', 'Wijkteam']);
    await byTestId(page, 'start.openAsFacilitator').click();
    await new MapPage(page).waitUntilConnected();
    await byTestId(page, 'console.tab.export').click();
    await byTestId(page, 'console.delete.start').click();
    await byTestId(page, 'console.delete.confirm').click();
    await page.locator('[data-testid="console.delete.input"][aria-invalid="true"]').waitFor();
    expect(describe(await seriousViolations(page))).toEqual([]);
    await context.close();
  });
});
