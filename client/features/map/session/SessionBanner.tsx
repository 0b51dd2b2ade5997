import { useTranslation } from 'react-i18next';
import { getPrompt, getRule } from '../../../../shared/dialogue.js';
import { useLang } from '../../../i18n/index.js';
import { useSession } from './useSession.js';

/**
 * The dialogue rule or the facilitator's question in focus, in plain words and the UI language.
 * The live region stays mounted, so a new rule or question is read out when it appears.
 */
export function SessionBanner() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const rule = session.rule !== null ? getRule(session.rule) : undefined;
  const prompt = session.prompt !== null ? getPrompt(session.prompt) : undefined;
  return (
    <div className="session-banner-region" aria-live="polite">
      {(rule || prompt) && (
        <div className="session-banner" data-testid="session.banner">
          {rule && (
            <p data-testid="session.rule">
              <span className="banner-kicker">{t('dialogue.ruleN', { n: rule.id })}</span> {rule.text[lang]}
            </p>
          )}
          {prompt && (
            <p data-testid="session.prompt">
              <span className="banner-kicker">{t('dialogue.question')}</span> {prompt.text[lang]}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
