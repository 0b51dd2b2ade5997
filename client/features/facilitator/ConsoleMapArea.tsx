import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { Partner } from '../../../shared/partners.js';
import type { Stage } from '../../../shared/permissions.js';
import { useInfo, useSession, useWorkshop } from '../../workshop/hooks.js';
import { MixedSession, partnerMap } from '../compare/index.js';
import { MapView } from '../map/index.js';
import '../compare/compare.css';

/** What the console's map area shows in a partners-first workshop. `auto` follows the stage. */
export type MapChoice = 'auto' | 'joint' | 'compare' | `partner:${string}`;
export type MapAreaView = { kind: 'joint' } | { kind: 'compare' } | { kind: 'partner'; partner: Partner };

interface ChoiceState {
  choice: MapChoice;
  choose(choice: MapChoice): void;
}

/** Shared by the map area and the "Partnerkaarten" tab (which opens a partner map here). */
export const useConsoleMapChoice = create<ChoiceState>((set) => ({
  choice: 'auto',
  choose: (choice) => set({ choice }),
}));

/** auto: a partner's own map first (homogeneous), the comparison with the joint map in the mixed session. */
export function resolveMapChoice(choice: MapChoice, stage: Stage, partners: readonly Partner[]): MapAreaView {
  if (choice.startsWith('partner:')) {
    const partner = partners.find((p) => `partner:${p.id}` === choice);
    if (partner) return { kind: 'partner', partner };
  }
  if (choice === 'joint') return { kind: 'joint' };
  if (choice === 'compare') return { kind: 'compare' };
  if (stage === 'heterogeneous' || partners.length === 0) return { kind: 'compare' };
  return { kind: 'partner', partner: partners[0] };
}

/**
 * The console's map area. A joint workshop: just the joint map (`children`). Partners first: a bar to
 * choose the joint map, the comparison (with the joint map beside it) or any partner map, which the
 * facilitator can then work in like any map.
 */
export function ConsoleMapArea({ children, onRejoin }: { children: ReactNode; onRejoin: () => void }) {
  const info = useInfo();
  if (info.flow !== 'partners-first') return <>{children}</>;
  return <PartnersFirstArea onRejoin={onRejoin}>{children}</PartnersFirstArea>;
}

function PartnersFirstArea({ children, onRejoin }: { children: ReactNode; onRejoin: () => void }) {
  const { t } = useTranslation();
  const info = useInfo();
  const session = useSession();
  const choice = useConsoleMapChoice((s) => s.choice);
  const choose = useConsoleMapChoice((s) => s.choose);
  const view = resolveMapChoice(choice, session.stage, info.partners);
  // A fresh console starts from `auto` again.
  useEffect(() => () => choose('auto'), [choose]);
  const pressed = (kind: MapAreaView['kind'], partner?: string) =>
    view.kind === kind && (view.kind !== 'partner' || view.partner.id === partner);

  return (
    <div
      className="console-map-area"
      data-testid="console.mapArea"
      data-view={view.kind === 'partner' ? `partner:${view.partner.id}` : view.kind}
    >
      <nav className="map-choice" aria-label={t('partnersPanel.mapArea')}>
        <button
          type="button"
          className="button button-small"
          data-testid="console.map.compare"
          aria-pressed={pressed('compare')}
          onClick={() => choose('compare')}
        >
          {t('partnersPanel.compare')}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="console.map.joint"
          aria-pressed={pressed('joint')}
          onClick={() => choose('joint')}
        >
          {t('partnersPanel.joint')}
        </button>
        {info.partners.map((p) => (
          <button
            key={p.id}
            type="button"
            className="button button-small map-choice-partner"
            style={{ '--partner': p.color } as CSSProperties}
            data-testid={`console.map.partner.${p.id}`}
            title={p.name}
            aria-pressed={pressed('partner', p.id)}
            onClick={() => choose(`partner:${p.id}`)}
          >
            <span className="map-choice-name">{p.name}</span>
          </button>
        ))}
      </nav>
      {view.kind === 'joint' && children}
      {view.kind === 'compare' && <MixedSession>{children}</MixedSession>}
      {view.kind === 'partner' && (
        <PartnerMapInConsole key={view.partner.id} partner={view.partner} onRejoin={onRejoin} />
      )}
    </div>
  );
}

/** One partner map, open for the facilitator to read and write, under the same session (locks, timer). */
function PartnerMapInConsole({ partner, onRejoin }: { partner: Partner; onRejoin: () => void }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  return (
    <MapView
      map={partnerMap(partner.id)}
      workshopId={workshop.id}
      title={t('compare.partnerMapTitle', { partner: partner.name })}
      onRejoin={onRejoin}
    />
  );
}
