import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { useLang } from '../../i18n/index.js';
import { useSession } from './session/useSession.js';
import { useMapUi } from './uiStore.js';

/** On a phone only one column fits: this picks it. Hidden by CSS on wider screens. */
export function StepTabs() {
  const { t } = useTranslation();
  const lang = useLang();
  const active = useMapUi((s) => s.activeColumn);
  const setActive = useMapUi((s) => s.setActiveColumn);
  const session = useSession();
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
              <span className="step-number">{c.step}</span> {c.label[lang]}
              {session.guided && session.active.includes(c.id) && (
                <span className="sr-only"> ({t('session.now')})</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
