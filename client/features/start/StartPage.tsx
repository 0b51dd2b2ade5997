import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import { PageShell } from '../../app/PageShell.js';
import { useDocumentTitle } from '../../app/useDocumentTitle.js';
import { CreatedLinks } from './CreatedLinks.js';
import { CreateWorkshopForm } from './CreateWorkshopForm.js';
import { DemoOffer } from './DemoOffer.js';

export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('start.pageTitle'));
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form disappears on success: move focus to the result so keyboard users are not lost.
    if (created) createdRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [created]);
  return (
    <PageShell>
      <div className="start">
        <section className="intro" aria-labelledby="start-heading">
          <h1 id="start-heading">{t('start.heading')}</h1>
          <p>{t('start.intro1')}</p>
          <p>{t('start.intro2')}</p>
          <div className="notice" role="note" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t('start.privacyTitle')}</h2>
            <p>{t('start.privacy')}</p>
          </div>
        </section>
        <div ref={createdRef}>
          {created ? <CreatedLinks created={created} /> : <CreateWorkshopForm onCreated={setCreated} />}
        </div>
        {!created && <DemoOffer />}
      </div>
    </PageShell>
  );
}
