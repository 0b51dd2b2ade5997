/** The comparison of partner maps (partners-first workshops): its public entry. */
export { usePartnerSnapshots } from './CompareView.js';
export { MixedSession } from './MixedSession.js';
export { activeColumn, mapProgress, partnerMap, workingMapFor } from './model.js';
export { ProjectorStage } from './ProjectorStage.js';
