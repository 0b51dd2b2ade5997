import { ExportError } from './exportError.js';

/**
 * Hand a file to the browser's downloads: a Blob, an object URL and a clicked <a download>. The URL
 * is released once the browser has taken the file.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name the server gave (Content-Disposition), preferring the UTF-8 form. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // fall through to the plain form
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * [E9] Fetch one export from the server with the facilitator's token, as a Blob and its file name.
 * Refused (401/403) and unreachable are told apart, so the console can say what to do.
 */
export async function fetchExport(
  url: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ExportError('network');
  }
  if (res.status === 401 || res.status === 403) throw new ExportError('unauthorized');
  if (!res.ok) throw new ExportError('failed');
  const blob = await res.blob();
  return { blob, fileName: fileNameOf(res.headers.get('content-disposition'), url.split('/').pop()!.split('?')[0]) };
}
