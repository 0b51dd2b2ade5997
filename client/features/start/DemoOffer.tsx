import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { rememberProjectorLink } from '../../lib/identity.js';
import { navigate } from '../../lib/router.js';
import { useChosenLang } from '../../i18n/index.js';

/** Shown only when the server has a demo to offer; a missing demo endpoint simply hides it. */
export function DemoOffer() {
  const { t } = useTranslation();
  const lang = useChosenLang();
  const [available, setAvailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.demoStatus().then((r) => {
      if (live && r.kind === 'ok' && r.value?.available === true) setAvailable(true);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!available) return null;
  const open = async () => {
    setBusy(true);
    setFailed(false);
    const r = await api.createDemo(lang);
    setBusy(false);
    if (r.kind === 'ok') {
      if (r.value.projectorPath) rememberProjectorLink(r.value.id, r.value.projectorPath);
      navigate(r.value.facilitatorPath);
    } else setFailed(true);
  };
  return (
    <section className="panel demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('start.demoHeading')}</h2>
      <p>{t('start.demoText')}</p>
      <button type="button" className="button" data-testid="start.demo" disabled={busy} onClick={() => void open()}>
        {t('start.demo')}
      </button>
      {failed && (
        <p className="form-error" role="alert">
          {t('start.demoFailed')}
        </p>
      )}
    </section>
  );
}
