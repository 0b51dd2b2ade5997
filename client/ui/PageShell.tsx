import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect.js';
import { Link } from './Link.js';

/** Header and main landmarks for the simple pages (start, join, facilitator, not found). */
export function PageShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link href="/" className="site-name">
          {t('app.name')}
        </Link>
        <LanguageSelect />
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
