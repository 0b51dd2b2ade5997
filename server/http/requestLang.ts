import type { IncomingMessage } from 'node:http';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../../shared/i18n/languages.js';

/**
 * The language a request asks for: `?lang=` (the language the person chose in the app) first, then
 * the browser's `Accept-Language`, then Dutch. Used where the server writes text for people, such
 * as the demo workshop.
 */
export function requestLang(req: IncomingMessage): Lang {
  const asked = new URL(req.url ?? '', 'http://localhost').searchParams.get('lang');
  if (isLang(asked)) return asked;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part, i) => {
        const [tag, ...params] = part.trim().split(';');
        const q = Number(
          params
            .find((p) => p.trim().startsWith('q='))
            ?.trim()
            .slice(2) ?? '1',
        );
        return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q || a.i - b.i);
    const first = ranked.find((x) => (LANGS as readonly string[]).includes(x.lang));
    if (first && isLang(first.lang)) return first.lang;
  }
  return DEFAULT_LANG;
}
