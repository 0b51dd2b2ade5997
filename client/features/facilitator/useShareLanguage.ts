import { useEffect } from 'react';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setSessionLang } from '../../../shared/session.js';
import { useLang } from '../../i18n/index.js';
import { useConsoleEnv } from './consoleEnv.js';

/**
 * The facilitator's language choice goes into the session document, so the projector speaks it too
 * (U7). The choice itself stays where it is (this browser's language select).
 */
export function useShareLanguage(): void {
  const lang = useLang();
  const { sessionDoc } = useConsoleEnv();
  useEffect(() => {
    setSessionLang(sessionDoc, lang, LOCAL_USER);
  }, [sessionDoc, lang]);
}
