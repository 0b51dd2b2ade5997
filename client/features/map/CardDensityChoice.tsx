import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPACT_ABOVE, useViewPrefs, type CardDensity } from './viewPrefs.js';

const CHOICES: readonly CardDensity[] = ['auto', 'compact', 'full'];

/** Short (one line per card) or whole cards, or short once a column is long; kept in this browser (U12). */
export function CardDensityChoice() {
  const { t } = useTranslation();
  const id = useId();
  const density = useViewPrefs((s) => s.density);
  const setDensity = useViewPrefs((s) => s.setDensity);
  return (
    <div className="density-choice">
      <label htmlFor={id}>{t('map.density.label')}</label>
      <select
        id={id}
        data-testid="map.density"
        value={density}
        onChange={(e) => setDensity(e.target.value as CardDensity)}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`map.density.${c}`, { n: COMPACT_ABOVE + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
