import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.js';
import { stepsLabel } from '../../ui/sessionText.js';
import { useSession } from './session/useSession.js';

/**
 * The line above the board. Nobody guiding: where to begin (step 1, right to left). Guided: the
 * step now, so a phone in step 5 never says "begin at step 1" (U10).
 */
export function StepHint() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  if (session.guided && session.active.length > 0) {
    return (
      <p className="direction-hint" data-testid="map.directionHint" data-guided="true">
        {t('map.stepNowHint', { step: stepsLabel(t, lang, session.active) })}
      </p>
    );
  }
  return (
    <p className="direction-hint" data-testid="map.directionHint">
      <span className="wide-only">
        <span aria-hidden="true">← </span>
        {t('map.directionHint')}
      </span>
      <span className="narrow-only">{t('map.directionHintPhone')}</span>
    </p>
  );
}
