import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchExport, fileNameOf, saveBlob } from './download.js';
import { ExportError } from './exportError.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('saveBlob', () => {
  it('hands the file to the browser through an object URL and <a download>, then releases the URL', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:test/1';
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const blob = new Blob(['# Convenant'], { type: 'text/markdown' });
    saveBlob(blob, 'convenant-input-samen-sterk-2026-03-12.md');
    expect(created).toEqual([blob]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('convenant-input-samen-sterk-2026-03-12.md');
    expect(clicked[0].getAttribute('href')).toBe('blob:test/1');
    expect(document.querySelector('a[download]')).toBeNull();
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:test/1']);
  });
});

describe('[E9] fetching an export from the server', () => {
  it('[E9] sends the facilitator token and takes the file name the server gave', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push({ url, auth: new Headers(init?.headers).get('Authorization') });
      return new Response('%PDF-1.7', {
        status: 200,
        headers: {
          'content-disposition': 'attachment; filename="kaart.pdf"; filename*=UTF-8\'\'kaart-zuid%C3%ABrwijk.pdf',
        },
      });
    }) as typeof fetch;
    const file = await fetchExport('/api/workshops/w/export/a3.pdf?map=joint', 'tok', fake);
    expect(seen).toEqual([{ url: '/api/workshops/w/export/a3.pdf?map=joint', auth: 'Bearer tok' }]);
    expect(file.fileName).toBe('kaart-zuidërwijk.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.7');
  });

  it('[E9] tells refused, unreachable and failed apart', async () => {
    const reply = (status: number) => (async () => new Response('{}', { status })) as unknown as typeof fetch;
    await expect(fetchExport('/x', 't', reply(403))).rejects.toEqual(new ExportError('unauthorized'));
    await expect(fetchExport('/x', 't', reply(401))).rejects.toEqual(new ExportError('unauthorized'));
    await expect(fetchExport('/x', 't', reply(500))).rejects.toEqual(new ExportError('failed'));
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchExport('/x', 't', offline)).rejects.toEqual(new ExportError('network'));
    expect(fileNameOf(null, 'a3.pdf')).toBe('a3.pdf');
    expect(fileNameOf('attachment; filename="b.md"', 'x')).toBe('b.md');
  });
});
