import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getColumn } from '../../../shared/columns.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { JOINT_MAP, type DocName } from '../../../shared/protocol.js';
import { useMapEnv } from './currentMap.js';
import type { ClientNotice } from '../../collab/notices.js';
import { Loading } from '../../ui/Loading.js';
import type { WorkshopNotice } from '../../workshop/Workshop.js';
import { isMapShaped } from '../../workshop/mapEnv.js';
import { useLang } from '../../i18n/index.js';
import { AddCardSkipLink } from './AddCardSkipLink.js';
import { Announcer } from './Announcer.js';
import { Board } from './Board.js';
import { MandateBar } from './links/MandateBar.js';
import { ConnectionNotice } from './ConnectionStatus.js';
import { CardDetailsPanel } from './details/CardDetailsPanel.js';
import { useEditHistory } from './details/useEditHistory.js';
import { MapHeader } from './MapHeader.js';
import { useMe, useDrafts, useMap, useNotices, useSession, useWorkshop } from '../../workshop/hooks.js';
import { columnOfStep } from '../../../shared/session.js';
import { KEYBOARD_HELP_ID } from './CardView.js';
import { loadCardEditor } from './lazyEditor.js';
import { DraftsBanner } from './session/DraftsBanner.js';
import { RoundBanner } from './session/RoundBanner.js';
import { SessionBanner } from './session/SessionBanner.js';
import { useRevealNotice } from './session/useRevealNotice.js';
import { ToastArea } from './Toast.js';
import { useCardActions, type CardActions } from './useCardActions.js';
import { useUndoShortcuts } from './useUndoShortcuts.js';
import { createMapUiStore, MapUiContext, useMapUi, useMapUiApi } from './uiStore.js';
import './session/session.css';
import './details/details.css';
import { PrivateRounds } from '../votes/index.js';
import { ParticipantTrajectory } from '../trajectory/index.js';

interface Props {
  workshopId: WorkshopId;
  /** The map to show and work in (default: the joint map). */
  map?: DocName;
  title: string;
  onRejoin: () => void;
}

/**
 * The map screen of one map of the workshop (WorkshopContext; tests put a workshop object over plain
 * Y.Docs there). Holds the map open with my presence, and shows it once it is open.
 */
export function MapView(props: Props) {
  const map = props.map ?? JOINT_MAP;
  const session = useSession();
  // Opens on the step now, also after a reload or a fresh join (the session is known by now).
  const [store] = useState(() => createMapUiStore(map, columnOfStep(session) ?? undefined));
  if (useMap(map) === null) return <Loading />;
  return (
    <MapUiContext.Provider value={store}>
      <MapScreen {...props} />
    </MapUiContext.Provider>
  );
}

/**
 * The board with everything that makes it work (session banners, card details, toasts, the live
 * region, editing presence, history) but without the page header: for embedding, e.g. in the
 * facilitator console. Needs the same contexts as MapView.
 */
export function MapSurface({ map = JOINT_MAP }: { map?: DocName }) {
  const session = useSession();
  const [store] = useState(() => createMapUiStore(map, columnOfStep(session) ?? undefined));
  if (useMap(map) === null) return <Loading />;
  return (
    <MapUiContext.Provider value={store}>
      <SurfaceContent />
    </MapUiContext.Provider>
  );
}

function SurfaceContent() {
  const { t } = useTranslation();
  const actions = useCardActions();
  useMapBehaviour(actions);
  return (
    <div className="map-surface" data-testid="map.surface">
      <SessionBars />
      <p className="sr-only" id={KEYBOARD_HELP_ID}>
        {t('card.keyboardHelp')}
      </p>
      <Board />
      <MandateBar />
      <CardDetailsPanel actions={actions} />
      <ToastArea actions={actions} />
      <Announcer />
    </div>
  );
}

