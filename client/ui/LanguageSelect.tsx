import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../shared/columns.js';
import { setLanguage, useChosenLang } from '../i18n/index.js';

export function LanguageSelect() {
  const { t } = useTranslation();
  const lang = useChosenLang();
  const id = useId();
  return (
    <div className="lang-select">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} data-testid="lang.select" value={lang} onChange={(e) => setLanguage(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
