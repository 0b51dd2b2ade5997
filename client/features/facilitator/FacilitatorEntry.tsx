import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mapPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { api } from '../../lib/api.js';
import { loadIdentity, saveIdentity } from '../../lib/identity.js';
import { Loading } from '../../ui/Loading.js';
import { NotFound } from '../../ui/NotFound.js';
import { PageShell } from '../../ui/PageShell.js';
import { consolePath, navigate } from '../../lib/router.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

type State = 'checking' | 'noToken' | 'invalid' | 'notFound' | 'error';

/**
 * The facilitator link carries its token in the fragment (never sent to the server in a URL).
 * We trade it for an identity once, then replace the URL so the secret leaves the address bar, and
 * open the console (the live map with the facilitator's panel beside it).
 */
export function FacilitatorEntry({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  useDocumentTitle(t('facilitator.pageTitle'));
  const [state, setState] = useState<State>('checking');
  useEffect(() => {
    const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
    if (!token) {
      // Reopening the link without its secret part: a facilitator who already signed in may continue.
      if (loadIdentity(workshopId)?.access === 'facilitator') navigate(consolePath(workshopId), { replace: true });
      else setState('noToken');
      return;
    }
    let live = true;
    void api.whoAmI(workshopId, token).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') {
        const me = r.value;
        saveIdentity(workshopId, {
          participantId: me.participantId,
          token,
          name: me.name,
          partner: me.partner,
          role: me.role,
          access: me.access,
        });
        navigate(me.access === 'facilitator' ? consolePath(workshopId) : mapPath(workshopId), { replace: true });
      } else if (r.kind === 'notFound') setState('notFound');
      else if (r.kind === 'unauthorized') setState('invalid');
      else setState('error');
    });
    return () => {
      live = false;
    };
  }, [workshopId]);

  if (state === 'notFound') return <NotFound what="workshop" />;
  return (
    <PageShell>
      <h1>{t('facilitator.pageTitle')}</h1>
      {state === 'checking' ? (
        <>
          <p>{t('facilitator.checking')}</p>
          <Loading />
        </>
      ) : (
        <p className="form-error" role="alert" data-testid="facilitator.error">
          {t(state === 'error' ? 'errors.network' : `facilitator.${state}`)}
        </p>
      )}
    </PageShell>
  );
}
