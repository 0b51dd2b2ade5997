import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkshopInfo } from '../../../shared/api.js';
import { INFO, renderConsole, WORKSHOP_ID } from '../../test/consoleHarness.js';
import { localDay } from './exportTarget.js';
import type { ExportTools } from './tools.js';

type Call = { path: string; query: Record<string, string>; auth: string | null };
let calls: Call[] = [];
let reply: (path: string) => Response | Promise<Response>;

const FILE_NAMES: Record<string, string> = {
  'a3.pdf': 'partnerschapskaart-samen-sterk.pdf',
  'map.svg': 'partnerschapskaart-samen-sterk.svg',
  'convenant.pdf': 'convenant-input-samen-sterk.pdf',
  'convenant.docx': 'convenant-input-samen-sterk.docx',
  'convenant.md': 'convenant-input-samen-sterk.md',
  'backup.json': 'backup-samen-sterk.json',
};

beforeEach(() => {
  calls = [];
  reply = (path) => {
    const kind = path.split('/').pop()!;
    return new Response(`file ${kind}`, {
      status: 200,
      headers: { 'content-disposition': `attachment; filename="${FILE_NAMES[kind]}"` },
    });
  };
  // The HTTP boundary only: the server's export API (its real behaviour is in server/export.integration.test.ts).
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: new Headers(init?.headers).get('Authorization'),
    });
    return reply(url.pathname);
  });
});
afterEach(() => vi.unstubAllGlobals());

function tools(png: Blob | null = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })) {
  const saved: { blob: Blob; name: string }[] = [];
  const t: Partial<ExportTools> = {
    svgToPng: vi.fn(async () => png),
    save: (blob, name) => saved.push({ blob, name }),
  };
  return { tools: t, saved };
}

const day = (c: { clock: { now(): number } }) => localDay(c.clock.now());

async function openExportTab(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('console.tab.export'));
  return within(screen.getByTestId('export'));
}

const PARTNERS_FIRST: WorkshopInfo = { ...INFO, flow: 'partners-first' };
const base = `/api/workshops/${WORKSHOP_ID}/export`;

describe('[E9] console: export tab fetches every file from the server', () => {
  it('[E9] each button fetches its kind of the joint map with the facilitator token and saves it', async () => {
    const { tools: t, saved } = tools();
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    expect(tab.queryByTestId(/^export\.partner\./)).toBeNull();
    const kinds: [string, string, string][] = [
      ['pdf', 'a3.pdf', 'partnerschapskaart-samen-sterk.pdf'],
      ['svg', 'map.svg', 'partnerschapskaart-samen-sterk.svg'],
      ['convenantPdf', 'convenant.pdf', 'convenant-input-samen-sterk.pdf'],
      ['docx', 'convenant.docx', 'convenant-input-samen-sterk.docx'],
      ['md', 'convenant.md', 'convenant-input-samen-sterk.md'],
    ];
    for (const [button, kind, name] of kinds) {
      await user.click(tab.getByTestId(`export.joint.${button}`));
      await waitFor(() => expect(tab.getByTestId('export.status')).toHaveTextContent(name));
      expect(calls.at(-1)).toEqual({
        path: `${base}/${kind}`,
        query: { map: 'joint', lang: 'nl', date: day(c) },
        auth: 'Bearer facilitator-token',
      });
      expect(saved.at(-1)!.name).toBe(name);
      expect(await saved.at(-1)!.blob.text()).toBe(`file ${kind}`);
    }
    c.cleanup();
  });

  it('[E9] partners first: every partner map has its own buttons, asking the server for that map', async () => {
    const { tools: t, saved } = tools();
    const c = renderConsole({ info: PARTNERS_FIRST, exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.partner.gemeente.pdf'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls[0]).toMatchObject({ path: `${base}/a3.pdf`, query: { map: 'gemeente' } });
    c.cleanup();
  });

  it('[E6] the PNG is drawn from the server SVG; too big for a canvas, the SVG itself is saved', async () => {
    const png = tools();
    const c = renderConsole({ exportTools: png.tools });
    const user = userEvent.setup();
    let tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.png'));
    await waitFor(() => expect(png.saved).toHaveLength(1));
    expect(calls[0].path).toBe(`${base}/map.svg`);
    expect(png.tools.svgToPng).toHaveBeenCalledTimes(1);
    expect(png.saved[0].name).toBe('partnerschapskaart-samen-sterk.png');
    expect(png.saved[0].blob.type).toBe('image/png');
    c.cleanup();

    const tooBig = tools(null);
    const c2 = renderConsole({ exportTools: tooBig.tools });
    tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.png'));
    await waitFor(() => expect(tooBig.saved).toHaveLength(1));
    expect(tooBig.saved[0].name).toBe('partnerschapskaart-samen-sterk.svg');
    c2.cleanup();
  });

  it('[E9] shows progress while the server works, and disables the other buttons', async () => {
    let release!: () => void;
    reply = (path) =>
      new Promise<Response>((resolve) => {
        release = () =>
          resolve(
            new Response('x', {
              status: 200,
              headers: { 'content-disposition': `attachment; filename="${FILE_NAMES[path.split('/').pop()!]}"` },
            }),
          );
      });
    const { tools: t, saved } = tools();
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.pdf'));
    expect(await tab.findByRole('progressbar', { name: 'De PDF wordt gemaakt…' })).toHaveAttribute(
      'aria-valuenow',
      '5',
    );
    expect(tab.getByTestId('export.joint.docx')).toBeDisabled();
    await act(async () => release());
    await waitFor(() => expect(tab.queryByRole('progressbar')).toBeNull());
    expect(saved[0].name).toBe('partnerschapskaart-samen-sterk.pdf');
    c.cleanup();
  });

  it('[E9] downloads the backup through the same API', async () => {
    const { tools: t, saved } = tools();
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.backup'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls[0]).toMatchObject({ path: `${base}/backup.json`, auth: 'Bearer facilitator-token' });
    expect(saved[0].name).toBe('backup-samen-sterk.json');
    c.cleanup();
  });

  it('[E9] says so in plain words when refused or offline', async () => {
    reply = () => new Response('{"error":"forbidden"}', { status: 403 });
    const { tools: t, saved } = tools();
    const c = renderConsole({ exportTools: t });
    const user = userEvent.setup();
    const tab = await openExportTab(user);
    await user.click(tab.getByTestId('export.joint.pdf'));
    expect(await tab.findByRole('alert')).toHaveTextContent('Je hebt geen toegang (meer) tot deze workshop.');
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    await user.click(tab.getByTestId('export.joint.md'));
    await waitFor(() => expect(tab.getByRole('alert')).toHaveTextContent('Er is geen verbinding met de server.'));
    expect(saved).toEqual([]);
    c.cleanup();
  });
});
