import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPrompt, getRule } from '../../../shared/dialogue.js';
import { useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { ConsoleMapArea } from './ConsoleMapArea.js';
import { MapView } from '../map/index.js';
import { useCurrentMeeting } from '../trajectory/index.js';
import { useConsoleEnv } from './consoleEnv.js';
import { tabsFor } from './consoleTabs.js';
import { whereNow } from '../../ui/sessionText.js';
import { Tabs } from './Tabs.js';
import { TimerControls } from './TimerControls.js';
import { useShareLanguage } from './useShareLanguage.js';
import { usePanelCollapsed } from './usePanelCollapsed.js';
import { useCurrentStepInView } from './useCurrentStepInView.js';
import '../../styles/console.css';

/**
 * The facilitator's console: the live map (the facilitator can type for the group there) with a panel
 * beside it. Needs MapEnvContext, MeContext, PartnersContext (the map's) and ConsoleEnvContext.
 */
export function Console({ onRejoin }: { onRejoin: () => void }) {
  const { t } = useTranslation();
  const { workshopId, info } = useConsoleEnv();
  const tabs = tabsFor(info.flow ?? 'joint');
  const [tab, setTab] = useState(tabs[0].id);
  const [collapsed, setCollapsed] = usePanelCollapsed();
  useShareLanguage();
  useCurrentStepInView();
  // The map is the main area; the panel stands beside it and folds to a rail (never below the map),
  // its tabs stay mounted while folded so nothing typed there is lost.
  return (
    <div className="console-layout" data-testid="console" data-panel={collapsed ? 'collapsed' : 'open'}>
      <a className="skip-link" href="#console-panel">
        {t('console.skipToPanel')}
      </a>
      <div className="console-map">
        <ConsoleMapArea onRejoin={onRejoin}>
          <MapView workshopId={workshopId} title={info.title} onRejoin={onRejoin} />
        </ConsoleMapArea>
      </div>
      <aside
        id="console-panel"
        className="console-panel"
        data-testid="console.panel"
        aria-labelledby="console-heading"
        tabIndex={-1}
      >
        <div className="console-panel-bar">
          <button
            type="button"
            className="icon-button console-panel-toggle"
            data-testid="console.panelToggle"
            aria-expanded={!collapsed}
            aria-controls="console-panel-body"
            aria-label={t(collapsed ? 'console.panel.show' : 'console.panel.hide')}
            title={t(collapsed ? 'console.panel.show' : 'console.panel.hide')}
            onClick={() => setCollapsed(!collapsed)}
          >
            <span aria-hidden="true">{collapsed ? '«' : '»'}</span>
          </button>
          <h2 id="console-heading" className="console-heading">
            {t('console.heading')}
          </h2>
        </div>
        <div id="console-panel-body" className="console-panel-body" hidden={collapsed}>
          <ConsoleStatus />
          <TimerControls />
          <Tabs
            label={t('console.tabsLabel')}
            idPrefix="console"
            selected={tab}
            onSelect={setTab}
            tabs={tabs.map((def) => ({
              id: def.id,
              label: def.label(t),
              content: def.render({ visible: tab === def.id }),
            }))}
          />
        </div>
      </aside>
    </div>
  );
}

/** One glance: the meeting and step now, whether people write alone, and what the projector shows besides the map. */
function ConsoleStatus() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const meeting = useCurrentMeeting();
  const rule = session.rule ? getRule(session.rule) : undefined;
  const prompt = session.prompt ? getPrompt(session.prompt) : undefined;
  return (
    <div className="console-status" data-testid="console.status">
      <p>
        <strong data-testid="console.status.step">
          {whereNow(t, lang, { meeting, guided: session.guided, active: session.active })}
        </strong>
      </p>
      {session.phase === 'private' && <p className="status-chip status-private">{t('console.status.private')}</p>}
      {(rule || prompt) && (
        <p className="console-onscreen">
          <span className="status-label">{t('console.status.onScreen')}</span>{' '}
          {[rule && t('console.status.rule', { n: rule.id }), prompt && `“${prompt.text[lang]}”`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </div>
  );
}
