import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareView } from './CompareView.js';
import './compare.css';

type Pane = 'compare' | 'joint';

/**
 * The mixed session: the joint map (`children`, a MapView of it) and the comparison of the partner
 * maps beside it, so every partner's own map stays in sight while the joint map is built. Side by
 * side when there is room (a container query); on a phone two tabs switch between them.
 */
export function MixedSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [pane, setPane] = useState<Pane>('compare');
  return (
    <div className="mixed-session" data-testid="compare.mixed" data-pane={pane}>
      <nav className="mixed-tabs" aria-label={t('compare.panes.label')}>
        {(['compare', 'joint'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className="button button-small"
            data-testid={`compare.pane.${p}`}
            aria-pressed={pane === p}
            onClick={() => setPane(p)}
          >
            {t(`compare.panes.${p}`)}
          </button>
        ))}
      </nav>
      <div className="mixed-panes">
        <div className="mixed-pane mixed-pane-joint" data-hidden-narrow={pane !== 'joint' || undefined}>
          {children}
        </div>
        <div className="mixed-pane mixed-pane-compare" data-hidden-narrow={pane !== 'compare' || undefined}>
          <CompareView />
        </div>
      </div>
    </div>
  );
}
