import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getColumn } from '../../../shared/columns.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { useMapEnv } from '../../collab/hooks.js';
import { useLang } from '../../i18n/index.js';
import { Announcer } from './Announcer.js';
import { Board } from './Board.js';
import { ConnectionNotice } from './ConnectionStatus.js';
import { MapHeader } from './MapHeader.js';
import { useMe } from './me.js';
import { KEYBOARD_HELP_ID } from './CardView.js';
import { loadCardEditor } from './lazyEditor.js';
import { ToastArea } from './Toast.js';
import { useCardActions } from './useCardActions.js';
import { useUndoShortcuts } from './useUndoShortcuts.js';
import { createMapUiStore, MapUiContext, useMapUi, useMapUiApi } from './uiStore.js';

interface Props {
  workshopId: WorkshopId;
  title: string;
  onRejoin: () => void;
}

/** The map screen; needs MapEnvContext, MeContext and PartnersContext (no provider: tests use a plain Y.Doc). */
export function MapView(props: Props) {
  const [store] = useState(createMapUiStore);
  return (
    <MapUiContext.Provider value={store}>
      <MapScreen {...props} />
    </MapUiContext.Provider>
  );
}

function MapScreen({ workshopId, title, onRejoin }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { awarenessHost, notices } = useMapEnv();
  const lang = useLang();
  const ui = useMapUiApi();
  const actions = useCardActions();
  const editing = useMapUi((s) => s.editing);
  useUndoShortcuts(actions);
  useEffect(() => {
    if (me.canEdit) void loadCardEditor();
  }, [me.canEdit]);

  // Presence: others see which card I am editing (drives their "… is editing" label).
  useEffect(() => {
    const { awareness } = awarenessHost;
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('editing', editing);
  }, [awarenessHost, editing]);

  useEffect(
    () =>
      notices.subscribe((notice) => {
        const columns = notice.columns.map((c) => getColumn(c).label[lang]).join(', ');
        const text = t('notice.columnLocked', { columns });
        ui.getState().showToast({ text });
        ui.getState().announce(text);
      }),
    [notices, lang, t, ui],
  );

  return (
    <div className="map-page" data-testid="map">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <MapHeader workshopId={workshopId} title={title} actions={actions} />
      <ConnectionNotice onRejoin={onRejoin} />
      <main id="main" className="map-main" tabIndex={-1}>
        {!me.canEdit && <p className="notice-bar">{t('map.readOnly')}</p>}
        <p className="sr-only" id={KEYBOARD_HELP_ID}>
          {t('card.keyboardHelp')}
        </p>
        <Board />
      </main>
      <ToastArea actions={actions} />
      <Announcer />
    </div>
  );
}
