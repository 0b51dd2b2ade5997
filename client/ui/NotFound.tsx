import { useTranslation } from 'react-i18next';
import { Link } from './Link.js';
import { PageShell } from './PageShell.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

export function NotFound({ what }: { what: 'workshop' | 'page' }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <PageShell>
      <section data-testid="notfound" className="panel">
        <h1>{t('notFound.title')}</h1>
        <p>{t(`notFound.${what}`)}</p>
        <p>
          <Link href="/">{t('app.home')}</Link>
        </p>
      </section>
    </PageShell>
  );
}
