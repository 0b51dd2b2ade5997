import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_LIMIT_DEFAULT, CARD_TEXT_LIMIT_MAX, CARD_TEXT_LIMIT_MIN } from '../../../shared/cardLength.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setCardTextMax } from '../../../shared/workshopSettings.js';
import { useWorkshopSettings } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';

/** [H4] The card text limit of this workshop (empty: the server's default). The server enforces it. */
export function CardTextLimit() {
  const { t } = useTranslation();
  const { sessionDoc } = useConsoleEnv();
  const { cardTextMax } = useWorkshopSettings();
  const id = useId();
  const [value, setValue] = useState(cardTextMax === null ? '' : String(cardTextMax));
  const save = () => setCardTextMax(sessionDoc, value.trim() === '' ? null : Number(value), LOCAL_USER);
  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.textLimit">
      <h3 id={`${id}-h`}>{t('authorship.limit.heading')}</h3>
      <label htmlFor={`${id}-max`}>{t('authorship.limit.label')}</label>
      <input
        id={`${id}-max`}
        type="number"
        inputMode="numeric"
        min={CARD_TEXT_LIMIT_MIN}
        max={CARD_TEXT_LIMIT_MAX}
        placeholder={String(CARD_TEXT_LIMIT_DEFAULT)}
        data-testid="console.textLimit.input"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="button" className="button" data-testid="console.textLimit.save" onClick={save}>
        {t('authorship.limit.save')}
      </button>
      <p className="hint" role="status">
        {t('authorship.limit.now', { count: cardTextMax ?? CARD_TEXT_LIMIT_DEFAULT })}
      </p>
    </section>
  );
}
