import { useTranslation } from 'react-i18next';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useLang } from '../../../i18n/index.js';

/** Rule 4: how the text changed. Each entry is the text as it was, until someone changed it. */
export function HistorySection({ card }: { card: CardSnapshot }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const entries = [...card.history].reverse();
  return (
    <section className="details-section" aria-labelledby="details-history">
      <h3 id="details-history">{t('cardDetails.historyHeading')}</h3>
      {entries.length === 0 ? (
        <p className="hint">{t('cardDetails.historyNone')}</p>
      ) : (
        <ol className="history" data-testid="card.history">
          {entries.map((h, i) => (
            <li key={`${h.at}-${i}`} data-testid="card.history.entry">
              <p className="history-text">{h.text}</p>
              <p className="hint">{t('cardDetails.historyMeta', { name: h.name || '?', time: format.format(h.at) })}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
