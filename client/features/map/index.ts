/**
 * What other features (the facilitator console) can use of the map. Wrap it in MapEnvContext,
 * MeContext, PartnersContext and, for a guided session, SessionEnvContext:
 *
 *   <SessionEnvContext.Provider value={{ sessionDoc, workshopDoc, drafts: null, clock }}>
 *     <MapView … />   or   <MapSurface />   (the board without the page header)
 *
 * Without SessionEnvContext the map is unguided: every column open, no timer, no banners.
 */
export { MapView, MapSurface } from './MapView.js';
export { Board } from './Board.js';
export { makeMe, MeContext, PartnersContext, useMe, usePartners, type Me } from './me.js';
export { createMapUiStore, MapUiContext } from './uiStore.js';
export { SessionTimer } from './session/SessionTimer.js';
export { SessionBanner } from './session/SessionBanner.js';
export { RoundBanner } from './session/RoundBanner.js';
export { timerView, type TimerView } from './session/timerMath.js';
export { useColumnAccess, useSession, useWorkshopParticipants } from './session/useSession.js';
export { CardDetailsPanel } from './details/CardDetailsPanel.js';
export {
  createLocalSessionEnv,
  NO_SESSION,
  SessionEnvContext,
  useLiveSessionEnv,
  type SessionClock,
  type SessionEnv,
} from '../../collab/sessionEnv.js';
