import { useEffect } from 'react';
import type { Lang } from '../../../shared/columns.js';
import { initI18n, useLang } from '../../i18n/index.js';

/**
 * The projector speaks the facilitator's language (stored in the session document by the console).
 * Not saved in this browser: the choice belongs to the facilitator, and follows them.
 */
export function useFollowLanguage(lang: Lang | null): void {
  const current = useLang();
  useEffect(() => {
    if (lang && lang !== current) initI18n(lang);
  }, [lang, current]);
}
