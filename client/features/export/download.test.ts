import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveBlob } from './download.js';

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
