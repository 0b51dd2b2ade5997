import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import { clearFlash, peekFlash, type FlashMessage } from '../../lib/flash.js';
import { PageShell } from '../../ui/PageShell.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { CreatedLinks } from './CreatedLinks.js';
import { CreateWorkshopForm } from './CreateWorkshopForm.js';
import { DemoOffer } from './DemoOffer.js';
import { ImportWorkshop } from './ImportWorkshop.js';

/** Messages other pages may leave for the start page (see app/flash.ts). */
const FLASH_KEYS = new Set(['deleted']);

export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('start.pageTitle'));
  const [created, setCreated] = useState<{ result: CreateWorkshopResponse; imported: boolean } | null>(null);
  const [flash] = useState<FlashMessage | null>(() => {
    const f = peekFlash();
    return f && FLASH_KEYS.has(f.key) ? f : null;
  });
  // Cleared after the first render (not during it), so StrictMode's double render still shows it.
  useEffect(() => clearFlash(), []);
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form disappears on success: move focus to the result so keyboard users are not lost.
    if (created) createdRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [created]);
  return (
    <PageShell>
      <div className="start">
        {flash && !created && (
          <p className="notice flash" role="status" data-testid="start.flash">
            {t(`startFlash.${flash.key}`, flash.values)}
          </p>
        )}
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
          {created ? (
            <CreatedLinks created={created.result} imported={created.imported} />
          ) : (
            <CreateWorkshopForm onCreated={(result) => setCreated({ result, imported: false })} />
          )}
        </div>
        {!created && <DemoOffer />}
        {!created && <ImportWorkshop onImported={(result) => setCreated({ result, imported: true })} />}
      </div>
    </PageShell>
  );
}
