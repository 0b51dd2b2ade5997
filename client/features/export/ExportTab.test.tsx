import fs from 'node:fs';
import path from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { WorkshopInfo } from '../../../shared/api.js';
import { takeIntoJoint } from '../../../shared/compare/merge.js';
import * as realExport from '../../../shared/export/index.js';
import { formatExportDate, type ExportInput } from '../../../shared/export/index.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { INFO, renderConsole, WORKSHOP_ID } from '../../test/consoleHarness.js';
import { localDay } from './exportData.js';
import type { ExportModule, ExportTools } from './tools.js';

const FONTS = path.resolve(__dirname, '../../public/fonts');

type Call = { url: string; method: string; auth: string | null };
let calls: Call[] = [];
const BACKUP = '{"format":"partnerschapskaart-live-backup"}';
let backupReply: { status: number; body: string };

beforeEach(() => {
  calls = [];
  backupReply = { status: 200, body: BACKUP };
  // The HTTP boundary only: the fonts the server serves under /fonts/, and the backup.
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', auth: new Headers(init?.headers).get('Authorization') });
    const font = /\/fonts\/([\w-]+\.ttf)$/.exec(url);
    if (font) return new Response(fs.readFileSync(path.join(FONTS, font[1])), { status: 200 });
    if (url === `/api/workshops/${WORKSHOP_ID}/backup`) return new Response(backupReply.body, { status: backupReply.status });
    return new Response('{}', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The real export functions, watched. */
function spiedModule() {
  return {
    ...realExport,
    renderMapPdf: vi.fn(realExport.renderMapPdf),
    buildConvenant: vi.fn(realExport.buildConvenant),
    convenantToDocx: vi.fn(realExport.convenantToDocx),
    convenantToMarkdown: vi.fn(realExport.convenantToMarkdown),
  };
}

function tools(module: ExportModule) {
  const saved: { blob: Blob; name: string }[] = [];
  const t: Partial<ExportTools> = {
    loadModule: async () => module,
    renderMapPng: vi.fn(async () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })),
    save: (blob, name) => saved.push({ blob, name }),
  };
  return { tools: t, saved };
}

const blobBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const day = (c: { clock: { now(): number } }) => localDay(c.clock.now());

async function openExportTab(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('console.tab.export'));
  return within(screen.getByTestId('export'));
}

const PARTNERS_FIRST: WorkshopInfo = { ...INFO, flow: 'partners-first' };

function partnerMap(text: string, partner: string) {
  const doc = new Y.Doc();
  createCard(doc, { column: 'values', text, author: 'p1' as never, authorName: 'Anna', partner: partner as never }, LOCAL_USER);
  return doc;
}