function noticeText(
  notice: ClientNotice,
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: 'nl' | 'en',
): string {
  switch (notice.code) {
    case 'column-locked':
      return t('notice.columnLocked', { columns: notice.columns.map((c) => getColumn(c).label[lang]).join(', ') });
    case 'private-phase':
      return t('sessionNotice.privatePhase');
    case 'needs-who-what-when':
      return t('sessionNotice.needsWhoWhatWhen');
    case 'write-refused':
      return t('sessionNotice.writeRefused');
    case 'invalid-card':
      return t('sessionNotice.invalidCard');
    case 'server-only':
      return t('sessionNotice.serverOnly');
    case 'status-by-facilitator':
      return t(notice.rule === 'consensus' ? 'sessionNotice.statusByConsensus' : 'sessionNotice.statusByFacilitator');
    case 'agreement-own-partner':
      return t('sessionNotice.agreementOwnPartner');
    case 'agreement-reopened':
      return t('sessionNotice.agreementReopened', { count: notice.cards.length });
    case 'tag-by-facilitator':
      return t('sessionNotice.tagByFacilitator');
    case 'authorship':
      return t('authorship.notice.forged');
    case 'text-too-long':
      return t('authorship.notice.tooLong', { max: notice.max });
    case 'removal-proposed':
      return t('authorship.notice.removalProposed');
    case 'link-refused':
      return t(`links.notice.${notice.reason}`);
    case 'signoff-own':
      return t('mandate.notice');
    case 'private-refused':
      return t(`votes.refused.${notice.reason}`);
    case 'follow-up':
      return t(notice.reason === 'not-agreed' ? 'trajectory.notice.notAgreed' : 'trajectory.notice.notOwner');
  }
}

/** What every map screen does besides drawing: keyboard undo, presence, notices, history, reveal. */
function useMapBehaviour(actions: CardActions) {
  const { t } = useTranslation();
  const me = useMe();
  const env = useMapEnv();
  const drafts = useDrafts();
  const lang = useLang();
  const ui = useMapUiApi();
  const editing = useMapUi((s) => s.editing);
  useUndoShortcuts(actions);
  useEditHistory();
  useRevealNotice();
  useEffect(() => {
    if (me.canEdit) void loadCardEditor();
  }, [me.canEdit]);

  // Presence: others see which card I am editing (drives their "… is editing" label). A draft is
  // announced only in the drafts document, which no other participant can open.
  useEffect(() => {
    const inDrafts = !!editing && !!drafts?.readModel.getCard(editing) && !env.readModel.getCard(editing);
    for (const [host, value] of [
      [env.awarenessHost, inDrafts ? null : editing],
      [drafts?.awarenessHost, inDrafts ? editing : null],
    ] as const) {
      const awareness = host?.awareness;
      if (awareness && awareness.getLocalState() !== null) awareness.setLocalStateField('editing', value);
    }
  }, [env, drafts, editing]);

  // Notices about this map, and about the documents every map screen works with (session, workshop,
  // my drafts); notices about other maps belong to the screens that show them.
  const mapName = env.docName;
  const draftsName = useWorkshop().draftsName;
  const onNotice = useCallback(
    ({ doc, notice }: WorkshopNotice) => {
      if (doc !== mapName && doc !== draftsName && isMapShaped(doc)) return;
      const text = noticeText(notice, t, lang);
      ui.getState().showToast({ text });
      ui.getState().announce(text);
    },
    [mapName, draftsName, lang, t, ui],
  );
  useNotices(onNotice);
}

function SessionBars() {
  return (
    <div className="session-bars">
      <DraftsBanner />
      <SessionBanner />
      <RoundBanner />
      <PrivateRounds />
    </div>
  );
}

function MapScreen({ workshopId, title, onRejoin, map }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const actions = useCardActions();
  useMapBehaviour(actions);

  return (
    <div className="map-page" data-testid="map">
      <AddCardSkipLink />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <MapHeader workshopId={workshopId} title={title} actions={actions} />
      <ConnectionNotice onRejoin={onRejoin} />
      <main id="main" className="map-main" tabIndex={-1}>
        {!me.canEdit && <p className="notice-bar">{t('map.readOnly')}</p>}
        <SessionBars />
        {/* The actions live on the joint map; a partner's own map (partners first) has none [J7]. */}
        {(map ?? JOINT_MAP) === JOINT_MAP && <ParticipantTrajectory />}
        <p className="sr-only" id={KEYBOARD_HELP_ID}>
          {t('card.keyboardHelp')}
        </p>
        <Board />
        <MandateBar />
      </main>
      <CardDetailsPanel actions={actions} />
      <ToastArea actions={actions} />
      <Announcer />
    </div>
  );
}
