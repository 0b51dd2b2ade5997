import { useTranslation } from 'react-i18next';
import { COLUMNS, getColumn } from '../../../shared/columns.js';
import { columnOfStep } from '../../../shared/session.js';
import { useLang } from '../../i18n/index.js';
import { useSession } from './session/useSession.js';
import { useMapUi } from './uiStore.js';

/**
 * On a phone only one column fits: this picks it. Hidden by CSS on wider screens. Someone who looks
 * at another step than the one the facilitator has opened gets one tap back to it (U11).
 */
export function StepTabs() {
  const { t } = useTranslation();
  const lang = useLang();
  const active = useMapUi((s) => s.activeColumn);
  const setActive = useMapUi((s) => s.setActiveColumn);
  const session = useSession();
  const now = columnOfStep(session);
  const away = now !== null && !session.active.includes(active);
  return (
    <nav className="step-tabs" aria-label={t('map.stepsNav')} data-testid="map.steps">
      <ul>
        {COLUMNS.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              data-testid={`map.step.${c.id}`}
              data-current-step={(session.guided && session.active.includes(c.id)) || undefined}
              aria-pressed={active === c.id}
              aria-controls={`column-${c.id}`}
              onClick={() => setActive(c.id)}
            >
              <span className="step-number">{c.step}</span> <span className="step-label">{c.label[lang]}</span>
              {session.guided && session.active.includes(c.id) && (
                <span className="sr-only"> ({t('session.now')})</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {away && (
        <button
          type="button"
          className="button button-primary back-to-step"
          data-testid="map.backToStep"
          onClick={() => setActive(now)}
        >
          <span aria-hidden="true">↩ </span>
          {t('map.backToStep', { n: getColumn(now).step, column: getColumn(now).label[lang] })}
        </button>
      )}
    </nav>
  );
}