describe('console: export tab', () => {
  it('makes the convenant input of the joint map as Markdown, without partner maps in a joint workshop', async () => {
    const module = spiedModule();
    const { tools: t, saved } = tools(module);
    const c = renderConsole({ exportTools: t });
    createCard(c.mapDoc, { column: 'values', text: 'Iedereen doet mee', author: 'f1' as never, authorName: 'Begeleider', partner: '', status: 'agreed' }, LOCAL_USER);
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    // Only the joint map in a joint workshop; the picture is of the map on screen.
    expect(tab.queryByTestId(/^export\.partner\./)).toBeNull();
    expect(tab.getByTestId('export.joint.png')).toBeInTheDocument();

    await user.click(tab.getByTestId('export.joint.md'));
    await waitFor(() => expect(tab.getByTestId('export.status')).toHaveTextContent(`convenant-input-samen-sterk-${day(c)}.md`));
    const input = module.buildConvenant.mock.calls[0][0] as ExportInput;
    expect(input).toMatchObject({ lang: 'nl', title: 'Samen sterk', mapName: 'joint', date: day(c), partners: INFO.partners });
    expect(input.partnerMaps).toBeUndefined();
    expect(input.map.columns.values.map((card) => card.plainText)).toEqual(['Iedereen doet mee']);
    expect(module.convenantToMarkdown).toHaveBeenCalledWith(module.buildConvenant.mock.results[0].value);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe(`convenant-input-samen-sterk-${day(c)}.md`);
    expect(await saved[0].blob.text()).toContain('Iedereen doet mee');
    expect(c.opened).toEqual([]);
    c.cleanup();
  });

  it('partners first: the joint convenant carries every partner map and where joint cards came from; a partner map exports alone', async () => {
    const module = spiedModule();
    const { tools: t, saved } = tools(module);
    const c = renderConsole({
      info: PARTNERS_FIRST,
      exportTools: t,
      docs: [
        ['map:gemeente', partnerMap('Een dementiecafé opzetten', 'gemeente')],
        ['map:zorg', partnerMap('Mantelzorgers ontlasten', 'zorg')],
      ],
    });
    const jointId = takeIntoJoint(
      c.mapDoc,
      {
        column: 'values',
        text: 'Samen een dementiecafé',
        origins: [{ map: 'map:gemeente', cardId: 'x1', partner: 'gemeente', text: 'Een dementiecafé opzetten' }],
        author: 'f1',
        authorName: 'Begeleider',
      },
      LOCAL_USER,
    );
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    // Other panels may keep partner maps open; the export closes what it opened.
    const openBefore = [...c.opened].sort();

    await user.click(tab.getByTestId('export.joint.docx'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const joint = module.buildConvenant.mock.calls[0][0] as ExportInput;
    expect(joint.mapName).toBe('joint');
    expect(Object.keys(joint.partnerMaps ?? {})).toEqual(['gemeente', 'zorg']);
    expect(joint.partnerMaps!.gemeente.columns.values[0].plainText).toBe('Een dementiecafé opzetten');
    expect(joint.partnerMaps!.zorg.columns.values[0].plainText).toBe('Mantelzorgers ontlasten');
    expect(joint.cardOrigins).toEqual({ [jointId]: ['gemeente'] });
    expect(module.convenantToDocx).toHaveBeenCalledTimes(1);
    expect(saved[0].name).toBe(`convenant-input-samen-sterk-${day(c)}.docx`);
    expect([...(await blobBytes(saved[0].blob)).slice(0, 2)]).toEqual([0x50, 0x4b]); // PK: a zip
    // The partner maps were read and closed again.
    expect([...c.opened].sort()).toEqual(openBefore);

    await user.click(tab.getByTestId('export.partner.gemeente.md'));
    await waitFor(() => expect(saved).toHaveLength(2));
    const own = module.buildConvenant.mock.calls[1][0] as ExportInput;
    expect(own).toMatchObject({ mapName: 'gemeente', filledBy: 'Gemeente' });
    expect(own.partnerMaps).toBeUndefined();
    expect(own.map.columns.values.map((card) => card.plainText)).toEqual(['Een dementiecafé opzetten']);
    expect(saved[1].name).toBe(`convenant-input-samen-sterk-gemeente-${day(c)}.md`);
    c.cleanup();
  });

  it('shows the progress of the A3 PDF while it is made, then saves it under its file name', async () => {
    let finish!: (bytes: Uint8Array) => void;
    let report!: (fraction: number) => void;
    const renderMapPdf = vi.fn(
      (_input: ExportInput, _fonts: realExport.ExportFonts, onProgress?: (f: number) => void) =>
        new Promise<Uint8Array>((resolve) => {
          report = onProgress!;
          finish = resolve;
        }),
    );
    const module = { ...spiedModule(), renderMapPdf };
    const { tools: t, saved } = tools(module);
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);

    await user.click(tab.getByTestId('export.joint.pdf'));
    await waitFor(() => expect(renderMapPdf).toHaveBeenCalled());
    const [input, fonts] = renderMapPdf.mock.calls[0];
    expect(input).toMatchObject({ mapName: 'joint', title: 'Samen sterk' });
    // The fonts come from this server, nowhere else.
    expect(fonts.regular.byteLength).toBeGreaterThan(100_000);
    expect(calls.map((x) => new URL(x.url, 'http://localhost').pathname)).toEqual(
      expect.arrayContaining(['/fonts/DejaVuSans.ttf', '/fonts/DejaVuSans-Bold.ttf']),
    );
    act(() => report(0.5));
    const bar = tab.getByRole('progressbar', { name: 'De PDF wordt gemaakt…' });
    expect(bar).toHaveAttribute('aria-valuenow', '59');
    expect(tab.getByTestId('export.joint.docx')).toBeDisabled();

    await act(async () => finish(new TextEncoder().encode('%PDF-1.3 test')));
    await waitFor(() => expect(tab.queryByRole('progressbar')).toBeNull());
    expect(tab.getByTestId('export.status')).toHaveTextContent(`partnerschapskaart-samen-sterk-${day(c)}.pdf`);
    expect(saved[0].name).toBe(`partnerschapskaart-samen-sterk-${day(c)}.pdf`);
    expect(saved[0].blob.type).toBe('application/pdf');
    expect(await saved[0].blob.text()).toBe('%PDF-1.3 test');
    c.cleanup();
  });

  it('makes a real PDF from the live map', async () => {
    const module = spiedModule();
    const { tools: t, saved } = tools(module);
    const c = renderConsole({ exportTools: t });
    createCard(c.mapDoc, { column: 'steps', text: 'Café in de bibliotheek', author: 'f1' as never, authorName: 'Begeleider', partner: '' }, LOCAL_USER);
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.pdf'));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 15_000 });
    expect(new TextDecoder().decode((await blobBytes(saved[0].blob)).slice(0, 5))).toBe('%PDF-');
    expect((module.renderMapPdf.mock.calls[0][0] as ExportInput).map.columns.steps[0].plainText).toBe('Café in de bibliotheek');
    c.cleanup();
  }, 20_000);

  it('pictures the map on screen as PNG', async () => {
    const { tools: t, saved } = tools(spiedModule());
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.png'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(t.renderMapPng).toHaveBeenCalledTimes(1);
    expect(t.renderMapPng).toHaveBeenCalledWith({ kind: 'joint' }, `Samen sterk · ${formatExportDate(day(c), 'nl')}`);
    expect(saved[0].name).toBe(`partnerschapskaart-samen-sterk-${day(c)}.png`);
    c.cleanup();
  });

  it('downloads the backup with the facilitator token, saved as the server sent it', async () => {
    const { tools: t, saved } = tools(spiedModule());
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.backup'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls).toContainEqual({ url: `/api/workshops/${WORKSHOP_ID}/backup`, method: 'GET', auth: 'Bearer facilitator-token' });
    expect(saved[0].name).toBe(`backup-samen-sterk-${day(c)}.json`);
    expect(await saved[0].blob.text()).toBe(backupReply.body);
    c.cleanup();
  });

  it('says so in plain words when the backup is refused', async () => {
    backupReply = { status: 401, body: '{"error":"unauthorized","message":"no"}' };
    const { tools: t, saved } = tools(spiedModule());
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.backup'));
    expect(await tab.findByRole('alert')).toHaveTextContent('Je hebt geen toegang (meer) tot deze workshop.');
    expect(saved).toEqual([]);
    c.cleanup();
  });
});
