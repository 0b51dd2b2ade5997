import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_RULES, FACILITATOR_PROMPTS } from '../../../shared/dialogue.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setPromptShown, setRuleInFocus } from '../../../shared/session.js';
import { useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { useConsoleEnv } from './consoleEnv.js';

const ATTITUDE_TIPS = ['ask', 'concrete', 'safe', 'dialogue', 'everyone', 'content'] as const;

/** The five dialogue rules with what the tool does for each, and the facilitator's questions for the projector. */
export function DialoguePanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionDoc } = useConsoleEnv();
  const session = useSession();
  const id = useId();
  const nothingShown = session.rule === null && session.prompt === null;

  const clearAll = () =>
    sessionDoc.transact(() => {
      setPromptShown(sessionDoc, null, LOCAL_USER);
      setRuleInFocus(sessionDoc, null, LOCAL_USER);
    }, LOCAL_USER);

  return (
    <div className="console-section-stack">
      <section aria-labelledby={`${id}-rules`} className="console-section">
        <h3 id={`${id}-rules`}>{t('rules.heading')}</h3>
        <p className="hint">{t('rules.intro')}</p>
        <ol className="rule-list">
          {DIALOGUE_RULES.map((rule) => {
            const shown = session.rule === rule.id;
            return (
              <li key={rule.id} className="rule-item" data-shown={shown || undefined}>
                <p className="rule-text">
                  <strong>{rule.text[lang]}</strong>
                </p>
                <p className="rule-mechanism">
                  <span className="rule-how">{t('rules.how')}</span> {rule.mechanism[lang]}
                </p>
                <button
                  type="button"
                  className={shown ? 'button button-primary' : 'button'}
                  data-testid={`console.rule.${rule.id}`}
                  aria-pressed={shown}
                  aria-label={t('rules.showRule', { n: rule.id })}
                  onClick={() => setRuleInFocus(sessionDoc, shown ? null : rule.id, LOCAL_USER)}
                >
                  {t('rules.show')}
                </button>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby={`${id}-prompts`} className="console-section">
        <h3 id={`${id}-prompts`}>{t('console.prompts.heading')}</h3>
        <p className="hint">{t('console.prompts.intro')}</p>
        <ul className="prompt-list">
          {FACILITATOR_PROMPTS.map((prompt) => {
            const shown = session.prompt === prompt.id;
            return (
              <li key={prompt.id}>
                <button
                  type="button"
                  className={shown ? 'button button-primary prompt-button' : 'button prompt-button'}
                  data-testid={`console.prompt.${prompt.id}`}
                  aria-pressed={shown}
                  onClick={() => setPromptShown(sessionDoc, shown ? null : prompt.id, LOCAL_USER)}
                >
                  {prompt.text[lang]}
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button-quiet"
          data-testid="console.prompt.clear"
          aria-describedby={`${id}-clear-hint`}
          disabled={nothingShown}
          onClick={clearAll}
        >
          {t('console.prompts.clear')}
        </button>
        <p className="hint" id={`${id}-clear-hint`}>
          {t('console.prompts.clearHint')}
        </p>
      </section>

      <section aria-labelledby={`${id}-attitude`} className="console-section">
        <h3 id={`${id}-attitude`}>{t('console.attitude.heading')}</h3>
        <ul className="tip-list">
          {ATTITUDE_TIPS.map((tip) => (
            <li key={tip}>{t(`console.attitude.${tip}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
